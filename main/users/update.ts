import type { UserRow } from '../../shared/contract/models';
import type { RequestOf } from '../../shared/contract';
import { fail, ok, type AppError, type Result } from '../../shared/errors';
import { withStepUp } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { appendSuccess, type AuditTag } from '../store/repos/audit';
import { updateUser } from '../store/repos/userAdmin';
import { findUsersByLoginIds } from '../store/repos/users';
import type { Db } from '../store/transaction';
import { rowOf } from './rowOf';

type Input = RequestOf<'users', 'update'>;
export type Updated = { readonly userId: number };

/** What refuses a change before any step-up: one that changes nothing. */
export const updateRefusal = (input: Input): AppError | null =>
  input.name === undefined && input.userType === undefined ? { code: 'VALIDATION', field: 'name' } : null;

/**
 * The change itself, inside the caller's transaction after its step-up (online, or queued offline with `tag`).
 * The master's type never changes (one master per company, so never none and never two) → MASTER_RULE.
 */
export async function updateWithin(tx: Db, operator: UserRecord, input: Input, now: Date, tag?: AuditTag): Promise<Result<Updated>> {
  const [target] = await findUsersByLoginIds(tx, operator.company_id, [input.loginId]);
  if (!target) return fail('USER_NOT_FOUND', { loginIds: [input.loginId] });
  if (target.user_type === 'master' && input.userType !== undefined) return fail('MASTER_RULE', { field: 'userType' });
  // Only a type that really changes voids the user's offline blocks (updateUser).
  const userType = input.userType === target.user_type ? undefined : input.userType;
  await updateUser(tx, target.id, { name: input.name, userType }, now.getTime());
  await appendSuccess(tx, now, operator.login_id, 'user.update', target.login_id, {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.userType === undefined ? {} : { userType: input.userType, was: target.user_type }),
    ...tag,
  });
  return ok({ userId: target.id });
}

/** After the commit: the user's live sessions take the new type at once, so a demoted admin loses the admin channels. */
export async function followUpdate(deps: Deps, input: Pick<Input, 'userType'>, updated: Updated): Promise<void> {
  if (input.userType !== undefined) await deps.sessions.follow(updated.userId, { userType: input.userType });
}

/** 利用者情報変更: name and/or type (admin ↔ general) of a user of the company, with step-up (SPEC R-OTP-4). */
export async function updateUserDetails(deps: Deps, session: Session, input: Input, now: Date): Promise<Result<UserRow>> {
  const operation = { action: 'user.update' as const, targets: [input.loginId] };
  const refusal = updateRefusal(input);
  if (refusal) return { ok: false, error: refusal };
  const result = await withStepUp(deps, session, input, operation, now, (tx, operator) => updateWithin(tx, operator, input, now));
  if (!result.ok) return result;
  await followUpdate(deps, input, result.value);
  // The row is read once committed: a queued change (main/offline/atServer) has no use for it.
  return ok(await rowOf(deps.db, deps, session.companyId, input.loginId, now));
}
