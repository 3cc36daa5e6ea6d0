import type { UserType } from '../../../shared/contract/models';
import type { Db } from '../transaction';
import { voidBlocksOf } from './offlineBlocks';
import type { UserRecord } from '../schema';

/** Writes of user management (issue: provisioning); reads and the lock counters stay in users.ts. */

export async function companyCodeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('companies').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function anyCompanyExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('companies').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** The company, when it holds no token: a setup that stopped before its import. */
async function withoutTokens(db: Db, companyId: number): Promise<number | undefined> {
  const token = await db.selectFrom('tokens').select('id').where('company_id', '=', companyId).limit(1).executeTakeFirst();
  return token ? undefined : companyId;
}

/**
 * A setup that stopped before its import (issue: provisioning): on a desktop the only company, when it holds no
 * token; on a server holding several companies, the given user's company (the master resuming).
 */
export async function unfinishedSetupCompany(db: Db, companyOfUser?: number): Promise<number | undefined> {
  if (companyOfUser !== undefined) return withoutTokens(db, companyOfUser);
  const companies = await db.selectFrom('companies').select('id').limit(2).execute();
  return companies.length === 1 ? withoutTokens(db, companies[0]!.id) : undefined;
}

export function findCompanyMaster(db: Db, companyId: number): Promise<UserRecord | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('user_type', '=', 'master')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * A change of name or user type. A new user type voids the user's offline blocks (issue 19 review): a block shows
 * its holder's type on the desktop, and what it was issued for (a manager's screens) no longer holds.
 */
export async function updateUser(db: Db, userId: number, change: { name?: string; userType?: UserType }, now: number): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.userType === undefined ? {} : { user_type: change.userType }),
    })
    .where('id', '=', userId)
    .execute();
  if (change.userType !== undefined) await voidBlocksOf(db, [userId], now);
}

export async function markDeleted(db: Db, userId: number, now: number): Promise<void> {
  await db.updateTable('users').set({ deleted_at: now }).where('id', '=', userId).where('deleted_at', 'is', null).execute();
  // A removed user's blocks are voided with them, held token or not (issue 19 review F1).
  await voidBlocksOf(db, [userId], now);
}

export type Secret = 'login' | 'auth';

/** SPEC R-REV-6: the admin who set a master's temporary authentication password, and when. */
export type AuthReset = { readonly by: string; readonly at: number };

/**
 * A new password hash; `initial` says whether the user still has to choose their own (set by someone else). Any
 * new authentication password ends a pending R-REV-6 reset, unless it is that reset (`reset`). The user's offline
 * blocks are voided with it: their check values and keys come from the old hash, so the old password would still
 * open them offline (issue 19 review).
 */
export async function setPasswordHash(db: Db, userId: number, which: Secret, hash: string, initial: boolean, now: number, reset?: AuthReset): Promise<void> {
  const flag = initial ? 1 : 0;
  await db
    .updateTable('users')
    .set(
      which === 'login'
        ? { login_password_hash: hash, login_password_initial: flag }
        : { auth_password_hash: hash, auth_password_initial: flag, auth_password_reset_by: reset?.by ?? null, auth_password_reset_at: reset?.at ?? null },
    )
    .where('id', '=', userId)
    .execute();
  await voidBlocksOf(db, [userId], now);
}

/** The same password under new KDF parameters: only where the old hash is still the stored one (no change lost). */
export async function replacePasswordHash(db: Db, userId: number, which: Secret, old: string, fresh: string): Promise<void> {
  const column = which === 'login' ? 'login_password_hash' : 'auth_password_hash';
  await db.updateTable('users').set({ [column]: fresh }).where('id', '=', userId).where(column, '=', old).execute();
}
