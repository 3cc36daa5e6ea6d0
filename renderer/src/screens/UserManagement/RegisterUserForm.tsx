import { useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { loginIdField } from '../../../../shared/input/fields';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { NewPasswordPair } from '../../components/NewPasswordPair';
import { newPasswordPair } from '../../components/passwordChecks';
import { RadioField } from '../../components/RadioField';
import { StepUpFields, useStepUp } from '../../components/StepUpFields';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useNavigation } from '../../stores/navigation';
import { useUserAdmin, type NewUser } from '../../stores/userAdmin';

type Field = keyof NewUser | 'loginConfirm' | 'authConfirm' | 'authPassword' | 'otp';

const placeOf = (error: AppError) => (error.code === 'LOGIN_ID_TAKEN' ? 'loginId' : error.code === 'MASTER_RULE' ? 'userType' : fieldOf(error));

const PASSWORDS = {
  login: { password: 'initialLoginPassword', confirm: 'loginConfirm' },
  auth: { password: 'initialAuthPassword', confirm: 'authConfirm' },
} as const;

const blank: NewUser = { loginId: '', name: '', userType: 'general', initialLoginPassword: '', initialAuthPassword: '' };

/** 利用者登録's form: the user, their initial passwords (live rules), and the operator's step-up (SPEC R-OTP-4). */
export function RegisterUserForm() {
  const t = useT();
  const register = useUserAdmin((s) => s.register);
  const go = useNavigation((s) => s.go);
  const stepUp = useStepUp('register');
  const [user, setUser] = useState<NewUser>(blank);
  const [confirm, setConfirm] = useState({ login: '', auth: '' });
  const r = t.registerUser;
  const ids: Record<Field, string> = {
    loginId: 'register-login-id',
    name: 'register-name',
    userType: 'register-user-type',
    initialLoginPassword: 'register-initial-login-password',
    loginConfirm: 'register-initial-login-password-confirm',
    initialAuthPassword: 'register-initial-auth-password',
    authConfirm: 'register-initial-auth-password-confirm',
    ...stepUp.ids,
  };
  const labels: Record<Field, string> = {
    loginId: t.admin.loginId,
    name: t.admin.name,
    userType: t.admin.userType,
    initialLoginPassword: r.initialLogin,
    loginConfirm: t.passwordRules.confirm(r.initialLogin),
    initialAuthPassword: r.initialAuth,
    authConfirm: t.passwordRules.confirm(r.initialAuth),
    authPassword: t.stepUp.authPassword,
    otp: t.stepUp.otp,
  };
  const set = (name: keyof NewUser) => (value: string) => setUser({ ...user, [name]: value });
  const { contexts, login, auth } = newPasswordPair(user.loginId, { login: user.initialLoginPassword, auth: user.initialAuthPassword }, confirm);
  const form = useSubmission({
    ids,
    labels,
    placeOf,
    required: { ...user, loginConfirm: confirm.login, authConfirm: confirm.auth, ...stepUp.value },
    schemas: { loginId: loginIdField, ...stepUp.rules.schemas },
    checks: { initialLoginPassword: login.password, loginConfirm: login.confirm, initialAuthPassword: auth.password, authConfirm: auth.confirm },
  });

  const submit = () =>
    form.submit(async () => {
      const error = await register(user, stepUp.value);
      stepUp.settle(error, error ? placeOf(error) : undefined);
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} className="panel" summary={form.summary}>
      <Alert message={form.formError} />
      <h2>{r.user}</h2>
      <FormField id={ids.loginId} label={labels.loginId} required value={user.loginId} onChange={set('loginId')} normalise autoComplete="off" hint={t.admin.loginIdHint} error={form.fieldError('loginId')} />
      <FormField id={ids.name} label={labels.name} required value={user.name} onChange={set('name')} autoComplete="off" error={form.fieldError('name')} />
      <RadioField
        id={ids.userType}
        label={labels.userType}
        value={user.userType}
        onChange={(userType) => setUser({ ...user, userType })}
        options={[
          { value: 'admin', label: t.userTypes.admin },
          { value: 'general', label: t.userTypes.general },
        ]}
        error={form.fieldError('userType')}
      />
      <NewPasswordPair names={PASSWORDS} ids={ids} labels={labels} values={user} onChange={set} confirm={confirm} onConfirm={setConfirm} contexts={contexts} fieldError={form.fieldError} />
      <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
      <FormActions back={{ label: t.admin.toMenu, onClick: () => go('userMenu') }} submit={r.submit} />
    </Form>
  );
}
