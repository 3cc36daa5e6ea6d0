import { useT } from '../i18n';

type Option<V extends string> = { value: V; label: string };

type Props<V extends string> = {
  id: string;
  label: string;
  value: V;
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  hint?: string;
  error?: string;
};

/** A radio group laid out as FormField is (利用者区分); the group is named by its label and described by hint and error. */
export function RadioField<V extends string>({ id, label, value, options, onChange, disabled, hint, error }: Props<V>) {
  const t = useT();
  const labelId = `${id}-label`;
  const described = [error ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" role="radiogroup" id={id} tabIndex={-1} aria-labelledby={labelId} aria-describedby={described} aria-required>
      <span id={labelId} className="field-label">
        {label} <span className="required">{t.app.required}</span>
      </span>
      <div className="field-body">
        <div className="field-control">
          {options.map((o) => (
            <label key={o.value} className="checkbox radio">
              <input type="radio" name={id} value={o.value} checked={value === o.value} disabled={disabled} onChange={() => onChange(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
        <p id={`${id}-error`} className="field-error" aria-live="polite">
          {error}
        </p>
      </div>
    </div>
  );
}
