import { sql } from 'kysely';
import type { UserSort } from '../../../shared/contract/models';
import type { Db } from '../transaction';
import { voidBlocksOf } from './offlineBlocks';
import type { UserRecord } from '../schema';

/** Deleted users included: a login ID is never reused. Callers that act on a user check `deleted_at`. */
export function findUserByLoginId(db: Db, loginId: string): Promise<UserRecord | undefined> {
  return db.selectFrom('users').selectAll().where('login_id', '=', loginId).executeTakeFirst();
}

/**
 * A login ID a desktop sent, as an audit row may name it (SPEC R-SRV-3): kept if it is a user of this company
 * (removed ones included) or of none; null if another company's, so no desktop writes into another's 操作履歴.
 */
export async function nameableIn(db: Db, companyId: number, loginId: string): Promise<string | null> {
  const user = await findUserByLoginId(db, loginId);
  return !user || user.company_id === companyId ? loginId : null;
}

/** The login IDs among `loginIds` of another company's users: never named in this company's audit rows (R-SRV-3). */
export async function foreignLoginIds(db: Db, companyId: number, loginIds: readonly string[]): Promise<Set<string>> {
  if (loginIds.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('login_id').where('login_id', 'in', [...loginIds]).where('company_id', '<>', companyId).execute();
  return new Set(rows.map((r) => r.login_id));
}

/**
 * The beginnings (scheme and parameters, salt cut short) of the login password hashes of users that exist, except
 * those made with the current parameters (`prefix`): users moved in from a desktop keep its scrypt until their
 * next login. One row per such user; callers keep what they learn from it.
 */
export async function otherLoginHashPrefixes(db: Db, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select(sql<string>`substr(login_password_hash, 1, 64)`.as('start'))
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`substr(login_password_hash, 1, ${prefix.length}) <> ${prefix}`)
    .execute();
  return rows.map((r) => r.start);
}

export function findUserById(db: Db, id: number): Promise<UserRecord | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The company's users that exist now, by login ID: a deleted user is not found (revocation, unlock, user
 * management). The order is said, so the audit rows written per user come in the same order on both stores.
 */
export function findUsersByLoginIds(db: Db, companyId: number, loginIds: readonly string[]): Promise<UserRecord[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('login_id', 'in', loginIds)
    .where('deleted_at', 'is', null)
    .orderBy('login_id')
    .execute();
}

/** The login IDs of the company's removed users (never reused), in order: a connected desktop's replica holds them. */
export async function removedLoginIdsOf(db: Db, companyId: number): Promise<string[]> {
  const rows = await db.selectFrom('users').select('login_id').where('company_id', '=', companyId).where('deleted_at', 'is not', null).orderBy('login_id').execute();
  return rows.map((r) => r.login_id);
}

/**
 * Counts failures (one, or those counted offline, R-OFF-4) and locks at the limit (SPEC R-OTP-3). The count is one
 * atomic UPDATE, which holds the user's row until the commit; the lock is then a conditional write of its own on
 * that row, so of failures arriving together exactly one reports `lockedNow` (one user.lock row), whatever each
 * read of the user before.
 */
export async function countFailure(db: Db, userId: number, limit: number, now: number, count = 1) {
  const after = await db
    .updateTable('users')
    .set({ failed_attempts: sql`failed_attempts + ${count}` })
    .where('id', '=', userId)
    .returning(['failed_attempts', 'locked_at'])
    .executeTakeFirstOrThrow();
  if (after.locked_at !== null || after.failed_attempts < limit) return { ...after, lockedNow: false };
  const locked = await db.updateTable('users').set({ locked_at: now }).where('id', '=', userId).where('locked_at', 'is', null).executeTakeFirst();
  const lockedNow = locked.numUpdatedRows === 1n;
  // With the lock, its blocks are voided for good: an unlock does not bring them back (issue 19 review F1).
  if (lockedNow) await voidBlocksOf(db, [userId], now);
  return { failed_attempts: after.failed_attempts, locked_at: lockedNow ? now : after.locked_at, lockedNow };
}

/** Only a counter above zero is written: most logins have none, and an update of nothing leaves no dead row. */
export async function clearFailures(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0 }).where('id', '=', userId).where('failed_attempts', '>', 0).execute();
}

export async function unlockUser(db: Db, userId: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_at: null })
    .where('id', '=', userId)
    .where('locked_at', 'is not', null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

const ORDER: Record<UserSort, [string, 'asc' | 'desc']> = {
  'loginId-asc': ['u.login_id', 'asc'],
  'loginId-desc': ['u.login_id', 'desc'],
  'name-asc': ['u.name', 'asc'],
  'name-desc': ['u.name', 'desc'],
  'userType-asc': ['type_rank', 'asc'],
  'userType-desc': ['type_rank', 'desc'],
  'otpState-asc': ['otp_state', 'asc'],
  'tokenExpiresAt-asc': ['token_expires_at', 'asc'],
};

export type UserListRow = {
  login_id: string;
  name: string;
  user_type: UserRecord['user_type'];
  serial: string | null;
  otp_state: 'active' | 'revoked' | 'none' | 'locked';
  token_expires_at: number | null;
  reregistration_at: number | null;
  /** The current token was reported lost and is disabled for everyone (SPEC R-TOK-6). */
  disabled_reason: 'lost' | null;
};

/**
 * SPEC R-REV-2: every user of the company with the token of their current assignment: the active one, or
 * else the latest revoked one, so a revoked user still shows the serial and 失効中.
 */
export async function listCompanyUsers(
  db: Db,
  companyId: number,
  sort: UserSort,
  loginIds?: readonly string[],
): Promise<UserListRow[]> {
  const [column, direction] = ORDER[sort];
  let query = db
    .selectFrom('users as u')
    // The active assignment through its partial unique index; only a user without one looks up their latest.
    // (A single "latest, active first" subquery in the join was evaluated twice per user by PostgreSQL.)
    .leftJoin('token_assignments as aa', (join) => join.onRef('aa.user_id', '=', 'u.id').on('aa.state', '=', 'active'))
    .leftJoin('token_assignments as a', (join) =>
      join.on('a.id', '=', sql<number>`coalesce(aa.id, (select max(x.id) from token_assignments x where x.user_id = u.id))`),
    )
    .leftJoin('tokens as t', 't.id', 'a.token_id')
    .select([
      'u.login_id',
      'u.name',
      'u.user_type',
      't.serial',
      't.expires_at as token_expires_at',
      'a.reregistration_at',
      't.disabled_reason',
      sql<UserListRow['otp_state']>`case when u.locked_at is not null then 'locked'
        when a.state = 'active' then 'active' when a.state = 'revoked' then 'revoked' else 'none' end`.as('otp_state'),
      sql<number>`case u.user_type when 'master' then 0 when 'admin' then 1 else 2 end`.as('type_rank'),
    ])
    .where('u.company_id', '=', companyId)
    .where('u.deleted_at', 'is', null);
  if (loginIds) query = query.where('u.login_id', 'in', loginIds);
  // Where NULLs sort is said, not left to the dialect: SQLite puts them first ascending, PostgreSQL last.
  return query
    .orderBy(sql.ref(column), (ob) => (direction === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast()))
    .orderBy('u.login_id', 'asc')
    .execute() as Promise<UserListRow[]>;
}
