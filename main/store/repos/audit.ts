import type { AuditAction } from '../../../shared/contract/auditActions';
import { breatheEvery } from '../breathe';
import type { Db } from '../transaction';

/** SPEC R-GEN-2: who, what, on whom, when, result. Written inside the transaction of the change it describes. */
export type { AuditAction };

export type AuditEntry = {
  readonly at: number;
  readonly actor: string | null;
  readonly action: AuditAction;
  readonly target?: string | null;
  readonly result: 'success' | 'failure';
  readonly reason?: string;
  readonly detail?: Record<string, string | number | boolean | null>;
  /** An unauthenticated attempt on a login ID that matches no user: the HMAC of what was typed (main/crypto/keyedHash.ts). */
  readonly typedLoginIdHmac?: string;
};

/** What an offline operation's rows add to their detail (main/offline/atServer): the key, the desktop, the offline time. */
export type AuditTag = NonNullable<AuditEntry['detail']>;

export async function appendAudit(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    at: e.at,
    actor_login_id: e.actor,
    action: e.action,
    target_login_id: e.target ?? null,
    result: e.result,
    reason: e.reason ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
    typed_login_id_hmac: e.typedLoginIdHmac ?? null,
  }));
  // SQLite caps bound parameters per statement; 9 columns × 100 rows stays well under it.
  for (let i = 0; i < rows.length; i += 100) {
    await breatheEvery(i);
    await db.insertInto('audit_log').values(rows.slice(i, i + 100)).execute();
  }
}

/** The row of one operation that succeeded, written in the transaction of its change (DESIGN-NOTES 3). */
export function appendSuccess(db: Db, now: Date, actor: string, action: AuditAction, target: string | null, detail?: AuditEntry['detail']) {
  return appendAudit(db, [{ at: now.getTime(), actor, action, target, result: 'success', detail }]);
}
