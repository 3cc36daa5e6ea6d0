import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormField } from '../../components/FormField';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';

const ids = { serial: 'register-serial', otp: 'register-otp' };

/**
 * BLGI020 (SPEC R-LOG-3, R-TOK-5, R-TOK-7): serial number and current OTP; 認証確認 registers the token and
 * opens the top page at once. Full-width digits are shown half-width as soon as they are typed.
 */
export function TokenRegistrationScreen() {
  const t = useT();
  const registerToken = useSession((s) => s.registerToken);
  const cancelLogin = useSession((s) => s.cancelLogin);
  const [serial, setSerial] = useState('');
  const [otp, setOtp] = useState('');
  const form = useSubmission({ ids, labels: { serial: t.register.serial, otp: t.register.otp } });

  const submit = () =>
    form.submit({ serial, otp }, async () => {
      const error = await registerToken(serial, otp);
      if (error) setOtp('');
      return error;
    });

  return (
    <>
      <ScreenHeader title={t.register.title} screenId="BLGI020" />
      <p className="notice-needed">{t.register.needed}</p>
      <p className="lead">{t.register.intro}</p>
      <section className="panel">
        <Form onSubmit={() => void submit()}>
          <Alert message={form.formError} />
          <FormField
            id={ids.serial}
            label={t.register.serial}
            required
            value={serial}
            onChange={setSerial}
            normalise
            inputMode="numeric"
            autoComplete="off"
            hint={t.register.serialHint}
            error={form.fieldError('serial')}
          />
          <FormField
            id={ids.otp}
            label={t.register.otp}
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
              {t.register.cancel}
            </button>
            <button type="submit" className="button button-primary button-next">
              {t.register.submit}
            </button>
          </div>
          <p className="note">{t.register.note}</p>
        </Form>
      </section>
      <p className="caution">{t.app.caution}</p>
    </>
  );
}
