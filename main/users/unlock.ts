import { fail, ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { withStepUp } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { appendAudit, type AuditTag } from '../store/repos/audit';
import { findUsersByLoginIds, unlockUser } from '../store/repos/users';
import type { Db } from '../store/transaction';

/**
 * The unlock itself, inside the caller's transaction after its step-up: online (below) or a queued offline one
 * (main/offline/atServer), whose row carries `tag`.
 */
export async function unlockWithin(tx: Db, operator: UserRecord, loginId: string, now: Date, tag?: AuditTag): Promise<Result<Record<string, never>>> {
  const [target] = await findUsersByLoginIds(tx, operator.company_id, [loginId]);
  if (!target) return fail('USER_NOT_FOUND', { loginIds: [loginId] });
  if (!(await unlockUser(tx, target.id))) return fail('NOT_LOCKED', { loginIds: [loginId] });
  await appendAudit(tx, [
    { at: now.getTime(), actor: operator.login_id, action: 'user.unlock', target: target.login_id, result: 'success', ...(tag ? { detail: tag } : {}) },
  ]);
  return ok({});
}

/** SPEC R-OTP-3: a master or admin unlocks a user of their company, with step-up (R-OTP-4). */
export async function unlock(
  deps: Deps,
  session: Session,
  input: RequestOf<'users', 'unlock'>,
  now: Date,
): Promise<Result<Record<string, never>>> {
  const operation = { action: 'user.unlock' as const, targets: [input.loginId] };
  return withStepUp(deps, session, input, operation, now, (tx, operator) => unlockWithin(tx, operator, input.loginId, now));
}
