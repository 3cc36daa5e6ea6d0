import { ok, type Result } from '../../shared/errors';
import type { SessionInfo } from '../../shared/contract/models';
import { authPasswordResetOf, mustChangePasswords } from '../account/passwords';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { appendAudit, type AuditAction } from '../store/repos/audit';
import { recordLogin } from '../store/repos/topPage';
import { clearFailures } from '../store/repos/users';
import type { Db } from '../store/transaction';

/** Inside the transaction that accepted the OTP: the login's records, so none exists without the other. */
export async function recordLoginSuccess(tx: Db, user: UserRecord, action: AuditAction, now: Date): Promise<void> {
  await clearFailures(tx, user.id);
  await recordLogin(tx, user.id, now.getTime(), 'success');
  await appendAudit(tx, [{ at: now.getTime(), actor: user.login_id, action, target: user.login_id, result: 'success' }]);
}

export async function describeSession(deps: Deps, session: Session): Promise<SessionInfo> {
  const row = await deps.db
    .selectFrom('users as u')
    .innerJoin('companies as c', 'c.id', 'u.company_id')
    .select(['u.name', 'c.name as company_name', 'u.login_password_initial', 'u.auth_password_initial', 'u.auth_password_reset_by', 'u.auth_password_reset_at'])
    .where('u.id', '=', session.userId)
    .executeTakeFirstOrThrow();
  return {
    sessionId: session.id,
    loginId: session.loginId,
    name: row.name,
    userType: session.userType,
    companyName: row.company_name,
    idleTimeoutMs: deps.rules.session.idleTimeoutMs,
    expiresAt: new Date(deps.sessions.expiresAt(session)).toISOString(),
    mustChangePasswords: mustChangePasswords(row),
    authPasswordReset: authPasswordResetOf(row),
  };
}

/** After the commit: the challenge is spent and the session begins. */
export async function startSession(deps: Deps, challengeId: string, user: UserRecord, now: Date): Promise<Result<SessionInfo>> {
  await deps.sessions.consumeChallenge(challengeId);
  const session = await deps.sessions.open(
    {
      userId: user.id,
      companyId: user.company_id,
      loginId: user.login_id,
      userType: user.user_type,
      mustChangePasswords: mustChangePasswords(user),
    },
    now,
  );
  return ok(await describeSession(deps, session));
}
