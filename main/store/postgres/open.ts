import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Migration } from 'kysely';
import { StoreOpenError, type Store } from '../store';
import type { Database } from '../schema';
import { migratePostgres } from './migrate';
import { postgresMigrations } from './migrations';

export type PostgresOptions = {
  /** `postgresql://user@host/db`; or the pool's own settings (host, port, user, password, database, ssl). */
  readonly connectionString?: string;
  readonly pool?: Omit<pg.PoolConfig, 'types' | 'max' | 'statement_timeout' | 'query_timeout' | 'connectionTimeoutMillis' | 'keepAlive'>;
  /** Longest a statement may run before PostgreSQL cancels it; default 10 s. Migrations run without it. */
  readonly statementTimeoutMs?: number;
  /** Connections held at most; default 10. */
  readonly poolSize?: number;
  /** Longest wait for a connection, a new one (connect and authenticate) or a free one of the pool; default 10 s. */
  readonly connectTimeoutMs?: number;
  /**
   * Longest the client waits for any answer, whatever PostgreSQL does: across a network partition neither its
   * cancel nor an error arrives, and the query would wait for ever. Default: the statement timeout + 5 s, so
   * PostgreSQL's own cancel comes first whenever it can.
   */
  readonly queryTimeoutMs?: number;
  /** TCP keep-alive probes start after this much silence, so a peer gone away is noticed; default 10 s. */
  readonly keepAliveDelayMs?: number;
};

export const POOL_DEFAULTS = { poolSize: 10, statementTimeoutMs: 10_000, connectTimeoutMs: 10_000, keepAliveDelayMs: 10_000, queryMarginMs: 5_000 } as const;

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

const isReadTimeout = (error: unknown) => error instanceof Error && error.message === 'Query read timeout';

/**
 * pg answers a query past its query_timeout with an error but leaves the connection waiting for the lost answer,
 * and the pool would hand it out again: such a connection is destroyed instead, and the pool opens a new one.
 */
function dropOnReadTimeout(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const answer = query(...args);
    if (answer instanceof Promise) {
      answer.catch((error: unknown) => {
        if (isReadTimeout(error)) client.connection.stream.destroy();
      });
    }
    return answer;
  };
}

/** `limits`: what the store's pool holds to, or none at all (a migration's own connection). */
function createPool(options: PostgresOptions, limits: 'store' | 'migration'): pg.Pool {
  const statementTimeoutMs = options.statementTimeoutMs ?? POOL_DEFAULTS.statementTimeoutMs;
  const pool = new pg.Pool({
    ...options.pool,
    ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }),
    types: storeTypes(),
    max: limits === 'store' ? (options.poolSize ?? POOL_DEFAULTS.poolSize) : 1,
    // 0: none. A migration may run long, and a second instance starting meanwhile waits for its advisory lock.
    statement_timeout: limits === 'store' ? statementTimeoutMs : 0,
    ...(limits === 'store' ? { query_timeout: options.queryTimeoutMs ?? statementTimeoutMs + POOL_DEFAULTS.queryMarginMs } : {}),
    connectionTimeoutMillis: options.connectTimeoutMs ?? POOL_DEFAULTS.connectTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: options.keepAliveDelayMs ?? POOL_DEFAULTS.keepAliveDelayMs,
    // A transaction left open (a bug, or a caller gone) would hold its locks: PostgreSQL ends it.
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'otp-desktop',
  });
  // A connection that breaks (server restart, terminated backend) emits an error, and one without a listener
  // ends the process. The query in flight is refused with that error itself; an idle connection is dropped by
  // the pool and replaced at the next checkout. So the listeners only keep the process alive.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    dropOnReadTimeout(client);
  });
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
/** Every pending migration on a connection of their own, with no statement or query timeout (migrate.ts). */
async function migrateAlone(options: PostgresOptions, all: Record<string, Migration>): Promise<void> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(options, 'migration') }) });
  try {
    await migratePostgres(db, all);
  } catch (error) {
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError('migration', `migration failed: ${(error as Error).message}`);
  } finally {
    await db.destroy();
  }
}

export async function openPostgresStore(options: PostgresOptions, all: Record<string, Migration> = postgresMigrations): Promise<Store> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(options, 'store') }) });
  try {
    await reach(db);
    await migrateAlone(options, all);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, close: () => db.destroy() };
}
