import { ok, type AppError, type ErrorCode } from '../../shared/errors';
import type { Deps } from '../context/deps';
import type { UserRecord } from '../store/schema';
import { appendAudit, type AuditAction, type AuditEntry } from '../store/repos/audit';
import { recordLogin } from '../store/repos/topPage';
import { countFailure } from '../store/repos/users';
import { transact } from '../store/transaction';

type Refusal = { ok: false; error: AppError };

/** Codes that count as a failed attempt towards the lock (SPEC R-OTP-3). */
const COUNTED: ReadonlySet<ErrorCode> = new Set([
  'BAD_CREDENTIALS',
  'BAD_AUTH_PASSWORD',
  'OTP_INVALID',
  'OTP_REUSED',
  'TOKEN_NOT_FOUND',
]);

/**
 * A failed password or OTP attempt: the counter, the lock at the limit, and their audit rows, in one
 * transaction. Answers the error with the attempts left, or LOCKED when this failure locked the user.
 */
async function countAttempt(deps: Deps, user: UserRecord, action: AuditAction, error: AppError, now: Date): Promise<AppError> {
  const t = now.getTime();
  const limit = deps.rules.maxConsecutiveFailures;
  const result = await transact(deps.db, async (tx) => {
    const after = await countFailure(tx, user.id, limit, t);
    const lockedNow = user.locked_at === null && after.locked_at !== null;
    const entries: AuditEntry[] = [
      { at: t, actor: user.login_id, action, target: user.login_id, result: 'failure', reason: error.code },
    ];
    if (lockedNow) entries.push({ at: t, actor: null, action: 'user.lock', target: user.login_id, result: 'success', reason: 'FAILURE_LIMIT' });
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

async function audit(deps: Deps, ...entries: AuditEntry[]): Promise<void> {
  await transact(deps.db, async (tx) => {
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
    return { ok: false, error: await countAttempt(deps, actor, action, error, now) };
  }
  const loginId = typeof actor === 'string' ? actor : actor.login_id;
  const entry = { at: now.getTime(), actor: loginId, action, result: 'failure' as const, reason: error.code };
  await audit(deps, ...(targets ?? [loginId]).map((target) => ({ ...entry, target })));
  return { ok: false, error };
}

export function auditSuccess(deps: Deps, actor: string, action: AuditAction, now: Date, detail?: AuditEntry['detail']) {
  return audit(deps, { at: now.getTime(), actor, action, target: actor, result: 'success', detail });
}
