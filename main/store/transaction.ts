import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Result } from '../../shared/errors';
import { dialectOf } from './dialect';
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

/** Runs `work` in the transaction just begun on `conn`: commits only on ok; a refusal or a throw rolls back. */
export async function finish<T>(conn: Db, work: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
  let result: Result<T>;
  try {
    result = await work(conn);
  } catch (error) {
    // A broken connection cannot roll back; the error worth reporting is the first one.
    await sql`rollback`.execute(conn).catch(() => undefined);
    throw error;
  }
  await sql.raw(result.ok ? 'commit' : 'rollback').execute(conn);
  return result;
}

/**
 * Attempts of one PostgreSQL transaction that keeps losing to concurrent ones (SQLSTATE 40001, 40P01). Two
 * users racing one code lose once; the load test (80 users at once, both cores busy with other work) once
 * exhausted six, and later ten: a login that waits a few seconds beats one answered INTERNAL.
 */
export const SERIALIZABLE_ATTEMPTS = 20;
/** The pause before attempt n+1 is random up to min(2^n × 4 ms, 250 ms): about 4 s at most over all attempts. */
const pauseBefore = (attempt: number) => Math.random() * Math.min(4 * 2 ** attempt, 250);

const isSerializationFailure = (error: unknown) => ['40001', '40P01'].includes(String((error as { code?: unknown }).code));

/**
 * PostgreSQL: SERIALIZABLE, so every rule that reads and then writes (registration's check for a revocation,
 * one master per company, the lock counter) behaves as if transactions ran one after another, as BEGIN
 * IMMEDIATE makes them on SQLite. A transaction PostgreSQL aborts to keep that promise runs again from the
 * start, after a jittered pause, a bounded number of times; `work` touches nothing outside the store before
 * it commits, so running it again is safe.
 */
async function serializable<T>(db: Db, work: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.connection().execute(async (conn) => {
        await sql`begin isolation level serializable`.execute(conn);
        return finish(conn, work);
      });
    } catch (error) {
      if (!isSerializationFailure(error) || attempt >= SERIALIZABLE_ATTEMPTS) throw error;
      await sleep(pauseBefore(attempt));
    }
  }
}

/**
 * One write transaction. On SQLite it is taken with BEGIN IMMEDIATE so that the conditional writes inside it
 * (DESIGN-NOTES 1) hold the write lock from the first read; on PostgreSQL it is SERIALIZABLE (above). It
 * commits only when `work` answers ok: a refusal or a throw rolls back everything, so nothing is ever
 * half-written.
 */
export async function transact<T>(db: Db, work: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
  if (dialectOf(db) === 'postgres') return serializable(db, work);
  return db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    return finish(conn, work);
  });
}

/**
 * A write transaction whose every write stands alone: an atomic UPDATE that reads only the row it changes (the
 * failure counter's `failed_attempts = failed_attempts + 1 … RETURNING`) and inserts (its audit rows). No read
 * decides a write, so nothing needs SERIALIZABLE: on PostgreSQL it runs at READ COMMITTED, where a concurrent
 * update of the same row waits for the row lock and then applies to the newest version. It is never aborted for
 * serialization and needs no retry, so no failure goes uncounted for want of attempts. SQLite: as `transact`.
 */
export async function transactAtomic<T>(db: Db, work: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
  if (dialectOf(db) !== 'postgres') return transact(db, work);
  return db.connection().execute(async (conn) => {
    await sql`begin isolation level read committed`.execute(conn);
    return finish(conn, work);
  });
}
