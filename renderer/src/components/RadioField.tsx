import { FieldShell, type ChoiceProps } from './FieldShell';

type Props<V extends string> = ChoiceProps<V> & { disabled?: boolean; error?: string };

/** A radio group laid out as FormField is (利用者区分); the group is named by its label and described by hint and error. */
export function RadioField<V extends string>({ id, label, value, options, onChange, disabled, hint, error }: Props<V>) {
  return (
    <FieldShell id={id} label={label} required hint={hint} withError error={error} group>
      {options.map((o) => (
        <label key={o.value} className="checkbox radio">
          <input type="radio" name={id} value={o.value} checked={value === o.value} disabled={disabled} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </FieldShell>
  );
}
