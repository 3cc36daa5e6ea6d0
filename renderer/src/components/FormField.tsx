import type { InputHTMLAttributes, ReactNode } from 'react';
import { normaliseWidth } from '../../../shared/input/normalise';
import { useT } from '../i18n';
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
  const t = useT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : undefined, hintId, more].filter(Boolean).join(' ') || undefined;
  // Normalising while an IME composes would break the composition: only on its end and on leaving the field.
  const settle = (raw: string) => {
    if (normalise) onChange(normaliseWidth(raw));
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
        {required && (
          <>
            {' '}
            <span className="required">{t.app.required}</span>
          </>
        )}
      </label>
      <div className="field-body">
        <div className="field-control">
          <input
            {...input}
            id={id}
            value={value}
            aria-required={required || undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            onBlur={(e) => settle(e.target.value)}
            onCompositionEnd={(e) => settle(e.currentTarget.value)}
          />
          {hint && (
            <span id={hintId} className="field-hint">
              {hint}
            </span>
          )}
        </div>
        <p id={errorId} className="field-error" aria-live="polite">
          {error}
        </p>
        {children}
      </div>
    </div>
  );
}
