import { sql, type Kysely } from 'kysely';
import type { Result } from '../../shared/errors';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/**
 * One write transaction, taken with BEGIN IMMEDIATE so that the conditional writes inside it (DESIGN-NOTES 1)
 * hold the write lock from the first read. It commits only when `work` answers ok: a refusal or a throw rolls
 * back everything, so nothing is ever half-written.
 */
export async function transact<T>(db: Db, work: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
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
