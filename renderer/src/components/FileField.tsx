import { useT } from '../i18n';

type Props = {
  id: string;
  label: string;
  accept: string;
  onFile: (file: File | null) => void;
  required?: boolean;
  hint?: string;
  error?: string;
};

/** A file input laid out as FormField is: label with 必須, hint and error tied to it through aria-describedby. */
export function FileField({ id, label, accept, onFile, required, hint, error }: Props) {
  const t = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
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
            id={id}
            type="file"
            accept={accept}
            aria-required={required || undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={[error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(' ') || undefined}
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
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
      </div>
    </div>
  );
}
