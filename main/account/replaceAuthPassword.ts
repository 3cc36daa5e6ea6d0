import { ok, type Result } from '../../shared/errors';
import { refuse } from '../attempts/failures';
import { withStepUp, type LoginProof } from '../attempts/stepUp';
import { hashPassword } from '../crypto/password';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';
import { setPasswordHash } from '../store/repos/userAdmin';
import { findUserById } from '../store/repos/users';
import { policyRefusal, samePassword } from './passwords';

/**
 * SPEC R-REV-6: a master whose authentication password an admin set replaces it by proving what only the master
 * has, the login password and an OTP, never the temporary password (which the admin knows). Only while such a
 * reset is pending. The login password is proven here, so "must differ" compares plain texts and tells nothing.
 */
export async function replaceAuthPassword(
  deps: Deps,
  session: Session,
  input: LoginProof & { next: string },
  now: Date,
): Promise<Result<Record<string, never>>> {
  const operation = { action: 'account.authPassword' as const, targets: [session.loginId] };
  const user = await findUserById(deps.db, session.userId);
  if (!user || user.auth_password_reset_at === null) return refuse(deps, session.loginId, operation.action, { code: 'FORBIDDEN' }, now);
  const policy = policyRefusal('next', input.next, { loginId: user.login_id }, samePassword(input.next, input.loginPassword) ? ['differs'] : []);
  const hash = await hashPassword(input.next, deps.kdf);
  return withStepUp(deps, session, input, operation, now, async (tx) => {
    if (policy) return { ok: false, error: policy };
    await setPasswordHash(tx, user.id, 'auth', hash, false, now.getTime());
    await appendSuccess(tx, now, user.login_id, operation.action, user.login_id, { replaced: 'temporary' });
    return ok({});
  });
}
