import { ok, type AppError, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { LoginStep } from '../../shared/contract/models';
import { verifyPassword } from '../crypto/password';
import type { Deps } from '../context/deps';
import { activeTokenOf, latestRevocationOf } from '../store/repos/assignments';
import { findUserByLoginId } from '../store/repos/users';
import { auditSuccess, refuseAttempt } from '../attempts/failures';
import { rehashIfOld } from '../attempts/rehash';
import { spendUnprovenWork } from './decoy';

/**
 * Until the password is proven, an unknown ID, a wrong password and a locked account get this one answer: same
 * code, same shape, no attempts left, after the same work: one KDF run of each scheme still stored (./decoy.ts,
 * issue 11 finding 3).
 */
const UNPROVEN: AppError = { code: 'BAD_CREDENTIALS', field: 'password' };

/**
 * BLGI001, first step (SPEC R-LOG-1, R-LOG-2, R-LOG-4, R-OTP-3): the login password, then where the user goes
 * next. Nothing is said about the account (locked, attempts left) or the token until the password is right.
 */
export async function login(deps: Deps, input: RequestOf<'auth', 'login'>, now: Date): Promise<Result<LoginStep>> {
  const action = 'login.password';
  const user = await findUserByLoginId(deps.db, input.loginId);
  // A deleted user is answered exactly as an unknown ID: same KDF work, same refusal.
  if (!user || user.deleted_at !== null) {
    await spendUnprovenWork(deps, input.password, null, now);
    return refuseAttempt(deps, { typed: input.loginId }, action, UNPROVEN, now);
  }
  if (!(await verifyPassword(input.password, user.login_password_hash))) {
    await spendUnprovenWork(deps, input.password, user.login_password_hash, now);
    return refuseAttempt(deps, user, action, UNPROVEN, now, { quiet: true });
  }
  // The password is right: now the user may learn that the account is locked (and so to ask an admin).
  if (user.locked_at !== null) return refuseAttempt(deps, user, action, { code: 'LOCKED' }, now);
  await rehashIfOld(deps, user, 'login', input.password);
  const active = await activeTokenOf(deps.db, user.id);
  if (!active) {
    const opensAt = (await latestRevocationOf(deps.db, user.id))?.reregistration_at ?? 0;
    if (opensAt > now.getTime()) {
      const error = { code: 'REVOKED_COOLING_DOWN' as const, reRegistrationAt: new Date(opensAt).toISOString() };
      return refuseAttempt(deps, user, action, error, now);
    }
  }
  const kind = active ? 'needsOtp' : 'needsTokenRegistration';
  await auditSuccess(deps, user.login_id, action, now, { next: kind });
  const challenge = await deps.sessions.issueChallenge(user.id, kind, now);
  return ok({ kind, challengeId: challenge.id, name: user.name });
}
