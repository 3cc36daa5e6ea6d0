import { sql } from 'kysely';
import { expect } from 'vitest';
import { dialectOf } from '../../main/store/dialect';
import type { Db } from '../../main/store/transaction';
import type { Harness } from './harness';
import { DIALECT } from './stores';

const tableNames = async (db: Db): Promise<string[]> => {
  const query =
    dialectOf(db) === 'postgres'
      ? sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by 1`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`;
  return (await query.execute(db)).rows.map((r) => r.name);
};

/**
 * Every row of every table, for "nothing changed" assertions: in rowid order on SQLite; PostgreSQL has no
 * stable physical order (an UPDATE moves a row), so there rows are ordered by their whole content.
 */
export async function dumpTables(db: Db): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of await tableNames(db)) {
    const order = dialectOf(db) === 'postgres' ? sql`t::text` : sql`rowid`;
    dump[name] = (await sql`select * from ${sql.table(name)} t order by ${order}`.execute(db)).rows;
  }
  return dump;
}

/** The store's own consistency check: SQLite's integrity_check, or PostgreSQL's amcheck on every B-tree index. */
export async function expectIntact(db: Db): Promise<void> {
  if (DIALECT === 'sqlite') {
    expect((await sql`pragma integrity_check`.execute(db)).rows).toEqual([{ integrity_check: 'ok' }]);
    return;
  }
  await sql`create extension if not exists amcheck`.execute(db);
  const checked = await sql<{ n: number }>`select count(bt_index_check(c.oid, true)) as n from pg_index i
    join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where a.amname = 'btree' and c.relnamespace = current_schema()::regnamespace`.execute(db);
  expect(checked.rows[0]!.n).toBeGreaterThan(0);
}

export const assignments = (h: Harness) => h.store.db.selectFrom('token_assignments').selectAll().orderBy('id').execute();

export const tokenRow = (h: Harness, serial: string) =>
  h.store.db.selectFrom('tokens').selectAll().where('serial', '=', serial).executeTakeFirstOrThrow();

export const userRecord = (h: Harness, loginId: string) =>
  h.store.db.selectFrom('users').selectAll().where('login_id', '=', loginId).executeTakeFirstOrThrow();

/** The login IDs whose current assignment is in `state`. */
export async function loginIdsWithAssignment(h: Harness, state: 'active' | 'revoked'): Promise<string[]> {
  const rows = await h.store.db
    .selectFrom('token_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select('u.login_id')
    .where('a.state', '=', state)
    .orderBy('u.login_id')
    .execute();
  return rows.map((r) => r.login_id);
}
