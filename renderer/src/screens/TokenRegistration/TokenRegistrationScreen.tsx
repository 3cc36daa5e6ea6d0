import { useState } from 'react';
import { otpField, serialField } from '../../../../shared/input/fields';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { OtpField, otpSpent } from '../../components/OtpField';
import { OfflineRefusalNote } from '../../components/OfflineRefusalNote';
import { Screen } from '../../components/Screen';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';

const ids = { serial: 'register-serial', otp: 'register-otp' };

/**
 * BLGI020 (SPEC R-LOG-3, R-TOK-5, R-TOK-7): serial number and current OTP; 認証確認 registers the token and
 * opens the top page at once. Full-width digits are shown half-width as soon as they are typed, and are
 * valid as typed: the shared schema normalises them as the main process does.
 */
export function TokenRegistrationScreen() {
  const t = useT();
  const registerToken = useSession((s) => s.registerToken);
  const cancelLogin = useSession((s) => s.cancelLogin);
  const [serial, setSerial] = useState('');
  const [otp, setOtp] = useState('');
  const form = useSubmission({
    ids,
    labels: { serial: t.register.serial, otp: t.register.otp },
    required: { serial, otp },
    schemas: { serial: serialField, otp: otpField },
  });

  const submit = () =>
    form.submit(async () => {
      const error = await registerToken(serial, otp);
      // An unknown serial consumed no code: the OTP stays for the corrected serial.
      if (otpSpent(error)) setOtp('');
      return error;
    });

  return (
    <Screen title={t.register.title} screenId="BLGI020">
      <OfflineRefusalNote />
      <p className="notice-needed">{t.register.needed}</p>
      <p className="lead">{t.register.intro}</p>
      <section className="panel">
        <Form onSubmit={() => void submit()} summary={form.summary}>
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
          <OtpField id={ids.otp} label={t.register.otp} value={otp} onChange={setOtp} error={form.fieldError('otp')} />
          <FormActions centred back={{ label: t.register.cancel, onClick: cancelLogin }} submit={t.register.submit} />
          <p className="note">{t.register.note}</p>
        </Form>
      </section>
      <p className="caution">{t.app.caution}</p>
    </Screen>
  );
}
