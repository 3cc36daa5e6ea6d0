import { createHmac, hkdfSync } from 'node:crypto';
import type { SealKey } from './seal';

/** A key for keyed hashes of audit data, kept apart from the seal key it is derived from (RFC 5869 HKDF). */
export type AuditKey = Buffer & { readonly __auditKey: unique symbol };

/** The `info` separates this subkey from any other use of the seal key; the seal key itself never hashes anything. */
export const deriveAuditKey = (sealKey: SealKey): AuditKey =>
  Buffer.from(hkdfSync('sha256', sealKey, Buffer.alloc(0), 'otp-desktop audit typed-login-id v1', 32)) as AuditKey;

/**
 * A login ID that matches no user may be a password typed into the wrong field: the audit keeps only this HMAC,
 * which still lets repeated attempts on one unknown ID be counted and correlated (SPEC R-GEN-2), never read back.
 */
export const typedLoginIdHmac = (key: AuditKey, typed: string): string =>
  createHmac('sha256', key).update(typed.normalize('NFC'), 'utf8').digest('hex');
