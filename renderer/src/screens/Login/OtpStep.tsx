import { useState } from 'react';
import { otpField } from '../../../../shared/input/fields';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { OtpField, otpSpent } from '../../components/OtpField';
import { Screen } from '../../components/Screen';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';

const ids = { otp: 'login-otp' };

/** BLGI001, second step for a user with a token in service (SPEC R-LOG-2, R-OTP-1..3). */
export function OtpStep() {
  const t = useT();
  const name = useSession((s) => s.pending?.name ?? '');
  const verifyOtp = useSession((s) => s.verifyOtp);
  const cancelLogin = useSession((s) => s.cancelLogin);
  const [otp, setOtp] = useState('');
  const form = useSubmission({ ids, labels: { otp: t.otp.otp }, required: { otp }, schemas: { otp: otpField } });

  const submit = () =>
    form.submit(async () => {
      const error = await verifyOtp(otp);
      if (otpSpent(error)) setOtp('');
      return error;
    });

  return (
    <Screen title={t.otp.title} screenId="BLGI001">
      <p className="greeting">{t.otp.greeting(name)}</p>
      <p className="lead">{t.otp.intro}</p>
      <section className="panel">
        <Form onSubmit={() => void submit()} summary={form.summary}>
          <Alert message={form.formError} />
          <OtpField id={ids.otp} label={t.otp.otp} value={otp} onChange={setOtp} error={form.fieldError('otp')} />
          <FormActions centred back={{ label: t.otp.cancel, onClick: cancelLogin }} submit={t.otp.submit} tone="plain" />
        </Form>
      </section>
    </Screen>
  );
}
