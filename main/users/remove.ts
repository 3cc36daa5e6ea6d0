import { fail, ok, type AppError, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { refuse } from '../attempts/failures';
import { withStepUp } from '../attempts/stepUp';
import { reRegistrationOpensAt } from '../revocation/reregistration';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { revokeActiveAssignment } from '../store/repos/assignments';
import { appendAudit, type AuditEntry, type AuditTag } from '../store/repos/audit';
import { markDeleted } from '../store/repos/userAdmin';
import { findUsersByLoginIds } from '../store/repos/users';
import type { Db } from '../store/transaction';

/** What refuses a removal before any step-up: never oneself. */
export const removalRefusal = (operatorLoginId: string, loginId: string): AppError | null =>
  loginId === operatorLoginId ? { code: 'FORBIDDEN' } : null;

/**
 * The removal itself, inside the caller's transaction after its step-up (online, or queued offline with `tag`):
 * the user is marked deleted (the row stays, so the login ID is never reused and the audit log keeps naming
 * them) and their token assignment ends as a revocation does (R-REV-5). Never the master. Answers the user's ID.
 */
export async function removeWithin(tx: Db, deps: Deps, operator: UserRecord, loginId: string, now: Date, tag?: AuditTag): Promise<Result<number>> {
  const t = now.getTime();
  const [target] = await findUsersByLoginIds(tx, operator.company_id, [loginId]);
  if (!target) return fail('USER_NOT_FOUND', { loginIds: [loginId] });
  if (target.user_type === 'master') return fail('MASTER_RULE', { loginIds: [loginId] });
  const reRegistrationAt = reRegistrationOpensAt(now, deps.rules.reRegistration).getTime();
  const revoked = await revokeActiveAssignment(tx, target.id, { revokedAt: t, revokedBy: operator.id, reRegistrationAt });
  await markDeleted(tx, target.id, t);
  const entry = { at: t, actor: operator.login_id, target: target.login_id, result: 'success' as const };
  const entries: AuditEntry[] = [{ ...entry, action: 'user.remove', ...(tag ? { detail: tag } : {}) }];
  if (revoked) entries.push({ ...entry, action: 'token.revoke', detail: { reRegistrationAt: new Date(reRegistrationAt).toISOString(), ...tag } });
  await appendAudit(tx, entries);
  return ok(target.id);
}

/** 利用者削除, with step-up (SPEC R-OTP-4); the removed user's sessions end. Never oneself. */
export async function removeUser(
  deps: Deps,
  session: Session,
  input: RequestOf<'users', 'remove'>,
  now: Date,
): Promise<Result<Record<string, never>>> {
  const operation = { action: 'user.remove' as const, targets: [input.loginId] };
  const refusal = removalRefusal(session.loginId, input.loginId);
  if (refusal) return refuse(deps, session.loginId, operation.action, refusal, now, operation.targets);
  const result = await withStepUp(deps, session, input, operation, now, (tx, operator) => removeWithin(tx, deps, operator, input.loginId, now));
  if (!result.ok) return result;
  await deps.sessions.endAllOf(result.value, 'revoked', now);
  return ok({});
}
