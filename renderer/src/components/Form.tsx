import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

type Props = { onSubmit: () => void; labelledBy?: string; className?: string; children: ReactNode };

/**
 * Enter that confirms a Japanese IME conversion must not submit a half-typed form: while composing, the
 * keydown says isComposing (keyCode 229 in older engines), and its default (implicit submission) is dropped.
 */
export function ignoreImeEnter(event: KeyboardEvent): void {
  if (event.key === 'Enter' && (event.nativeEvent.isComposing || event.keyCode === 229)) event.preventDefault();
}

/** A form that validates in code (noValidate: messages are ours, in the chosen language) and never navigates. */
export function Form({ onSubmit, labelledBy, className, children }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate aria-labelledby={labelledBy} className={className} onSubmit={submit} onKeyDown={ignoreImeEnter}>
      {children}
    </form>
  );
}

/** Moves the focus to the field a refusal is about, so the user lands where the message is. */
export function focusField(id: string): void {
  document.getElementById(id)?.focus();
}
