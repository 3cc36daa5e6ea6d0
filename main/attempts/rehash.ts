import { hashPassword, needsRehash } from '../crypto/password';
import type { Deps } from '../context/deps';
import type { UserRecord } from '../store/schema';
import { replacePasswordHash, type Secret } from '../store/repos/userAdmin';

/**
 * After a successful check: a hash made with older parameters (the desktop's scrypt, a lower cost) is replaced by
 * one with the current ones, so raising the cost needs no password reset. Replaced only if unchanged meanwhile.
 */
export async function rehashIfOld(deps: Deps, user: UserRecord, which: Secret, password: string): Promise<void> {
  const stored = which === 'login' ? user.login_password_hash : user.auth_password_hash;
  if (!needsRehash(stored, deps.kdf)) return;
  await replacePasswordHash(deps.db, user.id, which, stored, await hashPassword(password, deps.kdf));
}
