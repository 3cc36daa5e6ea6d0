import { useT } from '../i18n';

type Option<V extends string> = { value: V; label: string };

type Props<V extends string> = {
  id: string;
  label: string;
  value: V;
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  required?: boolean;
  hint?: string;
};

/** A <select> laid out as FormField is. */
export function SelectField<V extends string>({ id, label, value, options, onChange, required, hint }: Props<V>) {
  const t = useT();
  const hintId = `${id}-hint`;
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
          <select id={id} value={value} aria-describedby={hint ? hintId : undefined} onChange={(e) => onChange(e.target.value as V)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {hint && (
            <span id={hintId} className="field-hint">
              {hint}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
