import type { PasswordContext } from '../../../../shared/input/passwordPolicy';
import { FormField } from '../../components/FormField';
import { NewPasswordField } from '../../components/NewPasswordField';
import { useT } from '../../i18n';
import type { PasswordKind } from '../../stores/account';

export type PasswordEntry = { current: string; next: string; confirm: string };

type Props = {
  kind: PasswordKind;
  entry: PasswordEntry;
  onChange: (entry: PasswordEntry) => void;
  context: PasswordContext;
  /** Already changed in this visit (the forced change keeps going with the other one). */
  done: boolean;
  /** Both passwords must change (initial passwords): every field is required. */
  forced: boolean;
  errors: { current?: string; next?: string; confirm?: string };
};

export const passwordIds = (kind: PasswordKind) => ({ current: `pw-current-${kind}`, next: `pw-next-${kind}`, confirm: `pw-next-${kind}-confirm` });

/** One of パスワード変更's two parts: the current password, the new one with its live rules, and its second entry. */
export function PasswordSection({ kind, entry, onChange, context, done, forced, errors }: Props) {
  const t = useT();
  const label = t.account[kind];
  const other = t.account[kind === 'login' ? 'auth' : 'login'];
  const ids = passwordIds(kind);
  const headingId = `pw-${kind}-heading`;
  return (
    <fieldset className="step-up" aria-labelledby={headingId}>
      <h2 id={headingId}>{label}</h2>
      {done ? (
        <p className="banner banner-success">{t.account.doneAlready(label)}</p>
      ) : (
        <>
          <FormField
            id={ids.current}
            type="password"
            label={t.account.current(label)}
            required={forced}
            value={entry.current}
            onChange={(current) => onChange({ ...entry, current })}
            autoComplete={kind === 'login' ? 'current-password' : 'off'}
            error={errors.current}
          />
          <NewPasswordField
            id={ids.next}
            label={t.account.next(label)}
            value={entry.next}
            onChange={(next) => onChange({ ...entry, next })}
            confirm={entry.confirm}
            onConfirmChange={(confirm) => onChange({ ...entry, confirm })}
            context={context}
            otherLabel={other}
            error={errors.next}
            confirmError={errors.confirm}
            optional={!forced}
          />
        </>
      )}
    </fieldset>
  );
}
