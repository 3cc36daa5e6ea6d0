import { fail, type AppError, type Result } from '../../shared/errors';
import { verifyPassword } from '../crypto/password';
import { consumeOtp } from '../otp/consume';
import type { Deps } from '../services/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import type { AuditAction } from '../store/repos/audit';
import { activeTokenOf } from '../store/repos/assignments';
import { clearFailures, findUserById } from '../store/repos/users';
import { transact, type Db } from '../store/transaction';
import { refuse } from './failures';

export type StepUpCredentials = { readonly authPassword: string; readonly otp: string };

/**
 * SPEC R-OTP-4: a sensitive operation runs only after the operator's authentication password and an OTP.
 * The OTP is consumed in the same transaction as the operation, so a refused operation leaves the code unused
 * and a performed one cannot be replayed. Failed secrets count towards the lock; the operation's own refusals
 * are audited under its action.
 */
export async function withStepUp<T>(
  deps: Deps,
  session: Session,
  credentials: StepUpCredentials,
  action: AuditAction,
  now: Date,
  work: (tx: Db, operator: UserRecord) => Promise<Result<T>>,
): Promise<Result<T>> {
  const operator = await findUserById(deps.db, session.userId);
  if (!operator) return fail('SESSION_INVALID');
  if (operator.locked_at !== null) return refuse(deps, operator.login_id, action, { code: 'LOCKED' }, now);
  if (!(await verifyPassword(credentials.authPassword, operator.auth_password_hash))) {
    return refuse(deps, operator, 'stepup.password', { code: 'BAD_AUTH_PASSWORD', field: 'authPassword' }, now);
  }
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
    return work(tx, operator);
  });
  if (result.ok) return result;
  return otpRefusal ? refuse(deps, operator, 'stepup.otp', otpRefusal, now) : refuse(deps, operator.login_id, action, result.error, now);
}
