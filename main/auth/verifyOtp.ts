import { fail, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { SessionInfo } from '../../shared/contract/models';
import { consumeOtp } from '../otp/consume';
import type { Deps } from '../context/deps';
import { activeTokenOf } from '../store/repos/assignments';
import { answerChallenge } from './challengeStep';
import { completeLogin } from './openSession';

/** BLGI001, OTP step (SPEC R-LOG-2, R-OTP-1..3): the code of the user's active token completes the login. */
export async function verifyLoginOtp(deps: Deps, input: RequestOf<'auth', 'verifyOtp'>, now: Date): Promise<Result<SessionInfo>> {
  const step = { challengeId: input.challengeId, kind: 'needsOtp', action: 'login.otp' } as const;
  return answerChallenge(deps, step, now, async (tx, user, claim) => {
    const active = await activeTokenOf(tx, user.id);
    if (!active) return fail('NO_ACTIVE_TOKEN');
    const accepted = await consumeOtp(tx, deps.sealKey, deps.rules, active.token, input.otp, now);
    if (!accepted.ok) return accepted;
    return completeLogin(tx, deps, claim, user, 'login.otp', now);
  });
}
