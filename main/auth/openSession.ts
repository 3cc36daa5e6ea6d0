import { fail, ok, type Result } from '../../shared/errors';
import type { SessionInfo } from '../../shared/contract/models';
import { authPasswordResetOf, mustChangePasswords } from '../account/passwords';
import type { Deps } from '../context/deps';
import type { ChallengeClaim, EndReason, Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { appendAudit, type AuditAction } from '../store/repos/audit';
import { recordLogin } from '../store/repos/topPage';
import { clearFailures } from '../store/repos/users';
import type { Db } from '../store/transaction';

/**
 * Inside the transaction that accepted the OTP: the challenge is spent, its conditional write (DESIGN-NOTES 1),
 * then the login's records, so none exists without the other. Of submissions racing on one challenge with several
 * valid codes, one spends it; the others answer CHALLENGE_INVALID and roll back, their codes unused (SPEC R-OTP-2).
 */
export async function completeLogin(tx: Db, deps: Deps, claim: ChallengeClaim, user: UserRecord, action: AuditAction, now: Date): Promise<Result<null>> {
  if (!(await deps.sessions.consumeChallenge(tx, claim))) return fail('CHALLENGE_INVALID');
  await clearFailures(tx, user.id);
  await recordLogin(tx, user.id, now.getTime(), 'success');
  await appendAudit(tx, [{ at: now.getTime(), actor: user.login_id, action, target: user.login_id, result: 'success' }]);
  return ok(null);
}

/** The user behind a session as the store has it now, with what decides whether they may still hold one. */
function sessionUser(deps: Deps, userId: number) {
  return deps.db
    .selectFrom('users as u')
    .innerJoin('companies as c', 'c.id', 'u.company_id')
    .leftJoin('token_assignments as a', (join) => join.onRef('a.user_id', '=', 'u.id').on('a.state', '=', 'active'))
    .select(['u.name', 'c.name as company_name', 'u.login_password_initial', 'u.auth_password_initial', 'u.auth_password_reset_by', 'u.auth_password_reset_at'])
    .select(['u.locked_at', 'u.deleted_at', 'a.id as active_assignment'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}
type SessionUser = NonNullable<Awaited<ReturnType<typeof sessionUser>>>;

function infoOf(deps: Deps, session: Session, row: SessionUser): SessionInfo {
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

export async function describeSession(deps: Deps, session: Session): Promise<SessionInfo> {
  const row = await sessionUser(deps, session.userId);
  if (!row) throw new Error('a live session of a user that does not exist');
  return infoOf(deps, session, row);
}

/** Why the user may no longer hold a session: revoked, removed or locked meanwhile. */
function endedMeanwhile(row: SessionUser | undefined): EndReason | null {
  if (!row || row.deleted_at !== null || row.active_assignment === null) return 'revoked';
  return row.locked_at === null ? null : 'locked';
}

/**
 * After the commit that spent the challenge (completeLogin): the session begins. A revocation (or removal, or lock) that
 * commits between the login's commit and this session's write would end the user's sessions before this one
 * exists; so the session is written first and the user read again after it. Every such change ends sessions
 * after its own commit: either it commits before that read (seen here, the new session ends) or its ending
 * runs after this session was written (and ends it). SPEC R-REV-3, DESIGN-NOTES 2.
 */
export async function startSession(deps: Deps, user: UserRecord, now: Date): Promise<Result<SessionInfo>> {
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
  const row = await sessionUser(deps, user.id);
  const reason = endedMeanwhile(row);
  if (reason) {
    await deps.sessions.end(session.id, reason, now);
    return fail('SESSION_EXPIRED', { reason });
  }
  return ok(infoOf(deps, session, row!));
}
