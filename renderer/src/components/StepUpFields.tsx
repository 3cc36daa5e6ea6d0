import { useState } from 'react';
import { useT } from '../i18n';
import type { StepUp } from '../stores/tokenImport';
import { FormField } from './FormField';

const none: StepUp = { authPassword: '', otp: '' };

/**
 * The step-up every admin operation needs (SPEC R-OTP-4): the operator's 認証パスワード and an OTP. After an
 * answer, a refused secret is cleared for the next try and the other one stays (a refused step-up consumes no
 * OTP); a success clears both, since that OTP is used (R-OTP-2).
 */
export function useStepUp(prefix: string) {
  const [value, setValue] = useState<StepUp>(none);
  const ids = { authPassword: `${prefix}-auth-password`, otp: `${prefix}-otp` };
  const settle = (refusedField: string | undefined, succeeded: boolean) => {
    if (succeeded) setValue(none);
    else if (refusedField === 'otp' || refusedField === 'authPassword') setValue((v) => ({ ...v, [refusedField]: '' }));
  };
  return { value, setValue, ids, settle };
}

type Props = {
  stepUp: ReturnType<typeof useStepUp>;
  errors: { authPassword?: string; otp?: string };
};

/** 認証項目, as BRSK027 shows it. */
export function StepUpFields({ stepUp, errors }: Props) {
  const t = useT();
  const { value, setValue, ids } = stepUp;
  const headingId = `${ids.authPassword}-heading`;
  return (
    <fieldset className="step-up" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.stepUp.heading}</h2>
      <p className="note">{t.stepUp.note}</p>
      <FormField
        id={ids.authPassword}
        type="password"
        label={t.stepUp.authPassword}
        required
        value={value.authPassword}
        onChange={(authPassword) => setValue({ ...value, authPassword })}
        autoComplete="off"
        error={errors.authPassword}
      />
      <FormField
        id={ids.otp}
        type="password"
        label={t.stepUp.otp}
        required
        value={value.otp}
        onChange={(otp) => setValue({ ...value, otp })}
        normalise
        inputMode="numeric"
        autoComplete="one-time-code"
        error={errors.otp}
      />
    </fieldset>
  );
}
