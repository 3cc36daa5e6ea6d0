import { useState } from 'react';
import { otpField, serialField } from '../../../../shared/input/fields';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { OtpField, otpSpent } from '../../components/OtpField';
import { AuthPasswordField } from '../../components/StepUpFields';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useNavigation } from '../../stores/navigation';
import { useUserAdmin, type TokenResync } from '../../stores/userAdmin';

const ids: Record<keyof TokenResync, string> = {
  serial: 'resync-serial',
  firstOtp: 'resync-first-otp',
  secondOtp: 'resync-second-otp',
  authPassword: 'resync-auth-password',
};

const blank: TokenResync = { serial: '', firstOtp: '', secondOtp: '', authPassword: '' };

/**
 * トークンの同期's form: the serial, two codes the token shows one after the other, and the operator's
 * authentication password. Codes that resynchronised the token, or were refused, are cleared; a refused
 * password too. The main process audits either way.
 */
export function TokenResyncForm() {
  const t = useT();
  const resync = useUserAdmin((s) => s.resync);
  const go = useNavigation((s) => s.go);
  const [input, setInput] = useState<TokenResync>(blank);
  const r = t.resync;
  const labels: Record<keyof TokenResync, string> = { serial: r.serial, firstOtp: r.firstOtp, secondOtp: r.secondOtp, authPassword: t.stepUp.authPassword };
  const form = useSubmission({
    ids,
    labels,
    required: input,
    schemas: { serial: serialField, firstOtp: otpField, secondOtp: otpField },
  });
  const field = (name: keyof TokenResync) => (value: string) => setInput({ ...input, [name]: value });

  const submit = () =>
    form.submit(async () => {
      const error = await resync(input);
      const placed = error ? fieldOf(error) : undefined;
      const codesSpent = otpSpent(error) || placed === 'firstOtp' || placed === 'secondOtp';
      setInput((now) => ({
        serial: error ? now.serial : '',
        firstOtp: codesSpent ? '' : now.firstOtp,
        secondOtp: codesSpent ? '' : now.secondOtp,
        authPassword: error && placed !== 'authPassword' ? now.authPassword : '',
      }));
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} className="panel" summary={form.summary}>
      <Alert message={form.formError} />
      <FormField
        id={ids.serial}
        label={r.serial}
        required
        value={input.serial}
        onChange={field('serial')}
        normalise
        inputMode="numeric"
        autoComplete="off"
        hint={r.serialHint}
        error={form.fieldError('serial')}
      />
      <fieldset className="step-up" aria-labelledby="resync-codes-heading">
        <h2 id="resync-codes-heading">{r.codes}</h2>
        <OtpField id={ids.firstOtp} label={r.firstOtp} value={input.firstOtp} onChange={field('firstOtp')} error={form.fieldError('firstOtp')} />
        <OtpField id={ids.secondOtp} label={r.secondOtp} value={input.secondOtp} onChange={field('secondOtp')} error={form.fieldError('secondOtp')} />
      </fieldset>
      <fieldset className="step-up" aria-labelledby="resync-auth-heading">
        <h2 id="resync-auth-heading">{t.stepUp.heading}</h2>
        <AuthPasswordField id={ids.authPassword} value={input.authPassword} onChange={field('authPassword')} error={form.fieldError('authPassword')} />
      </fieldset>
      <FormActions back={{ label: t.admin.toMenu, onClick: () => go('userMenu') }} submit={r.submit} />
    </Form>
  );
}
