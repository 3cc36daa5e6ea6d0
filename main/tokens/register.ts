import { fail, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { SessionInfo } from '../../shared/contract/models';
import { answerChallenge } from '../auth/challengeStep';
import { completeLogin } from '../auth/openSession';
import { consumeOtp } from '../otp/consume';
import type { Deps } from '../context/deps';
import type { ChallengeClaim } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { activeTokenOf, assignToken, latestRevocationOf } from '../store/repos/assignments';
import { bindToCompany, findTokenBySerial } from '../store/repos/tokens';
import type { Db } from '../store/transaction';

type Input = RequestOf<'tokens', 'register'>;

/**
 * Every check and the new assignment in one transaction, so a revocation that lands meanwhile still wins
 * (DESIGN-NOTES 2) and an OTP is only consumed by a registration that happens.
 */
async function registerIn(tx: Db, deps: Deps, claim: ChallengeClaim, user: UserRecord, input: Input, now: Date): Promise<Result<null>> {
  if (await activeTokenOf(tx, user.id)) return fail('ALREADY_HAS_TOKEN');
  const opensAt = (await latestRevocationOf(tx, user.id))?.reregistration_at ?? 0;
  if (opensAt > now.getTime()) return fail('REVOKED_COOLING_DOWN', { reRegistrationAt: new Date(opensAt).toISOString() });
  const token = await findTokenBySerial(tx, input.serial);
  if (!token) return fail('TOKEN_NOT_FOUND', { field: 'serial' });
  if (token.company_id !== null && token.company_id !== user.company_id) return fail('TOKEN_OTHER_COMPANY', { field: 'serial' });
  // SPEC R-TOK-6: a token reported lost is never registered again, by anyone (its reissue has a new serial).
  if (token.state === 'disabled') return fail('TOKEN_DISABLED', { field: 'serial' });
  const accepted = await consumeOtp(tx, deps.sealKey, deps.rules, token, input.otp, now);
  if (!accepted.ok) return accepted;
  if (!(await bindToCompany(tx, token.id, user.company_id))) return fail('TOKEN_OTHER_COMPANY', { field: 'serial' });
  await assignToken(tx, user.id, token.id, now.getTime());
  return completeLogin(tx, deps, claim, user, 'token.register', now);
}

/** BLGI020 (SPEC R-LOG-3, R-TOK-1..5): serial + current OTP registers the token and logs in at once. */
export async function registerToken(deps: Deps, input: Input, now: Date): Promise<Result<SessionInfo>> {
  const step = { challengeId: input.challengeId, kind: 'needsTokenRegistration', action: 'token.register' } as const;
  return answerChallenge(deps, step, now, (tx, user, claim) => registerIn(tx, deps, claim, user, input, now));
}
