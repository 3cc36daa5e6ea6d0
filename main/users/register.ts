import type { UserRow } from '../../shared/contract/models';
import type { RequestOf } from '../../shared/contract';
import { fail, ok, type AppError, type Result } from '../../shared/errors';
import { policyRefusal } from '../account/passwords';
import { refuse } from '../attempts/failures';
import { withStepUp } from '../attempts/stepUp';
import { hashUser, insertUser, type HashedUser } from '../store/repos/provision';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { appendSuccess, type AuditTag } from '../store/repos/audit';
import { findUserByLoginId } from '../store/repos/users';
import type { Db } from '../store/transaction';
import { rowOf } from './rowOf';

type Input = RequestOf<'users', 'register'>;

/** What refuses a registration before any step-up: the initial passwords' policy. */
export function registrationRefusal(input: Input): AppError | null {
  const { loginId, initialLoginPassword: login, initialAuthPassword: auth } = input;
  return (
    policyRefusal('initialLoginPassword', login, { loginId, otherPassword: auth }) ??
    policyRefusal('initialAuthPassword', auth, { loginId, otherPassword: login })
  );
}

/** Hashed before the step-up's transaction, so the write lock is not held through two scrypt runs. */
export const hashRegistration = (deps: Deps, companyId: number, input: Input): Promise<HashedUser> =>
  hashUser(deps.kdf, {
    companyId,
    loginId: input.loginId,
    name: input.name,
    type: input.userType,
    loginPassword: input.initialLoginPassword,
    authPassword: input.initialAuthPassword,
    initial: true,
  });

/** The registration itself, inside the caller's transaction after its step-up (online, or queued offline with `tag`). */
export async function registerWithin(tx: Db, operator: UserRecord, user: HashedUser, now: Date, tag?: AuditTag): Promise<Result<Record<string, never>>> {
  if (await findUserByLoginId(tx, user.loginId)) return fail('LOGIN_ID_TAKEN', { field: 'loginId' });
  await insertUser(tx, user, now);
  await appendSuccess(tx, now, operator.login_id, 'user.register', user.loginId, { userType: user.type, ...tag });
  return ok({});
}

/**
 * 利用者登録 (設定・管理 > 利用者管理): a master or admin adds an admin or general user (never a master: one per
 * company), with step-up (SPEC R-OTP-4). The passwords are initial: the user must change both at first login.
 * A login ID is never reused, not even a deleted user's.
 */
export async function registerUser(deps: Deps, session: Session, input: Input, now: Date): Promise<Result<UserRow>> {
  const operation = { action: 'user.register' as const, targets: [input.loginId] };
  const policy = registrationRefusal(input);
  if (policy) return refuse(deps, session.loginId, operation.action, policy, now, operation.targets);
  const user = await hashRegistration(deps, session.companyId, input);
  const registered = await withStepUp(deps, session, input, operation, now, (tx, operator) => registerWithin(tx, operator, user, now));
  // The row is read once committed: a queued registration (main/offline/atServer) has no use for it.
  return registered.ok ? ok(await rowOf(deps.db, deps, session.companyId, user.loginId, now)) : registered;
}
