import { describedBy, FieldShell, type ChoiceProps } from './FieldShell';

type Props<V extends string> = ChoiceProps<V> & { required?: boolean };

/** A <select> laid out as FormField is. */
export function SelectField<V extends string>({ id, label, value, options, onChange, required, hint }: Props<V>) {
  return (
    <FieldShell id={id} label={label} required={required} hint={hint}>
      <select id={id} value={value} aria-describedby={describedBy(id, { hint })} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
