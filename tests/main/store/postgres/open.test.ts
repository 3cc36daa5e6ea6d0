import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_MARK } from '../../../../main/store/postgres/migrate';
import { StoreOpenError, type Store } from '../../../../main/store/store';
import { postgresMigrations } from '../../../../main/store/postgres/migrations';
import { openPostgresStore } from '../../../../main/store/postgres/open';
import { createEmptyDatabase } from '../../../support/postgres';

/** Opening a PostgreSQL store: SQLite's tests/main/store/open.test.ts and tests/reliability/migration.test.ts, here. */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function emptyDatabase(): Promise<string> {
  const database = await createEmptyDatabase();
  cleanup.push(database.drop);
  return database.url;
}

async function open(url: string, migrations = postgresMigrations): Promise<Store> {
  const store = await openPostgresStore({ connectionString: url }, migrations);
  cleanup.push(() => store.close());
  return store;
}

async function refusal(url: string, migrations = postgresMigrations): Promise<StoreOpenError> {
  const error = await open(url, migrations).then(() => null, (e: unknown) => e);
  if (!(error instanceof StoreOpenError)) throw new Error(`expected a StoreOpenError, got ${String(error)}`);
  return error;
}

const applied = async (s: Store) =>
  (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(s.db)).rows.map((r) => r.name);

const tables = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ tablename: string }>('select tablename from pg_tables where schemaname = current_schema() order by 1');
  await client.end();
  return rows.map((r) => r.tablename);
};

describe('opening a PostgreSQL store', () => {
  it('a new database gets every migration, recorded, and our mark on schema_migrations', async () => {
    const store = await open(await emptyDatabase());
    expect(await applied(store)).toEqual(Object.keys(postgresMigrations).sort());
    const mark = await sql<{ mark: string }>`select obj_description('schema_migrations'::regclass, 'pg_class') as mark`.execute(store.db);
    expect(mark.rows[0]!.mark).toBe(POSTGRES_MARK);
  });

  it('bigint epoch milliseconds come back as numbers, bytea as a Buffer, exactly', async () => {
    const store = await open(await emptyDatabase());
    const at = Date.UTC(2099, 11, 31, 23, 59, 59, 999);
    const seed = Buffer.from([0, 1, 2, 250, 255]);
    await store.db.insertInto('tokens').values({ serial: '12345678', company_id: null, seed_sealed: seed, algorithm: 'SHA1', digits: 6, period: 60, expires_at: at, created_at: 0 }).execute();
    const row = await store.db.selectFrom('tokens').select(['expires_at', 'seed_sealed', 'last_step']).executeTakeFirstOrThrow();
    expect(row).toEqual({ expires_at: at, seed_sealed: seed, last_step: -1 });
    const big = await sql<{ n: number }>`select (2::bigint ^ 53)::bigint + 1 as n`.execute(store.db).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(RangeError); // never silently rounded
  });

  it('foreign keys are enforced', async () => {
    const store = await open(await emptyDatabase());
    const insert = store.db.insertInto('token_assignments').values({ user_id: 999, token_id: 999, state: 'active', assigned_at: 0 });
    await expect(insert.execute()).rejects.toThrow(/foreign key/);
  });

  it('opening again keeps the data and applies nothing twice; two instances opening at once migrate once', async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([open(url), open(url)]);
    await a.db.insertInto('companies').values({ code: 'C9', name: 'x' }).execute();
    const again = await open(url);
    expect(await again.db.selectFrom('companies').select('code').execute()).toEqual([{ code: 'C9' }]);
    expect(await applied(b)).toEqual(Object.keys(postgresMigrations).sort());
  });

  it("a schema holding another application's tables → 'foreign', nothing created or changed", async () => {
    const url = await emptyDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("create table notes (id int primary key, body text); insert into notes values (1, 'keep me')");
    await client.end();
    expect((await refusal(url)).reason).toBe('foreign');
    expect(await tables(url)).toEqual(['notes']);
  });

  it("a failing migration → 'migration', and the previous version stays whole and usable", async () => {
    const url = await emptyDatabase();
    const broken = {
      ...postgresMigrations,
      '999_broken': {
        async up(db: Parameters<NonNullable<(typeof postgresMigrations)['001_initial']>['up']>[0]) {
          await sql`create table later_notes (id int primary key)`.execute(db);
          await sql`alter table users add column phone text`.execute(db);
          throw new Error('nope');
        },
      },
    };
    expect((await refusal(url, broken)).reason).toBe('migration');
    const store = await open(url);
    expect(await applied(store)).toEqual(Object.keys(postgresMigrations).sort());
    expect(await tables(url)).not.toContain('later_notes');
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'users'`.execute(store.db);
    expect(columns.rows.map((c) => c.column_name)).not.toContain('phone');
  });

  it("a server that cannot be reached → 'unreachable'", async () => {
    const error = await openPostgresStore({ connectionString: 'postgresql://postgres@%2Fnonexistent-socket-dir/none' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).reason).toBe('unreachable');
  });
});
