import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Migration } from 'kysely';
import { StoreOpenError, type Store } from '../store';
import type { Database } from '../schema';
import { migratePostgres } from './migrate';
import { postgresMigrations } from './migrations';

export type PostgresOptions = {
  /** `postgresql://user@host/db`; or the pool's own settings (host, port, user, password, database, ssl). */
  readonly connectionString?: string;
  readonly pool?: Omit<pg.PoolConfig, 'types' | 'max' | 'statement_timeout'>;
  /** Longest a statement may run before PostgreSQL cancels it; default 10 s. */
  readonly statementTimeoutMs?: number;
  /** Connections held at most; default 10. */
  readonly poolSize?: number;
};

/**
 * bigint (int8) columns hold epoch milliseconds and time steps, all below 2^53: they come back as numbers,
 * exactly as SQLite answers them. A value that a number cannot hold exactly is refused, never rounded. Set on
 * this pool's own type table, so other users of `pg` in the process are not affected.
 */
function storeTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (text: string) => {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} is beyond a safe integer`);
    return value;
  });
  return types;
}

function createPool(options: PostgresOptions): pg.Pool {
  const pool = new pg.Pool({
    ...options.pool,
    ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }),
    types: storeTypes(),
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    // A transaction left open (a bug, or a caller gone) would hold its locks: PostgreSQL ends it.
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'otp-desktop',
  });
  // A connection that breaks (server restart, terminated backend) emits an error, and one without a listener
  // ends the process. The query in flight is refused with that error itself; an idle connection is dropped by
  // the pool and replaced at the next checkout. So the listeners only keep the process alive.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

async function reach(db: Kysely<Database>): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    throw new StoreOpenError('unreachable', `cannot reach PostgreSQL: ${(error as Error).message}`);
  }
}

/** Opens a PostgreSQL store: the same `Store` as SQLite's, every pending migration applied. */
export async function openPostgresStore(options: PostgresOptions, all: Record<string, Migration> = postgresMigrations): Promise<Store> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(options) }) });
  try {
    await reach(db);
    await migratePostgres(db, all).catch((error: unknown) => {
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError('migration', `migration failed: ${(error as Error).message}`);
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, close: () => db.destroy() };
}
