import { fail, type Result } from '../../shared/errors';
import type { SessionInfo } from '../../shared/contract/models';
import { refuseAttempt } from '../attempts/failures';
import type { Deps } from '../context/deps';
import type { Challenge, ChallengeClaim } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import type { AuditAction } from '../store/repos/audit';
import { findUserById } from '../store/repos/users';
import { transact, type Db } from '../store/transaction';
import { startSession } from './openSession';

export type ChallengeStep = { readonly challengeId: string; readonly kind: Challenge['kind']; readonly action: AuditAction };

/**
 * The step after the password (BLGI001's OTP, BLGI020's registration; SPEC R-LOG-2/3): the challenge names the
 * user, and one locked since the password step is refused. `within` runs in one transaction and ends with
 * completeLogin; any refusal is an attempt on the user (R-OTP-3), a success opens the session. Shared so the two
 * second steps cannot drift apart in how they count and refuse.
 */
export async function answerChallenge(
  deps: Deps,
  step: ChallengeStep,
  now: Date,
  within: (tx: Db, user: UserRecord, claim: ChallengeClaim) => Promise<Result<null>>,
): Promise<Result<SessionInfo>> {
  const challenge = await deps.sessions.challenge(step.challengeId, step.kind, now);
  if (!challenge.ok) return challenge;
  const user = await findUserById(deps.db, challenge.value.userId);
  if (!user) return fail('CHALLENGE_INVALID');
  if (user.locked_at !== null) return refuseAttempt(deps, user, step.action, { code: 'LOCKED' }, now);
  const claim = { challengeId: step.challengeId };
  const result = await transact(deps.db, (tx) => within(tx, user, claim));
  if (!result.ok) return refuseAttempt(deps, user, step.action, result.error, now);
  return startSession(deps, user, now);
}
