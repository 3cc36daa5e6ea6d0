import type { OfflineOperationTable } from '../schema';
import type { Db } from '../transaction';

export type StoredOperation = OfflineOperationTable;

export function findOperation(db: Db, key: string): Promise<StoredOperation | undefined> {
  return db.selectFrom('offline_operations').selectAll().where('key', '=', key).executeTakeFirst();
}

/** The stored ones among `keys` (a batch of at most 50: one statement). */
export async function findOperations(db: Db, keys: readonly string[]): Promise<Map<string, StoredOperation>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('offline_operations').selectAll().where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r]));
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
