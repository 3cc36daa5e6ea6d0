import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** One choice of a RadioField or SelectField. */
export type Option<V extends string> = { value: V; label: string };

/** What a field of choices takes, whichever control shows them. */
export type ChoiceProps<V extends string> = {
  id: string;
  label: string;
  value: V;
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  hint?: string;
};

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
  /** Several controls (radios) named together: the shell is their radiogroup, named by its label. */
  group?: boolean;
  /** The control itself (input, select...), carrying `describedBy(...)`. */
  children: ReactNode;
};

/** The ids a control's aria-describedby names: its error, its hint, then anything more. */
export function describedBy(id: string, parts: { error?: string; hint?: string; more?: string }): string | undefined {
  return [parts.error ? `${id}-error` : undefined, parts.hint ? `${id}-hint` : undefined, parts.more].filter(Boolean).join(' ') || undefined;
}

/** The guide's field layout shared by every form control: label with 必須, the control and its hint, the error. */
export function FieldShell({ id, label, required, hint, withError, error, after, group, children }: Props) {
  const t = useT();
  const labelId = `${id}-label`;
  const text = (
    <>
      {label}
      {required && (
        <>
          {' '}
          <span className="required">{t.app.required}</span>
        </>
      )}
    </>
  );
  const groupAria = group
    ? { role: 'radiogroup', id, tabIndex: -1, 'aria-labelledby': labelId, 'aria-describedby': describedBy(id, { error, hint }), 'aria-required': required || undefined }
    : {};
  return (
    <div className="field" {...groupAria}>
      {group ? (
        <span id={labelId} className="field-label">
          {text}
        </span>
      ) : (
        <label htmlFor={id} className="field-label">
          {text}
        </label>
      )}
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
