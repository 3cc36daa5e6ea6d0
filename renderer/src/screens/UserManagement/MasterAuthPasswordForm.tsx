import { useState } from 'react';
import type { UserRow } from '../../../../shared/contract';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { NewPasswordField } from '../../components/NewPasswordField';
import { newPasswordChecks } from '../../components/passwordChecks';
import { StepUpFields, useStepUp } from '../../components/StepUpFields';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { useUserAdmin } from '../../stores/userAdmin';

type Field = 'newAuthPassword' | 'confirm' | 'authPassword' | 'otp';

/** The master's new authentication password (live rules; "differs" from their login password only main can tell) and the admin's step-up. */
export function MasterAuthPasswordForm({ master }: { master: UserRow }) {
  const t = useT();
  const change = useUserAdmin((s) => s.changeMasterAuthPassword);
  const go = useNavigation((s) => s.go);
  const stepUp = useStepUp('master-auth');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const m = t.masterAuth;
  const ids: Record<Field, string> = { newAuthPassword: 'master-new-auth-password', confirm: 'master-new-auth-password-confirm', ...stepUp.ids };
  const labels: Record<Field, string> = {
    newAuthPassword: m.newAuth,
    confirm: t.passwordRules.confirm(m.newAuth),
    authPassword: t.stepUp.authPassword,
    otp: t.stepUp.otp,
  };
  const context = { loginId: master.loginId };
  const checks = newPasswordChecks(next, confirm, context);
  const form = useSubmission({
    ids,
    labels,
    required: { newAuthPassword: next, confirm, ...stepUp.value },
    schemas: stepUp.rules.schemas,
    checks: { newAuthPassword: checks.password, confirm: checks.confirm },
  });

  const submit = () =>
    form.submit(async () => {
      const error = await change(next, stepUp.value);
      stepUp.settle(error);
      if (!error) {
        setNext('');
        setConfirm('');
      }
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} className="panel" summary={form.summary}>
      <Alert message={form.formError} />
      <NewPasswordField
        id={ids.newAuthPassword}
        label={m.newAuth}
        value={next}
        onChange={setNext}
        confirm={confirm}
        onConfirmChange={setConfirm}
        context={context}
        otherLabel={t.setup.loginPassword}
        error={form.fieldError('newAuthPassword')}
        confirmError={form.fieldError('confirm')}
      />
      <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
      <FormActions back={{ label: t.admin.toMenu, onClick: () => go('userMenu') }} submit={m.submit} />
    </Form>
  );
}
