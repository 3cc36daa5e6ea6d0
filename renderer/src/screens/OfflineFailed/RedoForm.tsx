import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { StepUpFields, useStepUp } from '../../components/StepUpFields';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useOfflineFailed } from '../../stores/offlineFailed';
import { ChoiceHeading } from './ChoiceHeading';

type Props = { opKey: string; what: string; onClose: () => void };

/** やり直す: the operation made again now, with the operator's fresh step-up (SPEC R-OTP-4); every problem at once. */
export function RedoForm({ opKey, what, onClose }: Props) {
  const t = useT();
  const redo = useOfflineFailed((s) => s.redo);
  const stepUp = useStepUp('redo');
  const labels = { authPassword: t.stepUp.authPassword, otp: t.stepUp.otp };
  const form = useSubmission({ ids: stepUp.ids, labels, ...stepUp.rules });
  const submit = () =>
    form.submit(async () => {
      const error = await redo(opKey, stepUp.value);
      stepUp.settle(error);
      if (!error) onClose();
      return error;
    });
  return (
    <section className="panel" aria-labelledby="redo-heading">
      <ChoiceHeading id="redo-heading" text={t.offline.redoHeading(what)} />
      <p>{t.offline.redoNote}</p>
      <Form onSubmit={() => void submit()} summary={form.summary} labelledBy="redo-heading">
        <Alert message={form.formError} />
        <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
        <FormActions back={{ label: t.offline.cancel, onClick: onClose }} submit={t.offline.redo} />
      </Form>
    </section>
  );
}
