import { ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { policyRefusal } from '../account/passwords';
import { refuse } from '../attempts/failures';
import { withStepUp } from '../attempts/stepUp';
import { hashPassword } from '../crypto/password';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';
import { findCompanyMaster, setPasswordHash } from '../store/repos/userAdmin';

/**
 * SPEC R-REV-6 (reading: README "R-REV-6"): where an admin exists, the admin sets a temporary authentication
 * password for the master. It cannot be turned against the master: the master's sessions are not gated by it,
 * the master is told who set it and when (session and top page) and replaces it by proving the login password and
 * an OTP (main/account/replaceAuthPassword.ts), and nothing here is compared with the master's login password,
 * so an admin learns nothing about it. Audited against the master.
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
  return withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    await setPasswordHash(tx, master.id, 'auth', hash, false, now.getTime(), { by: operator.login_id, at: now.getTime() });
    await appendSuccess(tx, now, operator.login_id, operation.action, master.login_id);
    return ok({});
  });
}
