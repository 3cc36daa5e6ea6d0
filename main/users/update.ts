import type { UserRow } from '../../shared/contract/models';
import type { RequestOf } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import { withStepUp } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';
import { updateUser } from '../store/repos/userAdmin';
import { findUsersByLoginIds } from '../store/repos/users';
import { rowOf } from './rowOf';

type Input = RequestOf<'users', 'update'>;

/**
 * 利用者情報変更: name and/or type (admin ↔ general) of a user of the company, with step-up (SPEC R-OTP-4).
 * The master's type never changes (one master per company, so never none and never two) → MASTER_RULE. The
 * user's live sessions take the new type at once, so a demoted admin loses the admin channels immediately.
 */
export async function updateUserDetails(deps: Deps, session: Session, input: Input, now: Date): Promise<Result<UserRow>> {
  const operation = { action: 'user.update' as const, targets: [input.loginId] };
  if (input.name === undefined && input.userType === undefined) return fail('VALIDATION', { field: 'name' });
  const change = { name: input.name, userType: input.userType };
  const result = await withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    const [target] = await findUsersByLoginIds(tx, operator.company_id, [input.loginId]);
    if (!target) return fail('USER_NOT_FOUND', { loginIds: [input.loginId] });
    if (target.user_type === 'master' && input.userType !== undefined) return fail('MASTER_RULE', { field: 'userType' });
    await updateUser(tx, target.id, change);
    await appendSuccess(tx, now, operator.login_id, operation.action, target.login_id, {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.userType === undefined ? {} : { userType: input.userType, was: target.user_type }),
    });
    return ok({ userId: target.id, row: await rowOf(tx, deps, operator.company_id, target.login_id, now) });
  });
  if (!result.ok) return result;
  if (input.userType !== undefined) await deps.sessions.follow(result.value.userId, { userType: input.userType });
  return ok(result.value.row);
}
