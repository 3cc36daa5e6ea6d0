import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Result } from '../../shared/errors';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** How long a transaction waits for another connection's write lock before giving up (a bug, then). */
const LOCK_WAIT_MS = 5_000;

/**
 * Takes the write lock. SQLite's own busy handler would sleep synchronously, freezing the main process's event
 * loop, and, when the lock holder is another connection of this same process, waiting for nothing: the holder
 * cannot commit while the loop is blocked. So the store opens with busy_timeout 0 and the wait happens here,
 * asynchronously.
 */
async function beginImmediate(conn: Db): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      await sql`begin immediate`.execute(conn);
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      await sleep(pause);
    }
  }
}

/**
 * One write transaction, taken with BEGIN IMMEDIATE so that the conditional writes inside it (DESIGN-NOTES 1)
 * hold the write lock from the first read. It commits only when `work` answers ok: a refusal or a throw rolls
 * back everything, so nothing is ever half-written.
 */
export async function transact<T>(db: Db, work: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
  return db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    let result: Result<T>;
    try {
      result = await work(conn);
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
    await sql.raw(result.ok ? 'commit' : 'rollback').execute(conn);
    return result;
  });
}
