import { z } from 'zod';
import { normaliseWidth } from './normalise';

const digits = (min: number, max: number) =>
  z
    .string()
    .max(64)
    .transform(normaliseWidth)
    .pipe(z.string().regex(new RegExp(`^[0-9]{${min},${max}}$`)));

/** SPEC R-TOK-5: half-width digits, 8 to 12, full-width accepted and normalised. */
export const serialField = digits(8, 12);

/** SPEC R-OTP-1: six digits. */
export const otpField = digits(6, 6);

export const loginIdField = z
  .string()
  .max(64)
  .transform(normaliseWidth)
  .pipe(z.string().regex(/^[A-Za-z0-9]{4,32}$/));

/** Compared exactly: no normalisation, no trimming. */
export const passwordField = z.string().min(1).max(128);

/** 256-bit random IDs, base64url. */
export const opaqueIdField = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
