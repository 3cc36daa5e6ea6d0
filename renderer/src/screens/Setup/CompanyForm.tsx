import { useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { loginIdField } from '../../../../shared/input/fields';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { NewPasswordPair } from '../../components/NewPasswordPair';
import { newPasswordPair } from '../../components/passwordChecks';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useSetup, type CompanyInput } from '../../stores/setup';

type Field = keyof CompanyInput | 'loginPasswordConfirm' | 'authPasswordConfirm';

const ids: Record<Field, string> = {
  companyCode: 'setup-company-code',
  companyName: 'setup-company-name',
  masterLoginId: 'setup-master-login-id',
  masterName: 'setup-master-name',
  loginPassword: 'setup-login-password',
  loginPasswordConfirm: 'setup-login-password-confirm',
  authPassword: 'setup-auth-password',
  authPasswordConfirm: 'setup-auth-password-confirm',
};

const placeOf = (error: AppError) =>
  error.code === 'LOGIN_ID_TAKEN' ? 'masterLoginId' : error.code === 'COMPANY_CODE_TAKEN' ? 'companyCode' : fieldOf(error);

const PASSWORDS = {
  login: { password: 'loginPassword', confirm: 'loginPasswordConfirm' },
  auth: { password: 'authPassword', confirm: 'authPasswordConfirm' },
} as const;

const blank: CompanyInput = { companyCode: '', companyName: '', masterLoginId: '', masterName: '', loginPassword: '', authPassword: '' };

/** 初期設定, step 1: the company and its master user, with both passwords checked against the rules as typed. */
export function CompanyForm() {
  const t = useT();
  const create = useSetup((s) => s.create);
  const [input, setInput] = useState<CompanyInput>(blank);
  const [confirm, setConfirm] = useState({ login: '', auth: '' });
  const s = t.setup;
  const labels: Record<Field, string> = {
    companyCode: s.companyCode,
    companyName: s.companyName,
    masterLoginId: s.masterLoginId,
    masterName: s.masterName,
    loginPassword: s.loginPassword,
    loginPasswordConfirm: t.passwordRules.confirm(s.loginPassword),
    authPassword: s.authPassword,
    authPasswordConfirm: t.passwordRules.confirm(s.authPassword),
  };
  const field = (name: keyof CompanyInput) => (value: string) => setInput({ ...input, [name]: value });
  const { contexts, login, auth } = newPasswordPair(input.masterLoginId, { login: input.loginPassword, auth: input.authPassword }, confirm);
  const form = useSubmission({
    ids,
    labels,
    placeOf,
    required: { ...input, loginPasswordConfirm: confirm.login, authPasswordConfirm: confirm.auth },
    schemas: { masterLoginId: loginIdField },
    checks: { loginPassword: login.password, loginPasswordConfirm: login.confirm, authPassword: auth.password, authPasswordConfirm: auth.confirm },
  });

  const submit = () => form.submit(() => create(input));

  const text = (name: 'companyCode' | 'companyName' | 'masterLoginId' | 'masterName', hint?: string, normalise = false) => (
    <FormField id={ids[name]} label={labels[name]} required value={input[name]} onChange={field(name)} hint={hint} normalise={normalise} autoComplete="off" error={form.fieldError(name)} />
  );
  return (
    <Form onSubmit={() => void submit()} className="panel" summary={form.summary}>
      <Alert message={form.formError} />
      <h2 id="setup-company-heading">{s.company}</h2>
      {text('companyCode', s.companyCodeHint, true)}
      {text('companyName')}
      <h2 id="setup-master-heading" className="form-subheading">
        {s.master}
      </h2>
      {text('masterLoginId', s.loginIdHint, true)}
      {text('masterName')}
      <NewPasswordPair names={PASSWORDS} ids={ids} labels={labels} values={input} onChange={field} confirm={confirm} onConfirm={setConfirm} contexts={contexts} fieldError={form.fieldError} />
      <FormActions submit={s.next} />
    </Form>
  );
}
