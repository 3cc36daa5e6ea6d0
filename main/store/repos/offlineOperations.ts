import type { OfflineOperationTable } from '../schema';
import type { Db } from '../transaction';

export type StoredOperation = OfflineOperationTable;

export function findOperation(db: Db, key: string): Promise<StoredOperation | undefined> {
  return db.selectFrom('offline_operations').selectAll().where('key', '=', key).executeTakeFirst();
}

/**
 * Claims an idempotency key with its outcome (SPEC R-OFF-7). The primary key is the one authority: false when
 * the key is already stored, by an earlier try or by a concurrent one that committed first (on PostgreSQL that
 * one aborts this transaction with a serialization failure and the retry lands here).
 */
export async function claimOperation(db: Db, row: StoredOperation): Promise<boolean> {
  const r = await db.insertInto('offline_operations').values(row).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Whether an accepted operation was already proved by this step: one offline step-up proves one operation. */
export async function proofSpent(db: Db, tokenId: number, step: number): Promise<boolean> {
  const row = await db
    .selectFrom('offline_operations')
    .select('key')
    .where('proof_token_id', '=', tokenId)
    .where('proof_step', '=', step)
    .where('outcome', '=', 'accepted')
    .executeTakeFirst();
  return row !== undefined;
}
