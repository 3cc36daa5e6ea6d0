import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary';
import type { Problem } from './useSubmission';

type Props = {
  onSubmit: () => void;
  labelledBy?: string;
  className?: string;
  /** The fields' problems after a submit (useSubmission's summary), listed at the top of the form. */
  summary?: readonly Problem[];
  children: ReactNode;
};

/**
 * Enter that confirms a Japanese IME conversion must not submit a half-typed form: while composing, the
 * keydown says isComposing (keyCode 229 in older engines), and its default (implicit submission) is dropped.
 */
export function ignoreImeEnter(event: KeyboardEvent): void {
  if (event.key === 'Enter' && (event.nativeEvent.isComposing || event.keyCode === 229)) event.preventDefault();
}

/** A form that validates in code (noValidate: messages are ours, in the chosen language) and never navigates. */
export function Form({ onSubmit, labelledBy, className, summary, children }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate aria-labelledby={labelledBy} className={className} onSubmit={submit} onKeyDown={ignoreImeEnter}>
      {summary && <ErrorSummary problems={summary} />}
      {children}
    </form>
  );
}
