import type { ReactNode } from 'react';
import { ScreenHeader } from './ScreenHeader';
import { StepIndicator } from './StepIndicator';

type Props = {
  title: string;
  section?: string;
  /** The guide's screen ID (BLGI001, BRSK027...), only where the guide gives one. */
  screenId?: string;
  /** What stands between the title and the steps: the offline refusal note, a warning. */
  notice?: ReactNode;
  /** The step indicator: the steps and the index of the current one. */
  steps?: { names: readonly string[]; current: number };
  /** The lead paragraph under the title. */
  lead?: ReactNode;
  /** The buttons at the foot of the screen (ScreenActions). */
  actions?: ReactNode;
  children?: ReactNode;
};

/**
 * The bank's page frame, one for every screen: title (with section and screen ID), a notice, step indicator, lead, the
 * screen's own content (its info and error boxes first), and the actions at the foot. A fragment: the frame adds no element of its own,
 * so each screen's page is what it was when each screen wrote the frame out.
 */
export function Screen({ title, section, screenId, notice, steps, lead, actions, children }: Props) {
  return (
    <>
      <ScreenHeader title={title} section={section} screenId={screenId} />
      {notice}
      {steps && <StepIndicator steps={steps.names} current={steps.current} />}
      {lead !== undefined && <p className="lead">{lead}</p>}
      {children}
      {actions}
    </>
  );
}
