import { fail, ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { refuse } from '../attempts/failures';
import { withStepUp } from '../attempts/stepUp';
import { reRegistrationOpensAt } from '../revocation/reregistration';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { revokeActiveAssignment } from '../store/repos/assignments';
import { appendAudit, type AuditEntry } from '../store/repos/audit';
import { markDeleted } from '../store/repos/userAdmin';
import { findUsersByLoginIds } from '../store/repos/users';

/**
 * 利用者削除, with step-up (SPEC R-OTP-4): the user is marked deleted (the row stays, so the login ID is never
 * reused and the audit log keeps naming them), their token assignment ends as a revocation does (R-REV-5), and
 * their sessions end. Never the master (one per company) and never oneself.
 */
export async function removeUser(
  deps: Deps,
  session: Session,
  input: RequestOf<'users', 'remove'>,
  now: Date,
): Promise<Result<Record<string, never>>> {
  const operation = { action: 'user.remove' as const, targets: [input.loginId] };
  const refused = (code: 'FORBIDDEN') => refuse(deps, session.loginId, operation.action, { code }, now, operation.targets);
  if (input.loginId === session.loginId) return refused('FORBIDDEN');
  const t = now.getTime();
  const result = await withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    const [target] = await findUsersByLoginIds(tx, operator.company_id, [input.loginId]);
    if (!target) return fail('USER_NOT_FOUND', { loginIds: [input.loginId] });
    if (target.user_type === 'master') return fail('MASTER_RULE', { loginIds: [input.loginId] });
    const reRegistrationAt = reRegistrationOpensAt(now, deps.rules.reRegistration).getTime();
    const revoked = await revokeActiveAssignment(tx, target.id, { revokedAt: t, revokedBy: operator.id, reRegistrationAt });
    await markDeleted(tx, target.id, t);
    const entry = { at: t, actor: operator.login_id, target: target.login_id, result: 'success' as const };
    const entries: AuditEntry[] = [{ ...entry, action: 'user.remove' }];
    if (revoked) entries.push({ ...entry, action: 'token.revoke', detail: { reRegistrationAt: new Date(reRegistrationAt).toISOString() } });
    await appendAudit(tx, entries);
    return ok(target.id);
  });
  if (!result.ok) return result;
  await deps.sessions.endAllOf(result.value, 'revoked', now);
  return ok({});
}
