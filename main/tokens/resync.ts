import { fail, ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { refuse } from '../attempts/failures';
import { verifyPassword } from '../crypto/password';
import { withSeed } from '../otp/consume';
import { findConsecutivePair } from '../otp/resync';
import { stepAt } from '../otp/totp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendAudit } from '../store/repos/audit';
import { acceptStep, findTokenBySerial } from '../store/repos/tokens';
import { findUserById } from '../store/repos/users';
import { transact } from '../store/transaction';

type Input = RequestOf<'tokens', 'resync'>;

/**
 * Admin action for a token that drifted past the verification window (SPEC R-OTP-1): two consecutive codes
 * re-anchor its drift. The operator confirms with the authentication password only, since the drifted token
 * may be their own. Audited either way.
 */
export async function resyncToken(deps: Deps, session: Session, input: Input, now: Date): Promise<Result<{ driftSteps: number }>> {
  const operator = await findUserById(deps.db, session.userId);
  if (!operator) return fail('SESSION_INVALID');
  if (!(await verifyPassword(input.authPassword, operator.auth_password_hash))) {
    return refuse(deps, operator, 'stepup.password', { code: 'BAD_AUTH_PASSWORD', field: 'authPassword' }, now);
  }
  const result = await transact(deps.db, async (tx) => {
    const token = await findTokenBySerial(tx, input.serial);
    if (!token || token.company_id !== session.companyId) return fail('TOKEN_NOT_FOUND', { field: 'serial' });
    if (token.state === 'disabled') return fail('TOKEN_DISABLED', { field: 'serial' });
    const state = { ...token, lastStep: token.last_step, expiresAt: token.expires_at };
    const window = deps.rules.otp.resyncWindowSteps;
    const step = withSeed(deps.sealKey, token, (seed) =>
      findConsecutivePair(seed, input.firstOtp, input.secondOtp, state, now, window, deps.rules.otp.maxDriftSteps),
    );
    if (step === null) return fail('RESYNC_FAILED', { field: 'firstOtp' });
    const driftSteps = step - stepAt(now, token.period);
    if (!(await acceptStep(tx, token.id, step, driftSteps, now))) return fail('RESYNC_FAILED', { field: 'firstOtp' });
    await appendAudit(tx, [
      { at: now.getTime(), actor: operator.login_id, action: 'token.resync', target: token.serial, result: 'success', detail: { driftSteps } },
    ]);
    return ok({ driftSteps });
  });
  if (result.ok) return result;
  // Two wrong codes are a failed attempt like any other (SPEC R-OTP-3): counted towards the operator's lock.
  if (result.error.code === 'RESYNC_FAILED') return refuse(deps, operator, 'token.resync', result.error, now);
  return refuse(deps, operator.login_id, 'token.resync', result.error, now, [input.serial]);
}
