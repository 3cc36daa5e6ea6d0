import { fail, ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import type { UserRow } from '../../shared/contract/models';
import { withStepUp } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { revokeActiveAssignment } from '../store/repos/assignments';
import { appendAudit, type AuditTag } from '../store/repos/audit';
import { findUsersByLoginIds, listCompanyUsers } from '../store/repos/users';
import { breatheEvery } from '../store/breathe';
import type { Db } from '../store/transaction';
import { toUserRow } from '../views/userRow';
import { reRegistrationOpensAt } from './reregistration';

type Input = RequestOf<'tokens', 'revoke'>;
export type Revoked = { revoked: UserRow[]; selfRevoked: boolean; targets: UserRecord[] };

/**
 * All or nothing (SPEC R-REV-3): any target that cannot be revoked refuses the whole selection. Runs inside the
 * caller's transaction; also the revocation of a lost token (main/tokens/reportLost.ts) and of a queued offline
 * one (main/offline/atServer), whose rows carry `tag` in their detail.
 */
export async function revokeWithin(tx: Db, deps: Deps, operator: UserRecord, loginIds: string[], now: Date, tag: AuditTag = {}): Promise<Result<Revoked>> {
  const targets = await findUsersByLoginIds(tx, operator.company_id, loginIds);
  const missing = loginIds.filter((id) => !targets.some((t) => t.login_id === id));
  if (missing.length > 0) return fail('USER_NOT_FOUND', { loginIds: missing });
  const opensAt = reRegistrationOpensAt(now, deps.rules.reRegistration).getTime();
  const revocation = { revokedAt: now.getTime(), revokedBy: operator.id, reRegistrationAt: opensAt };
  const notRevocable: string[] = [];
  for (const [i, target] of targets.entries()) {
    await breatheEvery(i);
    if (!(await revokeActiveAssignment(tx, target.id, revocation))) notRevocable.push(target.login_id);
  }
  if (notRevocable.length > 0) return fail('NOT_REVOCABLE', { loginIds: notRevocable });
  await appendAudit(
    tx,
    targets.map((t) => ({
      at: now.getTime(),
      actor: operator.login_id,
      action: 'token.revoke' as const,
      target: t.login_id,
      result: 'success' as const,
      detail: { reRegistrationAt: new Date(opensAt).toISOString(), ...tag },
    })),
  );
  const rows = await listCompanyUsers(tx, operator.company_id, 'loginId-asc', loginIds);
  const revoked = rows.map((r) => toUserRow(r, now, deps.rules.tokenExpiryWarningDays));
  return ok({ revoked, selfRevoked: loginIds.includes(operator.login_id), targets });
}

/**
 * BRSK027 → BRSK028 (SPEC R-REV-1..5): revokes the selection atomically after the step-up; every revoked
 * user's session ends, the operator's own included (R-REV-4).
 */
export async function revokeTokens(deps: Deps, session: Session, input: Input, now: Date): Promise<Result<Omit<Revoked, 'targets'>>> {
  const loginIds = [...new Set(input.loginIds)];
  const operation = { action: 'token.revoke' as const, targets: loginIds };
  const result = await withStepUp(deps, session, input, operation, now, (tx, operator) =>
    revokeWithin(tx, deps, operator, loginIds, now),
  );
  if (!result.ok) return result;
  await endSessionsOf(deps, result.value.targets, now);
  return ok({ revoked: result.value.revoked, selfRevoked: result.value.selfRevoked });
}

/** After the commit: every revoked user's sessions end, the operator's own included (R-REV-4). */
export async function endSessionsOf(deps: Deps, targets: readonly UserRecord[], now: Date): Promise<void> {
  for (const target of targets) await deps.sessions.endAllOf(target.id, 'revoked', now);
}
