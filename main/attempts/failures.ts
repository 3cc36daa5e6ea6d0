import { ok, type AppError, type ErrorCode } from '../../shared/errors';
import { typedLoginIdHmac } from '../crypto/keyedHash';
import type { Deps } from '../context/deps';
import type { UserRecord } from '../store/schema';
import { appendAudit, type AuditAction, type AuditEntry } from '../store/repos/audit';
import { recordLogin } from '../store/repos/topPage';
import { countFailure } from '../store/repos/users';
import { transactAtomic } from '../store/transaction';

type Refusal = { ok: false; error: AppError };

/** Codes that count as a failed attempt towards the lock (SPEC R-OTP-3). */
const COUNTED: ReadonlySet<ErrorCode> = new Set([
  'BAD_CREDENTIALS',
  'BAD_AUTH_PASSWORD',
  'OTP_INVALID',
  'OTP_REUSED',
  'TOKEN_NOT_FOUND',
  'RESYNC_FAILED',
]);

/**
 * A failed password or OTP attempt: the counter, the lock at the limit, and their audit rows, in one
 * transaction (DESIGN-NOTES 3). Answers the error with the attempts left, or LOCKED when the user is locked.
 * `actor` is null for an attempt made before any session exists (login steps): nobody is proven yet. The
 * transaction is `transactAtomic`'s (READ COMMITTED on PostgreSQL): the counter is one atomic UPDATE and nothing
 * else it writes depends on a read, so failures arriving at once on one user are each counted, none refused with
 * INTERNAL after SERIALIZABLE's retries ran out (SPEC R-OTP-3).
 */
async function countAttempt(deps: Deps, user: UserRecord, actor: string | null, action: AuditAction, error: AppError, now: Date): Promise<AppError> {
  const t = now.getTime();
  const limit = deps.rules.maxConsecutiveFailures;
  const result = await transactAtomic(deps.db, async (tx) => {
    const after = await countFailure(tx, user.id, limit, t);
    const entries: AuditEntry[] = [{ at: t, actor, action, target: user.login_id, result: 'failure', reason: error.code }];
    if (after.lockedNow) entries.push({ at: t, actor: null, action: 'user.lock', target: user.login_id, result: 'success', reason: 'FAILURE_LIMIT' });
    await appendAudit(tx, entries);
    if (action.startsWith('login')) await recordLogin(tx, user.id, t, 'failure');
    return ok({ failures: after.failed_attempts, locked: after.locked_at !== null });
  });
  if (!result.ok) return result.error;
  if (result.value.locked) {
    await deps.sessions.endAllOf(user.id, 'locked', now);
    return { code: 'LOCKED' };
  }
  return { ...error, attemptsLeft: Math.max(0, limit - result.value.failures) };
}

/** Audit rows alone: inserts, which no concurrent transaction can make fail. */
async function audit(deps: Deps, ...entries: AuditEntry[]): Promise<void> {
  await transactAtomic(deps.db, async (tx) => {
    await appendAudit(tx, entries);
    return ok(null);
  });
}

/**
 * Every refused attempt is audited (SPEC R-OTP-3, R-GEN-2): one row per user the operation was aimed at
 * (`targets`, by default the actor). Wrong secrets also count towards the actor's lock. `actor` is the user
 * when known, else the login ID as typed.
 */
export async function refuse(
  deps: Deps,
  actor: UserRecord | string,
  action: AuditAction,
  error: AppError,
  now: Date,
  targets?: readonly string[],
): Promise<Refusal> {
  if (typeof actor !== 'string' && COUNTED.has(error.code)) {
    return { ok: false, error: await countAttempt(deps, actor, actor.login_id, action, error, now) };
  }
  const loginId = typeof actor === 'string' ? actor : actor.login_id;
  const entry = { at: now.getTime(), actor: loginId, action, result: 'failure' as const, reason: error.code };
  await audit(deps, ...(targets ?? [loginId]).map((target) => ({ ...entry, target })));
  return { ok: false, error };
}

export function auditSuccess(deps: Deps, actor: string, action: AuditAction, now: Date, detail?: AuditEntry['detail']) {
  return audit(deps, { at: now.getTime(), actor, action, target: actor, result: 'success', detail });
}

/** Who an unauthenticated attempt was aimed at: a user, or a login ID as typed that matches no user. */
export type AttemptTarget = UserRecord | { readonly typed: string };

/**
 * A refused attempt made before any session exists (BLGI001, BLGI020, setup resume): recorded with no actor
 * (shown as 未認証) and the targeted user as "on whom" (SPEC R-GEN-2), so five wrong passwords typed for X are
 * not X's own actions. A typed ID that matches no user is kept only as its HMAC. Wrong secrets count towards the
 * target's lock; `quiet` answers `error` as it is, without the attempts left or LOCKED (the password is unproven).
 */
export async function refuseAttempt(
  deps: Deps,
  target: AttemptTarget,
  action: AuditAction,
  error: AppError,
  now: Date,
  options: { quiet?: boolean } = {},
): Promise<Refusal> {
  if ('typed' in target) {
    await audit(deps, { at: now.getTime(), actor: null, action, target: null, result: 'failure', reason: error.code, typedLoginIdHmac: typedLoginIdHmac(deps.auditKey, target.typed) });
    return { ok: false, error };
  }
  if (COUNTED.has(error.code)) {
    const counted = await countAttempt(deps, target, null, action, error, now);
    return { ok: false, error: options.quiet ? error : counted };
  }
  await audit(deps, { at: now.getTime(), actor: null, action, target: target.login_id, result: 'failure', reason: error.code });
  return { ok: false, error };
}
