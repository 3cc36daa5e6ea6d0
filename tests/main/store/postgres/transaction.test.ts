import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../shared/errors';
import { openPostgresStore } from '../../../../main/store/postgres/open';
import type { Store } from '../../../../main/store/store';
import { SERIALIZABLE_ATTEMPTS, transact, type Db } from '../../../../main/store/transaction';
import { createTestDatabase } from '../../../support/postgres';

/** PostgreSQL's transact: SERIALIZABLE with a bounded retry (README "PostgreSQL"); SQLite's side: ../transaction.sqlite.test.ts. */
let store: Store;
let url: string;
let drop: () => Promise<void>;
beforeEach(async () => {
  ({ url, drop } = await createTestDatabase());
  store = await openPostgresStore({ connectionString: url, poolSize: 4 });
});
afterEach(async () => {
  await store.close();
  await drop();
});

const companies = async (db: Db) => Number((await db.selectFrom('companies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Resolves once `n` callers wait on it: both transactions have read before either writes. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => (++arrived === n && open(), opened);
}

describe('transact on PostgreSQL: SERIALIZABLE, retried on serialization failures', () => {
  it('SPEC R-GEN-3: two transactions that both read "no company yet" and then both insert → exactly one commits; the other runs again and refuses', async () => {
    const bothRead = barrier(2);
    let runs = 0;
    const setupOnce = (code: string) =>
      transact(store.db, async (tx) => {
        runs++;
        const existing = await companies(tx);
        await bothRead();
        if (existing > 0) return fail('SETUP_ALREADY_DONE');
        await tx.insertInto('companies').values({ code, name: code }).execute();
        return ok(code);
      });
    const outcomes = await Promise.all([setupOnce('A'), setupOnce('B')]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, error: { code: 'SETUP_ALREADY_DONE' } }]);
    expect(await companies(store.db)).toBe(1);
    expect(runs).toBe(3); // the loser's work ran again after PostgreSQL aborted it (SQLSTATE 40001)
  });

  it(`a transaction that keeps failing to serialise gives up after ${SERIALIZABLE_ATTEMPTS} attempts, with PostgreSQL's error`, async () => {
    let runs = 0;
    const hopeless = transact(store.db, async (tx) => {
      runs++;
      await tx.insertInto('companies').values({ code: `X${runs}`, name: 'x' }).execute();
      throw Object.assign(new Error('could not serialize access'), { code: '40001' });
    });
    await expect(hopeless).rejects.toMatchObject({ code: '40001' });
    expect(runs).toBe(SERIALIZABLE_ATTEMPTS);
    expect(await companies(store.db)).toBe(0);
  });

  it('any other error is not retried, and rolls everything back', async () => {
    let runs = 0;
    const broken = transact(store.db, async (tx) => {
      runs++;
      await tx.insertInto('companies').values({ code: 'A', name: 'a' }).execute();
      await tx.insertInto('companies').values({ code: 'A', name: 'again' }).execute();
      return ok(null);
    });
    await expect(broken).rejects.toThrow(/unique/);
    expect(runs).toBe(1);
    expect(await companies(store.db)).toBe(0);
  });

  it('the statement timeout ends a statement that runs too long (SQLSTATE 57014), and the pool goes on', async () => {
    const impatient = await openPostgresStore({ connectionString: url, statementTimeoutMs: 50 });
    try {
      await expect(sql`select pg_sleep(5)`.execute(impatient.db)).rejects.toMatchObject({ code: '57014' });
      expect((await sql<{ one: number }>`select 1 as one`.execute(impatient.db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await impatient.close();
    }
  });

  it('the pool never holds more connections than its size', async () => {
    const small = await openPostgresStore({ connectionString: url, poolSize: 2 });
    try {
      const pids = await Promise.all(
        Array.from({ length: 6 }, async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(small.db)).rows[0]!.pid),
      );
      expect(new Set(pids).size).toBeLessThanOrEqual(2);
    } finally {
      await small.close();
    }
  });
});
