import { sql } from 'kysely';
import type { Db } from '../transaction';

export async function recordLogin(db: Db, userId: number, at: number, result: 'success' | 'failure'): Promise<void> {
  await db.insertInto('login_history').values({ user_id: userId, at, result }).execute();
}

export function recentLogins(db: Db, userId: number, limit: number) {
  return db
    .selectFrom('login_history')
    .select(['at', 'result'])
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** SPEC R-TOP-3: notices being posted now, for the user's company or for everyone, with the user's read state. */
export function currentNotices(db: Db, companyId: number, userId: number, now: number) {
  return db
    .selectFrom('notices as n')
    .leftJoin('notice_reads as r', (join) => join.onRef('r.notice_id', '=', 'n.id').on('r.user_id', '=', userId))
    .select(['n.id', 'n.published_at', 'n.ends_at', 'n.title', 'n.body', sql<number>`r.notice_id is not null`.as('read')])
    .where((eb) => eb.or([eb('n.company_id', 'is', null), eb('n.company_id', '=', companyId)]))
    .where('n.published_at', '<=', now)
    .where('n.ends_at', '>', now)
    .orderBy('n.published_at', 'desc')
    .execute();
}

export async function markNoticeRead(db: Db, noticeId: number, userId: number, now: number): Promise<void> {
  await db
    .insertInto('notice_reads')
    .values({ notice_id: noticeId, user_id: userId, read_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function pendingApprovalCount(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('pending_approvals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('approver_user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
