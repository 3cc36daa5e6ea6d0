import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../main/store/migrations';
import { APPLICATION_ID, openStore, StoreOpenError, type Store } from '../../../main/store/open';

let dir: string;
let store: Store | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'otp-desktop-store-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const pragma = async (s: Store, name: string) => (await sql.raw(`pragma ${name}`).execute(s.db)).rows[0] as Record<string, unknown>;

async function refusal(file: string): Promise<StoreOpenError> {
  const error = await openStore(file).then(
    (s) => ((store = s), null),
    (e: unknown) => e,
  );
  if (!(error instanceof StoreOpenError)) throw new Error(`expected a StoreOpenError, got ${String(error)}`);
  return error;
}

describe('opening the store', () => {
  it('a new file gets WAL, foreign keys, our application_id and every migration, recorded', async () => {
    store = await openStore(join(dir, 'new.sqlite'));
    expect(await pragma(store, 'journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma(store, 'foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma(store, 'application_id')).toEqual({ application_id: APPLICATION_ID });
    const applied = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(store.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  });

  it('foreign keys are enforced, not just declared', async () => {
    store = await openStore(join(dir, 'fk.sqlite'));
    const insert = store.db.insertInto('token_assignments').values({ user_id: 999, token_id: 999, state: 'active', assigned_at: 0 });
    await expect(insert.execute()).rejects.toThrow(/FOREIGN KEY/);
  });

  it('reopening keeps the data and applies nothing twice', async () => {
    const file = join(dir, 'again.sqlite');
    store = await openStore(file);
    await store.db.insertInto('companies').values({ code: 'C9', name: 'x' }).execute();
    await store.close();
    store = await openStore(file);
    expect(await store.db.selectFrom('companies').select('code').execute()).toEqual([{ code: 'C9' }]);
    const applied = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(store.db);
    expect(applied.rows[0]!.n).toBe(Object.keys(migrations).length);
  });

  it("a foreign SQLite file (another app's tables, no application_id) → 'foreign', file bytes unchanged", async () => {
    const file = join(dir, 'other-app.db');
    const other = new BetterSqlite3(file);
    other.exec("create table notes (id integer primary key, body text); insert into notes (body) values ('keep me')");
    other.close();
    const bytes = readFileSync(file);
    const error = await refusal(file);
    expect(error.reason).toBe('foreign');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a file of garbage bytes → StoreOpenError, file untouched', async () => {
    const file = join(dir, 'garbage.sqlite');
    const bytes = Buffer.from('This is not a database. '.repeat(200));
    writeFileSync(file, bytes);
    const error = await refusal(file);
    expect(error.reason).toBe('damaged');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("a failing migration → StoreOpenError 'migration'", async () => {
    const broken = { ...migrations, '999_broken': { up: async () => { throw new Error('nope'); } } };
    const error = await openStore(join(dir, 'broken.sqlite'), broken).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).reason).toBe('migration');
  });
});
