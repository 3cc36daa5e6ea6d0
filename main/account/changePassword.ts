import { fail, ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { refuse } from '../attempts/failures';
import { hashPassword, verifyPassword } from '../crypto/password';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { appendSuccess } from '../store/repos/audit';
import { setPasswordHash, type Secret } from '../store/repos/userAdmin';
import { clearFailures, findUserById } from '../store/repos/users';
import { transact } from '../store/transaction';
import { mustChangePasswords, policyRefusal, sameAsStored, samePassword } from './passwords';

/** Both password changes take the same request. */
type Input = RequestOf<'account', 'changeLoginPassword'>;

const KINDS = {
  login: { action: 'account.loginPassword', wrong: 'BAD_CREDENTIALS', own: 'login_password_hash', other: 'auth_password_hash' },
  auth: { action: 'account.authPassword', wrong: 'BAD_AUTH_PASSWORD', own: 'auth_password_hash', other: 'login_password_hash' },
} as const satisfies Record<Secret, { action: string; wrong: string; own: keyof UserRecord; other: keyof UserRecord }>;

/**
 * Every user changes their own login or authentication password; the first login after registration requires
 * both (mustChangePasswords). A wrong current password counts towards the lock like any other (SPEC R-OTP-3).
 * The new one must meet the rules and differ from the other password, which is known here only as a hash.
 */
export async function changeOwnPassword(
  deps: Deps,
  session: Session,
  which: Secret,
  input: Input,
  now: Date,
): Promise<Result<Record<string, never>>> {
  const kind = KINDS[which];
  const user = await findUserById(deps.db, session.userId);
  if (!user) return fail('SESSION_INVALID');
  if (user.locked_at !== null) return refuse(deps, user.login_id, kind.action, { code: 'LOCKED' }, now);
  if (!(await verifyPassword(input.current, user[kind.own]))) {
    return refuse(deps, user, kind.action, { code: kind.wrong, field: 'current' }, now);
  }
  // Proven now, so comparing with it tells nothing: a "change" to the same password would leave the gate lifted
  // with a password someone else (the admin who set it) still knows (issue 11 finding 5).
  if (samePassword(input.next, input.current)) {
    return refuse(deps, user.login_id, kind.action, { code: 'PASSWORD_UNCHANGED', field: 'next' }, now);
  }
  const context = { loginId: user.login_id };
  // The other password's hash is verified (an scrypt) only once the plain rules pass.
  const policy =
    policyRefusal('next', input.next, context) ??
    policyRefusal('next', input.next, context, await sameAsStored(input.next, user[kind.other]));
  if (policy) return refuse(deps, user.login_id, kind.action, policy, now);
  const hash = await hashPassword(input.next, deps.kdf);
  const changed = await transact(deps.db, async (tx) => {
    await setPasswordHash(tx, user.id, which, hash, false, now.getTime());
    await clearFailures(tx, user.id);
    await appendSuccess(tx, now, user.login_id, kind.action, user.login_id);
    const after = await findUserById(tx, user.id);
    return ok(after !== undefined && mustChangePasswords(after));
  });
  if (!changed.ok) return changed;
  // The user's sessions leave the password-change gate once neither password is initial any more.
  await deps.sessions.follow(user.id, { mustChangePasswords: changed.value });
  return ok({});
}
