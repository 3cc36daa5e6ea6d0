import type { Db } from '../transaction';
import { voidBlocksOf } from './offlineBlocks';
import type { AssignmentRecord, TokenRecord } from '../schema';

export async function activeTokenOf(db: Db, userId: number): Promise<{ assignmentId: number; token: TokenRecord } | undefined> {
  const row = await db
    .selectFrom('token_assignments as a')
    .innerJoin('tokens as t', 't.id', 'a.token_id')
    .selectAll('t')
    .select('a.id as assignment_id')
    .where('a.user_id', '=', userId)
    .where('a.state', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  const { assignment_id, ...token } = row;
  return { assignmentId: assignment_id, token };
}

export function latestRevocationOf(db: Db, userId: number): Promise<AssignmentRecord | undefined> {
  return db
    .selectFrom('token_assignments')
    .selectAll()
    .where('user_id', '=', userId)
    .where('state', '=', 'revoked')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function assignToken(db: Db, userId: number, tokenId: number, now: number): Promise<void> {
  await db
    .insertInto('token_assignments')
    .values({ user_id: userId, token_id: tokenId, state: 'active', assigned_at: now })
    .execute();
}

export type Revocation = { revokedAt: number; revokedBy: number; reRegistrationAt: number };

/** Revokes the user's active assignment and voids their offline blocks; false when there was none (the caller rolls back). */
export async function revokeActiveAssignment(db: Db, userId: number, r: Revocation): Promise<boolean> {
  const result = await db
    .updateTable('token_assignments')
    .set({ state: 'revoked', revoked_at: r.revokedAt, revoked_by: r.revokedBy, reregistration_at: r.reRegistrationAt })
    .where('user_id', '=', userId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  // No path un-revokes (DESIGN-NOTES 2): a re-registration of the same token does not bring the blocks back (F1).
  await voidBlocksOf(db, [userId], r.revokedAt);
  return true;
}

/** The login IDs of the users who hold the token now (SPEC R-TOK-1: a token may be shared). */
export async function activeHoldersOf(db: Db, tokenId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('token_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select('u.login_id')
    .where('a.token_id', '=', tokenId)
    .where('a.state', '=', 'active')
    .where('u.deleted_at', 'is', null)
    .orderBy('u.login_id')
    .execute();
  return rows.map((r) => r.login_id);
}
