import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it, inject } from 'vitest';
import { MIGRATION_LOCK } from '../../../../main/store/postgres/migrate';
import { openPostgresStore } from '../../../../main/store/postgres/open';
import { StoreOpenError } from '../../../../main/store/store';
import { startFaultProxy, type FaultProxy } from '../../../support/faultProxy';
import { createEmptyDatabase, createTestDatabase } from '../../../support/postgres';

/**
 * The pool's own limits (issue 13): a partition between the server and PostgreSQL, where no byte passes and
 * neither an answer nor an error ever arrives, must end each wait; and migrations run without the statement
 * timeout, so an instance starting during another's long migration waits for it instead of failing.
 */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** A loopback TCP port in front of the test server's Unix socket, and the URL of `database` through it. */
async function throughProxy(database: string): Promise<{ proxy: FaultProxy; url: string }> {
  const proxy = await startFaultProxy({ path: join(inject('postgres').socketDir, '.s.PGSQL.5432') });
  cleanup.push(() => proxy.close());
  return { proxy, url: `postgresql://postgres@127.0.0.1:${proxy.port}${new URL(database).pathname}` };
}

const limits = { poolSize: 2, statementTimeoutMs: 500, queryTimeoutMs: 1_500, connectTimeoutMs: 1_500 };

describe('PostgreSQL pool limits (issue 13)', () => {
  it('issue 13: across a partition a query ends at the query timeout and a new connection at the connect timeout; the pool recovers', async () => {
    const database = await createTestDatabase();
    cleanup.push(database.drop);
    const { proxy, url } = await throughProxy(database.url);
    const store = await openPostgresStore({ connectionString: url, ...limits });
    cleanup.push(() => store.close());
    const backend = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db)).rows[0]!.pid;
    const before = await backend();
    proxy.mode('stall');
    await expect(sql`select 1`.execute(store.db)).rejects.toThrow('Query read timeout');
    // A second instance starting during the partition: its first connection never completes.
    const second = await openPostgresStore({ connectionString: url, ...limits }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(StoreOpenError);
    expect((second as StoreOpenError).reason).toBe('unreachable');
    proxy.mode('pass');
    // The connection that lost its answer was dropped, not handed out again: the next query has a new backend.
    expect(await backend()).not.toBe(before);
  });

  it('issue 13: an instance starting while another migrates waits for its advisory lock past the statement timeout', async () => {
    const database = await createEmptyDatabase();
    cleanup.push(database.drop);
    const admin = async (options: pg.ClientConfig = {}) => {
      const client = new pg.Client({ connectionString: database.url, ...options });
      await client.connect();
      cleanup.push(() => client.end());
      return client;
    };
    const waitingForTheLock = async (client: pg.Client) =>
      (await client.query<{ n: number }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`)).rows[0]!.n;
    // Another instance, in the middle of a long migration: it holds the migration lock.
    const migrating = await admin();
    await migrating.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const opening = openPostgresStore({ connectionString: database.url, statementTimeoutMs: 500 });
    opening.catch(() => undefined);
    while ((await waitingForTheLock(migrating)) < 1) await new Promise((r) => setImmediate(r));
    // A statement under the same timeout waiting for the same lock, begun later, is cancelled: by then the
    // opening instance has waited longer than its statement timeout, and it is still waiting.
    const witness = await admin({ statement_timeout: 500 });
    await expect(witness.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])).rejects.toThrow(/statement timeout/);
    expect(await waitingForTheLock(migrating)).toBe(1);
    await migrating.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    const store = await opening;
    cleanup.push(() => store.close());
    expect((await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(store.db)).rows[0]!.n).toBeGreaterThan(0);
  });
});
