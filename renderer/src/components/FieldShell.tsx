import type { ReactNode } from 'react';
import { useT } from '../i18n';

type Props = {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  /** Fields that can be refused keep a live error region, so a new message is announced. */
  withError?: boolean;
  error?: string;
  /** What follows the error (a password's live rule list). */
  after?: ReactNode;
  /** The control itself (input, select...), carrying `fieldAria(...)`. */
  children: ReactNode;
};

/** The ids a control's aria-describedby names: its error, its hint, then anything more. */
export function describedBy(id: string, parts: { error?: string; hint?: string; more?: string }): string | undefined {
  return [parts.error ? `${id}-error` : undefined, parts.hint ? `${id}-hint` : undefined, parts.more].filter(Boolean).join(' ') || undefined;
}

/** The guide's field layout shared by every form control: label with 必須, the control and its hint, the error. */
export function FieldShell({ id, label, required, hint, withError, error, after, children }: Props) {
  const t = useT();
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
          {children}
          {hint && (
            <span id={`${id}-hint`} className="field-hint">
              {hint}
            </span>
          )}
        </div>
        {withError && (
          <p id={`${id}-error`} className="field-error" aria-live="polite">
            {error}
          </p>
        )}
        {after}
      </div>
    </div>
  );
}
