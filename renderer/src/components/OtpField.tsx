import type { AppError } from '../../../shared/errors';
import { fieldOf } from '../i18n/errors';
import { FormField } from './FormField';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Step-up codes are masked like the password beside them; the login code is shown as typed. */
  masked?: boolean;
};

/** The hardware token's six digits (SPEC R-OTP-1): full-width digits typed by an IME are shown half-width. */
export function OtpField({ id, label, value, onChange, error, masked }: Props) {
  return (
    <FormField
      id={id}
      type={masked ? 'password' : 'text'}
      label={label}
      required
      value={value}
      onChange={onChange}
      normalise
      inputMode="numeric"
      autoComplete="one-time-code"
      error={error}
    />
  );
}

/**
 * Whether the OTP field is emptied after an answer: only a code the main process consumed (success, R-OTP-2)
 * or refused as wrong (a refusal about `otp`) is gone; any other refusal leaves everything typed in place.
 */
export const otpSpent = (error: AppError | null): boolean => error === null || fieldOf(error) === 'otp';
