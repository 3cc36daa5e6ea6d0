import type { UserRow } from '../../shared/contract/models';
import type { RequestOf } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import { policyRefusal } from '../account/passwords';
import { refuse } from '../attempts/failures';
import { withStepUp } from '../attempts/stepUp';
import { hashUser, insertUser } from '../store/repos/provision';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';
import { findUserByLoginId } from '../store/repos/users';
import { rowOf } from './rowOf';

type Input = RequestOf<'users', 'register'>;

function passwordRefusal(input: Input) {
  const { loginId, initialLoginPassword: login, initialAuthPassword: auth } = input;
  return (
    policyRefusal('initialLoginPassword', login, { loginId, otherPassword: auth }) ??
    policyRefusal('initialAuthPassword', auth, { loginId, otherPassword: login })
  );
}

/**
 * 利用者登録 (設定・管理 > 利用者管理): a master or admin adds an admin or general user (never a master: one per
 * company), with step-up (SPEC R-OTP-4). The passwords are initial: the user must change both at first login.
 * A login ID is never reused, not even a deleted user's.
 */
export async function registerUser(deps: Deps, session: Session, input: Input, now: Date): Promise<Result<UserRow>> {
  const operation = { action: 'user.register' as const, targets: [input.loginId] };
  const refused = (error: Parameters<typeof refuse>[3]) => refuse(deps, session.loginId, operation.action, error, now, operation.targets);
  const policy = passwordRefusal(input);
  if (policy) return refused(policy);
  // Hashed before the step-up's transaction, so the write lock is not held through two scrypt runs.
  const user = await hashUser(deps.kdf, {
    companyId: session.companyId,
    loginId: input.loginId,
    name: input.name,
    type: input.userType,
    loginPassword: input.initialLoginPassword,
    authPassword: input.initialAuthPassword,
    initial: true,
  });
  return withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    if (await findUserByLoginId(tx, input.loginId)) return fail('LOGIN_ID_TAKEN', { field: 'loginId' });
    await insertUser(tx, user, now);
    await appendSuccess(tx, now, operator.login_id, operation.action, input.loginId, { userType: input.userType });
    return ok(await rowOf(tx, deps, operator.company_id, input.loginId, now));
  });
}
