import { ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { auditSuccess, refuseAttempt } from '../attempts/failures';
import { verifyPassword } from '../crypto/password';
import type { Deps } from '../context/deps';
import { findUserByLoginId } from '../store/repos/users';
import { findCompanyMaster, unfinishedSetupCompany } from '../store/repos/userAdmin';

type ResumeInput = RequestOf<'setup', 'resume'>;

/**
 * A setup ID lives in memory only, so an app stopped between creating the company and importing its tokens
 * would leave a master with no token to register and nobody able to log in. While the company still holds no
 * token, its master proves both passwords (failures count towards the lock, SPEC R-OTP-3) and resumes.
 */
export async function resumeSetup(deps: Deps, input: ResumeInput, now: Date): Promise<Result<{ setupId: string }>> {
  const user = await findUserByLoginId(deps.db, input.masterLoginId);
  // A server holds several companies: the one resumed is the master's own.
  const companyId = await unfinishedSetupCompany(deps.db, deps.setupPolicy === 'once' ? undefined : (user?.company_id ?? -1));
  // Unauthenticated: recorded with no actor, and a typed ID that matches no user only as its HMAC (issue 11 finding 4).
  const target = user && user.deleted_at === null ? user : { typed: input.masterLoginId };
  if (companyId === undefined) return refuseAttempt(deps, target, 'setup.resume', { code: 'SETUP_ALREADY_DONE' }, now);
  const master = await findCompanyMaster(deps.db, companyId);
  if (!user || !master || user.id !== master.id) {
    return refuseAttempt(deps, target, 'setup.resume', { code: 'BAD_CREDENTIALS', field: 'loginPassword' }, now);
  }
  if (master.locked_at !== null) return refuseAttempt(deps, master, 'setup.resume', { code: 'LOCKED' }, now);
  const [loginOk, authOk] = await Promise.all([
    verifyPassword(input.loginPassword, master.login_password_hash),
    verifyPassword(input.authPassword, master.auth_password_hash),
  ]);
  if (!loginOk || !authOk) return refuseAttempt(deps, master, 'setup.resume', { code: 'BAD_CREDENTIALS', field: 'loginPassword' }, now);
  await auditSuccess(deps, master.login_id, 'setup.resume', now);
  return ok({ setupId: (await deps.setups.issue({ companyId, masterLoginId: master.login_id }, now)).id });
}
