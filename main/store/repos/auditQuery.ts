import { sql } from 'kysely';
import type { AuditAction } from '../../../shared/contract/auditActions';
import type { Db } from '../transaction';

export type AuditQuery = {
  readonly companyId: number;
  /** Matches the actor or the target. */
  readonly loginId?: string;
  readonly action?: AuditAction;
  /** Inclusive bounds on `at`, epoch milliseconds. */
  readonly from?: number;
  readonly to?: number;
};

/**
 * The audit log has no company column: a row belongs to the company of its actor (deleted users included, so
 * their history stays visible), or, when the actor is no user at all (a mistyped login ID, the lock itself), to
 * the company of its target. Login IDs are unique across companies, so no row is shown to two companies, not
 * even a user's attempt at another company's user (SPEC R-SRV-3).
 */
function filtered(db: Db, q: AuditQuery) {
  const members = db.selectFrom('users').select('login_id').where('company_id', '=', q.companyId);
  const anyUser = db.selectFrom('users').select('login_id');
  let query = db
    .selectFrom('audit_log')
    .where((eb) =>
      eb.or([
        eb('actor_login_id', 'in', members),
        eb.and([eb('target_login_id', 'in', members), eb.or([eb('actor_login_id', 'is', null), eb('actor_login_id', 'not in', anyUser)])]),
      ]),
    );
  if (q.loginId !== undefined) {
    const id = q.loginId;
    query = query.where((eb) => eb.or([eb('actor_login_id', '=', id), eb('target_login_id', '=', id)]));
  }
  if (q.action !== undefined) query = query.where('action', '=', q.action);
  if (q.from !== undefined) query = query.where('at', '>=', q.from);
  if (q.to !== undefined) query = query.where('at', '<=', q.to);
  return query;
}

export async function countAudit(db: Db, q: AuditQuery): Promise<number> {
  const row = await filtered(db, q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first; ties (one transaction's rows share a time) in reverse order of writing. */
export function listAudit(db: Db, q: AuditQuery, offset: number, limit: number) {
  return filtered(db, q)
    .select(['id', 'at', 'actor_login_id', 'action', 'target_login_id', 'result', 'reason'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
