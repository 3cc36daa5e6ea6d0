import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { StepUpFields, useStepUp } from '../../components/StepUpFields';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useTokenImport, type ImportPort } from '../../stores/tokenImport';

/** 取込: with the operator's step-up on the admin path (SPEC R-OTP-4); the first run's setupId stands in for it. */
export function ImportCommitForm({ port }: { port: ImportPort }) {
  const t = useT();
  const commit = useTokenImport((s) => s.commit);
  const reset = useTokenImport((s) => s.reset);
  const phase = useTokenImport((s) => s.phase);
  const stepUp = useStepUp('import');
  const ti = t.tokenImport;
  const form = useSubmission({
    ids: stepUp.ids,
    labels: { authPassword: t.stepUp.authPassword, otp: t.stepUp.otp },
    ...(port.stepUp ? stepUp.rules : {}),
  });

  const submit = () =>
    form.submit(async () => {
      const error = await commit(port, port.stepUp ? stepUp.value : null);
      stepUp.settle(error);
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} className="panel" summary={form.summary}>
      <Alert message={form.formError} />
      {port.stepUp && <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />}
      <FormActions back={{ label: ti.rechoose, onClick: reset }} submit={ti.submit} disabled={phase === 'running'} />
    </Form>
  );
}
