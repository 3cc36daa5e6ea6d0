import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { otpField } from '../../../shared/input/fields';
import { useT } from '../i18n';
import { fieldOf } from '../i18n/errors';
import type { StepUp } from '../stores/tokenImport';
import { FormField } from './FormField';
import { OtpField, otpSpent } from './OtpField';

const none: StepUp = { authPassword: '', otp: '' };

/**
 * The step-up every admin operation needs (SPEC R-OTP-4): the operator's 認証パスワード and an OTP. After an
 * answer, an OTP that was used (a success, R-OTP-2) or refused is cleared, and so is a refused password; any
 * other refusal consumes nothing and leaves both in place.
 */
export function useStepUp(prefix: string) {
  const [value, setValue] = useState<StepUp>(none);
  const ids = { authPassword: `${prefix}-auth-password`, otp: `${prefix}-otp` };
  const settle = (error: AppError | null, placed: string | undefined = error ? fieldOf(error) : undefined) => {
    setValue((v) => ({ authPassword: placed === 'authPassword' ? '' : v.authPassword, otp: otpSpent(error) || placed === 'otp' ? '' : v.otp }));
  };
  /** What useSubmission checks: both are required, the code against the same schema as the main process. */
  const rules = { required: value, schemas: { otp: otpField } };
  return { value, setValue, ids, settle, rules };
}

type Props = {
  stepUp: ReturnType<typeof useStepUp>;
  errors: { authPassword?: string; otp?: string };
};

type PasswordProps = { id: string; value: string; onChange: (value: string) => void; error?: string };

/** The operator's 認証パスワード, compared exactly by the main process (never normalised). */
export function AuthPasswordField({ id, value, onChange, error }: PasswordProps) {
  const t = useT();
  return <FormField id={id} type="password" label={t.stepUp.authPassword} required value={value} onChange={onChange} autoComplete="off" error={error} />;
}

/** 認証項目, as BRSK027 shows it. */
export function StepUpFields({ stepUp, errors }: Props) {
  const t = useT();
  const { value, setValue, ids } = stepUp;
  const headingId = `${ids.authPassword}-heading`;
  return (
    <fieldset className="step-up" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.stepUp.heading}</h2>
      <p className="note">{t.stepUp.note}</p>
      <AuthPasswordField id={ids.authPassword} value={value.authPassword} onChange={(authPassword) => setValue({ ...value, authPassword })} error={errors.authPassword} />
      <OtpField id={ids.otp} masked label={t.stepUp.otp} value={value.otp} onChange={(otp) => setValue({ ...value, otp })} error={errors.otp} />
    </fieldset>
  );
}
