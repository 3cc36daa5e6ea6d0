import { createHash, timingSafeEqual } from 'node:crypto';
import { failedRules, type PasswordContext, type PasswordRule } from '../../shared/input/passwordPolicy';
import type { AppError } from '../../shared/errors';
import { verifyPassword } from '../crypto/password';
import type { UserRecord } from '../store/schema';

/** A user created with initial passwords must change both before anything else (issue: provisioning). */
export const mustChangePasswords = (user: Pick<UserRecord, 'login_password_initial' | 'auth_password_initial'>): boolean =>
  user.login_password_initial === 1 || user.auth_password_initial === 1;

/** Two typed passwords compared in constant time (over their SHA-256, so their lengths do not show either). */
export function samePassword(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s.normalize('NFC'), 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** SPEC R-REV-6: the pending reset of a master's authentication password, as the session and the top page show it. */
export const authPasswordResetOf = (user: Pick<UserRecord, 'auth_password_reset_by' | 'auth_password_reset_at'>) =>
  user.auth_password_reset_by !== null && user.auth_password_reset_at !== null
    ? { by: user.auth_password_reset_by, at: new Date(user.auth_password_reset_at).toISOString() }
    : null;

/** PASSWORD_POLICY naming the field and every rule it breaks, or null when the password is acceptable. */
export function policyRefusal(field: string, password: string, context: PasswordContext, extra: PasswordRule[] = []): AppError | null {
  const rules = [...new Set([...failedRules(password, context), ...extra])];
  return rules.length === 0 ? null : { code: 'PASSWORD_POLICY', field, rules };
}

/**
 * The other password is stored only as a hash, so "must differ" (SPEC Actors: two different secrets) is checked
 * by verifying the new password against it.
 */
export async function sameAsStored(password: string, otherHash: string): Promise<PasswordRule[]> {
  return (await verifyPassword(password, otherHash)) ? ['differs'] : [];
}
