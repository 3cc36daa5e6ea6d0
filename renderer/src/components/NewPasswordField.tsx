import type { PasswordContext } from '../../../shared/input/passwordPolicy';
import { useT } from '../i18n';
import { FormField } from './FormField';
import { PasswordRules } from './PasswordRules';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  confirm: string;
  onConfirmChange: (value: string) => void;
  context: PasswordContext;
  otherLabel: string;
  error?: string;
  confirmError?: string;
  /** Optional where the user may leave the password as it is (パスワード変更 outside the forced change). */
  optional?: boolean;
};

/** A new password with its live rules (shared/input/passwordPolicy) and a second entry to catch a typing slip. */
export function NewPasswordField({ id, label, value, onChange, confirm, onConfirmChange, context, otherLabel, error, confirmError, optional }: Props) {
  const t = useT();
  const rulesId = `${id}-rules`;
  return (
    <>
      <FormField id={id} type="password" label={label} required={!optional} value={value} onChange={onChange} autoComplete="new-password" describedBy={`${rulesId}-heading ${rulesId}`} error={error}>
        <PasswordRules id={rulesId} label={label} password={value} context={context} otherLabel={otherLabel} />
      </FormField>
      <FormField
        id={`${id}-confirm`}
        type="password"
        label={t.passwordRules.confirm(label)}
        required={!optional}
        value={confirm}
        onChange={onConfirmChange}
        autoComplete="new-password"
        error={confirmError}
      />
    </>
  );
}
