import { fail, ok, type AppError, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { policyRefusal } from '../account/passwords';
import { refuseAttempt } from '../attempts/failures';
import { addCompany, hashUser, insertUser } from '../store/repos/provision';
import type { Deps } from '../context/deps';
import { appendSuccess } from '../store/repos/audit';
import { findUserByLoginId } from '../store/repos/users';
import { anyCompanyExists, companyCodeTaken, unfinishedSetupCompany } from '../store/repos/userAdmin';
import { transact, type Db } from '../store/transaction';

type CreateInput = RequestOf<'setup', 'create'>;

/** First run: an empty store opens the setup screen, never a built-in account. */
export async function setupStatus(deps: Deps): Promise<Result<{ needsSetup: boolean; canResume: boolean }>> {
  return ok({ needsSetup: !(await anyCompanyExists(deps.db)), canResume: (await unfinishedSetupCompany(deps.db)) !== undefined });
}

/**
 * A desktop creates its one company once; a company server holding several creates as many as asked
 * ('many'), or none from a desktop at all ('closed': only its create-company command, which runs with 'many').
 */
async function creationClosed(deps: Deps, db: Db): Promise<boolean> {
  if (deps.setupPolicy === 'many') return false;
  return deps.setupPolicy === 'closed' || anyCompanyExists(db);
}

/** Both passwords meet the rules and differ from each other (SPEC Actors: two different secrets). */
function passwordRefusal(input: CreateInput) {
  const { masterLoginId: loginId, loginPassword, authPassword } = input;
  return (
    policyRefusal('loginPassword', loginPassword, { loginId, otherPassword: authPassword }) ??
    policyRefusal('authPassword', authPassword, { loginId, otherPassword: loginPassword })
  );
}

/**
 * The company and its master in one transaction with its audit row, only while creation is open (setupPolicy).
 * The master chose both passwords, so neither is initial. Answers a setup ID that stands in for the step-up
 * while the company's tokens are imported: no token exists yet to give an OTP with. On a server holding
 * several companies the code and the master's login ID may be taken already: typed refusals, never the store's
 * unique violation (issue 13).
 */
export async function createCompany(deps: Deps, input: CreateInput, now: Date): Promise<Result<{ setupId: string }>> {
  // Unauthenticated, as the login is (issue 11 finding 4, SPEC R-GEN-2): no actor, and the typed master ID as the
  // target only when it is a user's; else only its HMAC (it may be a password typed into the wrong field).
  const refused = async (error: AppError) => {
    const user = await findUserByLoginId(deps.db, input.masterLoginId);
    return refuseAttempt(deps, user && user.deleted_at === null ? user : { typed: input.masterLoginId }, 'setup.create', error, now);
  };
  if (await creationClosed(deps, deps.db)) return refused({ code: 'SETUP_ALREADY_DONE' });
  const policy = passwordRefusal(input);
  if (policy) return { ok: false, error: policy };
  // Hashed before the transaction, as a registration is (main/users/register.ts): the write lock is not held through
  // two KDF runs, and a PostgreSQL retry does not run them again. The company's ID is known only inside.
  const { loginPassword, authPassword } = input;
  const master = await hashUser(deps.kdf, { companyId: -1, loginId: input.masterLoginId, name: input.masterName, type: 'master', loginPassword, authPassword });
  const created = await transact(deps.db, async (tx) => {
    // Checked again under the write lock: two setup screens submitting at once create one company.
    if (await creationClosed(deps, tx)) return fail('SETUP_ALREADY_DONE');
    if (await companyCodeTaken(tx, input.companyCode)) return fail('COMPANY_CODE_TAKEN', { field: 'companyCode' });
    // A login ID names one user on the whole store (login asks no company code), a removed one's included.
    if (await findUserByLoginId(tx, input.masterLoginId)) return fail('LOGIN_ID_TAKEN', { field: 'masterLoginId' });
    const companyId = await addCompany(tx, { code: input.companyCode, name: input.companyName });
    await insertUser(tx, { ...master, companyId }, now);
    await appendSuccess(tx, now, input.masterLoginId, 'setup.create', input.masterLoginId, { companyCode: input.companyCode });
    return ok(companyId);
  });
  if (!created.ok) return refused(created.error);
  const grant = await deps.setups.issue({ companyId: created.value, masterLoginId: input.masterLoginId }, now);
  return ok({ setupId: grant.id });
}
