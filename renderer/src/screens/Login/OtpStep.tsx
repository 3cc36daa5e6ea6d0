import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormField } from '../../components/FormField';
import { ScreenHeader } from '../../components/ScreenHeader';
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
  const form = useSubmission({ ids, labels: { otp: t.otp.otp } });

  const submit = () =>
    form.submit({ otp }, async () => {
      const error = await verifyOtp(otp);
      if (error) setOtp('');
      return error;
    });

  return (
    <>
      <ScreenHeader title={t.otp.title} screenId="BLGI001" />
      <p className="greeting">{t.otp.greeting(name)}</p>
      <p className="lead">{t.otp.intro}</p>
      <section className="panel">
        <Form onSubmit={() => void submit()}>
          <Alert message={form.formError} />
          <FormField
            id={ids.otp}
            label={t.otp.otp}
            required
            value={otp}
            onChange={setOtp}
            normalise
            inputMode="numeric"
            autoComplete="one-time-code"
            error={form.fieldError('otp')}
          />
          <div className="actions">
            <button type="button" className="button button-back" onClick={cancelLogin}>
              {t.otp.cancel}
            </button>
            <button type="submit" className="button button-primary">
              {t.otp.submit}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
