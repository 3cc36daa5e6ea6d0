import type { PasswordContext } from '../../../shared/input/passwordPolicy';
import { NewPasswordField } from './NewPasswordField';

type Side = 'login' | 'auth';
type Pair<T> = Record<Side, T>;

type Props<F extends string, P extends F> = {
  /** Each password's field name in the form, and its second entry's. */
  names: Pair<{ password: P; confirm: F }>;
  ids: Record<F, string>;
  labels: Record<F, string>;
  values: Record<P, string>;
  onChange: (name: P) => (value: string) => void;
  confirm: Pair<string>;
  onConfirm: (confirm: Pair<string>) => void;
  /** What each password is checked against: the login ID and the other password (newPasswordPair). */
  contexts: Pair<PasswordContext>;
  fieldError: (name: F) => string | undefined;
};

const SIDES = [
  ['login', 'auth'],
  ['auth', 'login'],
] as const;

/** A user's two new passwords, ログインパスワード then 認証パスワード, each with its rules and its second entry. */
export function NewPasswordPair<F extends string, P extends F>({ names, ids, labels, values, onChange, confirm, onConfirm, contexts, fieldError }: Props<F, P>) {
  return SIDES.map(([side, other]) => {
    const { password, confirm: again } = names[side];
    return (
      <NewPasswordField
        key={side}
        id={ids[password]}
        label={labels[password]}
        value={values[password]}
        onChange={onChange(password)}
        confirm={confirm[side]}
        onConfirmChange={(value) => onConfirm({ ...confirm, [side]: value })}
        context={contexts[side]}
        otherLabel={labels[names[other].password]}
        error={fieldError(password)}
        confirmError={fieldError(again)}
      />
    );
  });
}
