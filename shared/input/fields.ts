import { z } from 'zod';
import { COMPANY_CODE_MAX, LOGIN_ID_LENGTH, NAME_MAX, OTP_DIGITS, PRE_SHARED_KEY_PATTERN, SERIAL_DIGITS } from './limits';
import { normaliseWidth } from './normalise';

const digits = (min: number, max: number) =>
  z
    .string()
    .max(64)
    .transform(normaliseWidth)
    .pipe(z.string().regex(new RegExp(`^[0-9]{${min},${max}}$`)));

/** SPEC R-TOK-5: half-width digits, 8 to 12, full-width accepted and normalised. */
export const serialField = digits(SERIAL_DIGITS.min, SERIAL_DIGITS.max);

/** SPEC R-OTP-1: six digits. */
export const otpField = digits(OTP_DIGITS, OTP_DIGITS);

export const loginIdField = z
  .string()
  .max(64)
  .transform(normaliseWidth)
  .pipe(z.string().regex(new RegExp(`^[A-Za-z0-9]{${LOGIN_ID_LENGTH.min},${LOGIN_ID_LENGTH.max}}$`)));

/** Compared exactly: no normalisation, no trimming. */
export const passwordField = z.string().min(1).max(128);

/** 256-bit random IDs, base64url. */
export const opaqueIdField = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const companyCodeField = z.string().regex(new RegExp(`^[A-Za-z0-9]{1,${COMPANY_CODE_MAX}}$`));

/** A company's or a user's name. */
export const nameField = z.string().trim().min(1).max(NAME_MAX);

export const preSharedKeyField = z.string().regex(PRE_SHARED_KEY_PATTERN);
