import { describedBy, FieldShell } from './FieldShell';

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
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} withError error={error}>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint })}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </FieldShell>
  );
}
