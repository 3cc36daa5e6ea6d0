import type { UserRow } from '../../shared/contract/models';
import type { RequestOf } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import { refuse } from '../attempts/failures';
import { withStepUp } from '../attempts/stepUp';
import { endSessionsOf, revokeWithin, type Revoked } from '../revocation/revoke';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { activeHoldersOf, activeTokenOf } from '../store/repos/assignments';
import { appendAudit } from '../store/repos/audit';
import { disableToken } from '../store/repos/tokens';
import { findUsersByLoginIds } from '../store/repos/users';
import type { Db } from '../store/transaction';

export type LostReport = { revoked: UserRow; alsoAffected: UserRow[]; selfRevoked: boolean };

/**
 * Inside the step-up's transaction: the reported user's token is disabled for good, and every user holding it is
 * revoked as BRSK027 revokes (R-REV-3..5): per holder a token.lost row and the revocation's own token.revoke row,
 * so a thief with the device cannot register it again after the cool-down and nobody sharing it goes on using it.
 * All or nothing.
 */
async function disableLost(tx: Db, deps: Deps, operator: UserRecord, loginId: string, now: Date): Promise<Result<Revoked>> {
  const [target] = await findUsersByLoginIds(tx, operator.company_id, [loginId]);
  if (!target) return fail('USER_NOT_FOUND', { loginIds: [loginId] });
  const active = await activeTokenOf(tx, target.id);
  if (!active) return fail('NOT_REVOCABLE', { loginIds: [loginId] });
  const holders = await activeHoldersOf(tx, active.token.id);
  await disableToken(tx, active.token.id, 'lost', now.getTime());
  const detail = { serial: active.token.serial, reportedFor: loginId };
  await appendAudit(
    tx,
    holders.map((holder) => ({ at: now.getTime(), actor: operator.login_id, action: 'token.lost' as const, target: holder, result: 'success' as const, detail })),
  );
  return revokeWithin(tx, deps, operator, holders, now);
}

/**
 * 紛失 report (SPEC R-TOK-6): a master or admin records that a user lost their token, after the operator's step-up
 * (R-OTP-4). Not for oneself: an operator whose own token is gone asks another master or admin. The answer says
 * who else held the token; their sessions end, the operator's own included when they shared it.
 */
export async function reportLost(
  deps: Deps,
  session: Session,
  input: RequestOf<'tokens', 'reportLost'>,
  now: Date,
): Promise<Result<LostReport>> {
  const operation = { action: 'token.lost' as const, targets: [input.loginId] };
  if (input.loginId === session.loginId) {
    return refuse(deps, session.loginId, operation.action, { code: 'FORBIDDEN' }, now, operation.targets);
  }
  const result = await withStepUp(deps, session, input, operation, now, (tx, operator) => disableLost(tx, deps, operator, input.loginId, now));
  if (!result.ok) return result;
  await endSessionsOf(deps, result.value.targets, now);
  const { revoked, selfRevoked } = result.value;
  return ok({
    revoked: revoked.find((r) => r.loginId === input.loginId)!,
    alsoAffected: revoked.filter((r) => r.loginId !== input.loginId),
    selfRevoked,
  });
}
