import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { useSubmission } from '../../components/useSubmission';
import { loginIdField } from '../../../../shared/input/fields';
import { useT } from '../../i18n';
import { useSetup, type ResumeInput } from '../../stores/setup';

const ids: Record<keyof ResumeInput, string> = {
  masterLoginId: 'resume-login-id',
  loginPassword: 'resume-login-password',
  authPassword: 'resume-auth-password',
};

/**
 * 初期設定 resumed: the app stopped after the company was created but before its tokens were imported. The
 * master proves both passwords (failures count towards the lock) and carries on with the import.
 */
export function ResumeForm() {
  const t = useT();
  const resume = useSetup((s) => s.resume);
  const [input, setInput] = useState<ResumeInput>({ masterLoginId: '', loginPassword: '', authPassword: '' });
  const s = t.setup;
  const labels = { masterLoginId: s.masterLoginId, loginPassword: s.loginPassword, authPassword: s.authPassword };
  const form = useSubmission({ ids, labels, required: input, schemas: { masterLoginId: loginIdField } });
  const field = (name: keyof ResumeInput) => (value: string) => setInput({ ...input, [name]: value });

  const submit = () =>
    form.submit(async () => {
      const error = await resume(input);
      if (error) setInput({ ...input, loginPassword: '', authPassword: '' });
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} labelledBy="resume-heading" className="panel" summary={form.summary}>
      <h2 id="resume-heading">{s.resumeHeading}</h2>
      <Alert message={form.formError} />
      <FormField id={ids.masterLoginId} label={labels.masterLoginId} required value={input.masterLoginId} onChange={field('masterLoginId')} normalise autoComplete="username" error={form.fieldError('masterLoginId')} />
      <FormField id={ids.loginPassword} type="password" label={labels.loginPassword} required value={input.loginPassword} onChange={field('loginPassword')} autoComplete="current-password" error={form.fieldError('loginPassword')} />
      <FormField id={ids.authPassword} type="password" label={labels.authPassword} required value={input.authPassword} onChange={field('authPassword')} autoComplete="off" error={form.fieldError('authPassword')} />
      <FormActions submit={s.resume} />
    </Form>
  );
}
