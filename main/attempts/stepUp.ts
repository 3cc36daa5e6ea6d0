import { fail, type AppError, type Result } from '../../shared/errors';
import { verifyPassword } from '../crypto/password';
import { consumeOtp } from '../otp/consume';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import type { AuditAction } from '../store/repos/audit';
import { activeTokenOf } from '../store/repos/assignments';
import { clearFailures, findUserById } from '../store/repos/users';
import { transact, type Db } from '../store/transaction';
import { refuse } from './failures';
import { rehashIfOld } from './rehash';

export type StepUpCredentials = { readonly authPassword: string; readonly otp: string };
/** The login password instead: only to replace a temporary authentication password (SPEC R-REV-6). */
export type LoginProof = { readonly loginPassword: string; readonly otp: string };

/** Whether the password of the credentials is the operator's; a wrong one is counted under its own code and field. */
function passwordCheck(operator: UserRecord, credentials: StepUpCredentials | LoginProof) {
  return 'authPassword' in credentials
    ? { given: credentials.authPassword, hash: operator.auth_password_hash, wrong: { code: 'BAD_AUTH_PASSWORD', field: 'authPassword' } as const }
    : { given: credentials.loginPassword, hash: operator.login_password_hash, wrong: { code: 'BAD_CREDENTIALS', field: 'loginPassword' } as const };
}

/** The step that proved the operation, for an operation that records its proof (a transfer's approval). */
export type AcceptedStep = { readonly tokenId: number; readonly step: number };

/** What the step-up protects, for the audit: the action and the users it is aimed at. */
export type Operation = { readonly action: AuditAction; readonly targets: readonly string[] };

/**
 * SPEC R-OTP-4: a sensitive operation runs only after the operator's authentication password and an OTP.
 * The OTP is consumed in the same transaction as the operation, so a refused operation leaves the code unused
 * and a performed one cannot be replayed. Failed secrets count towards the operator's lock; the operation's own
 * refusals are audited under its action, one row per targeted user.
 */
export async function withStepUp<T>(
  deps: Deps,
  session: Session,
  credentials: StepUpCredentials | LoginProof,
  operation: Operation,
  now: Date,
  work: (tx: Db, operator: UserRecord, proof: AcceptedStep) => Promise<Result<T>>,
): Promise<Result<T>> {
  const operator = await findUserById(deps.db, session.userId);
  if (!operator) return fail('SESSION_INVALID');
  const { action, targets } = operation;
  if (operator.locked_at !== null) return refuse(deps, operator.login_id, action, { code: 'LOCKED' }, now, targets);
  const check = passwordCheck(operator, credentials);
  if (!(await verifyPassword(check.given, check.hash))) return refuse(deps, operator, 'stepup.password', check.wrong, now);
  let otpRefusal: AppError | undefined;
  const result = await transact(deps.db, async (tx) => {
    const active = await activeTokenOf(tx, operator.id);
    if (!active) return fail('NO_ACTIVE_TOKEN', { field: 'otp' });
    const accepted = await consumeOtp(tx, deps.sealKey, deps.rules, active.token, credentials.otp, now);
    if (!accepted.ok) {
      otpRefusal = accepted.error;
      return accepted;
    }
    await clearFailures(tx, operator.id);
    return work(tx, operator, { tokenId: active.token.id, step: accepted.value.step });
  });
  if (result.ok) {
    await rehashIfOld(deps, operator, 'authPassword' in credentials ? 'auth' : 'login', check.given);
    return result;
  }
  if (otpRefusal) return refuse(deps, operator, 'stepup.otp', otpRefusal, now);
  return refuse(deps, operator.login_id, action, result.error, now, targets);
}
