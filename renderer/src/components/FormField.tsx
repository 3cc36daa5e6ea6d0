import type { InputHTMLAttributes, ReactNode } from 'react';
import { normaliseWidth } from '../../../shared/input/normalise';
import { describedBy, FieldShell } from './FieldShell';
import '../styles/forms.css';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required'>;

type Props = InputProps & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: string;
  error?: string;
  /** Digits typed full-width by an IME (５２３) are shown half-width once typed (SPEC R-TOK-5). */
  normalise?: boolean;
  /** More that describes the input (a password's live rule list), after the error and the hint. */
  describedBy?: string;
  children?: ReactNode;
};

/**
 * A labelled input with the guide's 必須 marker, a hint and its error, both tied to the input through
 * aria-describedby; the error region is live so a new message is announced.
 */
export function FormField({ id, label, value, onChange, required, hint, error, normalise, describedBy: more, children, ...input }: Props) {
  // Normalising while an IME composes would break the composition: only on its end and on leaving the field.
  const settle = (raw: string) => {
    if (normalise) onChange(normaliseWidth(raw));
  };
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} withError error={error} after={children}>
      <input
        {...input}
        id={id}
        value={value}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint, more })}
        onChange={(e) => onChange(e.target.value)}
        onBlur={(e) => settle(e.target.value)}
        onCompositionEnd={(e) => settle(e.currentTarget.value)}
      />
    </FieldShell>
  );
}
