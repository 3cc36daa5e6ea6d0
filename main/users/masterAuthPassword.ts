import { fail, ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { policyRefusal, sameAsStored } from '../account/passwords';
import { refuse } from '../attempts/failures';
import { withStepUp } from '../attempts/stepUp';
import { hashPassword } from '../crypto/password';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';
import { findCompanyMaster, setPasswordHash } from '../store/repos/userAdmin';

/**
 * SPEC R-REV-6: where an admin exists, the admin sets the master's authentication password on screen. Admins
 * only: the master changes their own through account.changeAuthPassword, general users never. The new password
 * is initial (the admin knows it), so the master must choose their own at their next login.
 */
export async function changeMasterAuthPassword(
  deps: Deps,
  session: Session,
  input: RequestOf<'users', 'changeMasterAuthPassword'>,
  now: Date,
): Promise<Result<Record<string, never>>> {
  const master = await findCompanyMaster(deps.db, session.companyId);
  const operation = { action: 'user.masterAuthPassword' as const, targets: master ? [master.login_id] : [] };
  const refused = (error: Parameters<typeof refuse>[3]) => refuse(deps, session.loginId, operation.action, error, now, operation.targets);
  if (!master) return refused({ code: 'FORBIDDEN' });
  const policy = policyRefusal('newAuthPassword', input.newAuthPassword, { loginId: master.login_id });
  if (policy) return refused(policy);
  const hash = await hashPassword(input.newAuthPassword, deps.kdf);
  const result = await withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    // After the step-up: whether a password equals the master's login password is an answer about that
    // password, so only a confirmed operator gets it, and every such answer is audited.
    const same = await sameAsStored(input.newAuthPassword, master.login_password_hash);
    if (same.length > 0) return fail('PASSWORD_POLICY', { field: 'newAuthPassword', rules: same });
    await setPasswordHash(tx, master.id, 'auth', hash, true);
    await appendSuccess(tx, now, operator.login_id, operation.action, master.login_id);
    return ok({});
  });
  if (result.ok) await deps.sessions.follow(master.id, { mustChangePasswords: true });
  return result;
}
