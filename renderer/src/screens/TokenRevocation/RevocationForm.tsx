import type { AppError } from '../../../../shared/errors';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { StepUpFields, useStepUp } from '../../components/StepUpFields';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useNavigation } from '../../stores/navigation';
import { useRevocation } from '../../stores/revocation';
import { UserListPanel } from './UserListPanel';

/** Refusals about the selection itself are shown beside the list they concern. */
const placeOf = (error: AppError) =>
  error.code === 'NOT_REVOCABLE' || error.code === 'USER_NOT_FOUND' ? 'loginIds' : fieldOf(error);

/**
 * BRSK027's form (SPEC R-REV-3, R-OTP-4): the selection in the user list, then 認証項目 (the operator's
 * authentication password and an OTP). An empty selection is named with the other problems of the submit.
 */
export function RevocationForm() {
  const t = useT();
  const revoke = useRevocation((s) => s.revoke);
  const nothingSelected = useRevocation((s) => s.selected.size === 0);
  const go = useNavigation((s) => s.go);
  const stepUp = useStepUp('revoke');
  const ids = { loginIds: 'select-all', ...stepUp.ids };
  const labels = { loginIds: t.revoke.list, authPassword: t.stepUp.authPassword, otp: t.stepUp.otp };
  const checks = { loginIds: nothingSelected && ((d: typeof t) => d.revoke.selectRequired) };
  const form = useSubmission({ ids, labels, placeOf, ...stepUp.rules, checks });

  const submit = () =>
    form.submit(async () => {
      const error = await revoke(stepUp.value.authPassword, stepUp.value.otp);
      stepUp.settle(error, error ? placeOf(error) : undefined);
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} summary={form.summary}>
      <UserListPanel error={form.fieldError('loginIds')} />
      <section className="panel">
        <Alert message={form.formError} />
        <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
        <FormActions back={{ label: t.revoke.back, onClick: () => go('userMenu') }} submit={t.revoke.submit} />
      </section>
    </Form>
  );
}
