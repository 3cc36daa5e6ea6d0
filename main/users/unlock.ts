import { fail, ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { withStepUp } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendAudit } from '../store/repos/audit';
import { findUsersByLoginIds, unlockUser } from '../store/repos/users';

/** SPEC R-OTP-3: a master or admin unlocks a user of their company, with step-up (R-OTP-4). */
export async function unlock(
  deps: Deps,
  session: Session,
  input: RequestOf<'users', 'unlock'>,
  now: Date,
): Promise<Result<Record<string, never>>> {
  const operation = { action: 'user.unlock' as const, targets: [input.loginId] };
  return withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    const [target] = await findUsersByLoginIds(tx, session.companyId, [input.loginId]);
    if (!target) return fail('USER_NOT_FOUND', { loginIds: [input.loginId] });
    if (!(await unlockUser(tx, target.id))) return fail('NOT_LOCKED', { loginIds: [input.loginId] });
    await appendAudit(tx, [
      { at: now.getTime(), actor: operator.login_id, action: 'user.unlock', target: target.login_id, result: 'success' },
    ]);
    return ok({});
  });
}
