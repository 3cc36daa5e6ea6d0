import { useT } from '../i18n';
import '../styles/steps.css';

type Props = { steps: readonly string[]; current: number };

/**
 * SPEC R-REV-2a: トークン失効の対象利用者を選択 › 変更完了 (and the setup and import steps), the current step marked for
 * sight and for screen readers.
 */
export function StepIndicator({ steps, current }: Props) {
  const t = useT();
  return (
    <ol className="steps" aria-label={t.revoke.stepsLabel}>
      {steps.map((step, i) => (
        <li key={step} className={i === current ? 'step step-current' : 'step'} aria-current={i === current ? 'step' : undefined}>
          {step}
        </li>
      ))}
    </ol>
  );
}
