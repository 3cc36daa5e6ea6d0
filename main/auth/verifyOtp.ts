import { fail, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { SessionInfo } from '../../shared/contract/models';
import { consumeOtp } from '../otp/consume';
import type { Deps } from '../context/deps';
import { activeTokenOf } from '../store/repos/assignments';
import { findUserById } from '../store/repos/users';
import { transact } from '../store/transaction';
import { refuseAttempt } from '../attempts/failures';
import { completeLogin, startSession } from './openSession';

/** BLGI001, OTP step (SPEC R-LOG-2, R-OTP-1..3): the code of the user's active token completes the login. */
export async function verifyLoginOtp(deps: Deps, input: RequestOf<'auth', 'verifyOtp'>, now: Date): Promise<Result<SessionInfo>> {
  const challenge = await deps.sessions.challenge(input.challengeId, 'needsOtp', now);
  if (!challenge.ok) return challenge;
  const user = await findUserById(deps.db, challenge.value.userId);
  if (!user) return fail('CHALLENGE_INVALID');
  if (user.locked_at !== null) return refuseAttempt(deps, user, 'login.otp', { code: 'LOCKED' }, now);
  const claim = { challengeId: input.challengeId };
  const result = await transact(deps.db, async (tx) => {
    const active = await activeTokenOf(tx, user.id);
    if (!active) return fail('NO_ACTIVE_TOKEN');
    const accepted = await consumeOtp(tx, deps.sealKey, deps.rules, active.token, input.otp, now);
    if (!accepted.ok) return accepted;
    return completeLogin(tx, deps, claim, user, 'login.otp', now);
  });
  if (!result.ok) return refuseAttempt(deps, user, 'login.otp', result.error, now);
  return startSession(deps, user, now);
}
