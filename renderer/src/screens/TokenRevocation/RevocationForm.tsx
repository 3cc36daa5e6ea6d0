import { useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormField } from '../../components/FormField';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useNavigation } from '../../stores/navigation';
import { useRevocation } from '../../stores/revocation';

const ids = { authPassword: 'revoke-auth-password', otp: 'revoke-otp', loginIds: 'select-all' };

/** Refusals about the selection itself are shown above the form, next to the list they concern. */
const placeOf = (error: AppError) =>
  error.code === 'NOT_REVOCABLE' || error.code === 'USER_NOT_FOUND' ? 'loginIds' : fieldOf(error);

/** 認証項目 of BRSK027 (SPEC R-REV-3, R-OTP-4): the operator's authentication password and an OTP. */
export function RevocationForm() {
  const t = useT();
  const revoke = useRevocation((s) => s.revoke);
  const go = useNavigation((s) => s.go);
  const [authPassword, setAuthPassword] = useState('');
  const [otp, setOtp] = useState('');
  const labels = { authPassword: t.revoke.authPassword, otp: t.revoke.otp, loginIds: t.revoke.list };
  const form = useSubmission({ ids, labels, placeOf });

  const submit = () =>
    form.submit({ authPassword, otp }, async () => {
      const error = await revoke(authPassword, otp);
      // A refused secret is cleared for the next try; the other one stays (a refused step-up consumes no OTP).
      const field = error ? placeOf(error) : undefined;
      if (field === 'otp') setOtp('');
      if (field === 'authPassword') setAuthPassword('');
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} labelledBy="auth-heading" className="panel">
      <p id="selection-error" className="field-error" aria-live="polite">
        {form.fieldError('loginIds')}
      </p>
      <h2 id="auth-heading">{t.revoke.auth}</h2>
      <Alert message={form.formError} />
      <FormField
        id={ids.authPassword}
        type="password"
        label={t.revoke.authPassword}
        required
        value={authPassword}
        onChange={setAuthPassword}
        autoComplete="off"
        error={form.fieldError('authPassword')}
      />
      <FormField
        id={ids.otp}
        type="password"
        label={t.revoke.otp}
        required
        value={otp}
        onChange={setOtp}
        normalise
        inputMode="numeric"
        autoComplete="one-time-code"
        error={form.fieldError('otp')}
      />
      <div className="actions actions-split">
        <button type="button" className="button button-back" onClick={() => go('userMenu')}>
          {t.revoke.back}
        </button>
        <button type="submit" className="button button-primary button-next">
          {t.revoke.submit}
        </button>
      </div>
    </Form>
  );
}
