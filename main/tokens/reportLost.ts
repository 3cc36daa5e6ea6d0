import type { UserRow } from '../../shared/contract/models';
import type { RequestOf } from '../../shared/contract';
import { ok, type Result } from '../../shared/errors';
import { refuse } from '../attempts/failures';
import { withStepUp } from '../attempts/stepUp';
import { revokeWithin } from '../revocation/revoke';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';

/**
 * 紛失 report (SPEC R-TOK-6): a master or admin records that a user lost their token, and that token's assignment
 * is revoked exactly as BRSK027 revokes it (R-REV-3..5: same re-registration time, sessions ended), after the
 * operator's step-up (R-OTP-4). The report and the revocation are audited in the same transaction. Not for
 * oneself: an operator whose own token is gone revokes it through BRSK027 with a shared token, or asks another.
 */
export async function reportLost(
  deps: Deps,
  session: Session,
  input: RequestOf<'tokens', 'reportLost'>,
  now: Date,
): Promise<Result<{ revoked: UserRow }>> {
  const operation = { action: 'token.lost' as const, targets: [input.loginId] };
  if (input.loginId === session.loginId) {
    return refuse(deps, session.loginId, operation.action, { code: 'FORBIDDEN' }, now, operation.targets);
  }
  const result = await withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    // The report first, then the revocation's own row; a refused revocation rolls both back.
    await appendSuccess(tx, now, operator.login_id, operation.action, input.loginId);
    return revokeWithin(tx, deps, operator, [input.loginId], now);
  });
  if (!result.ok) return result;
  for (const target of result.value.targets) await deps.sessions.endAllOf(target.id, 'revoked', now);
  // One login ID in, one revoked row out: revokeWithin answers ok only when every target was revoked.
  return ok({ revoked: result.value.revoked[0]! });
}
