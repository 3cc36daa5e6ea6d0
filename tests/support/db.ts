import { sql } from 'kysely';
import { expect } from 'vitest';
import { dialectOf } from '../../main/store/dialect';
import type { Db } from '../../main/store/transaction';
import type { Harness } from './harness';
import { DIALECT } from './stores';

/** Every row of every table in rowid order, for "nothing changed" assertions. */
async function dumpSqlite(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) dump[name] = (await sql`select * from ${sql.table(name)} order by rowid`.execute(db)).rows;
  return dump;
}

/**
 * The same on PostgreSQL, in two round trips (the fuzz tests take thousands of dumps): rows as JSON, in
 * primary-key order, which for our tables is insertion order (there is no rowid); a table without a
 * primary key in the order of its whole rows.
 */
async function dumpPostgres(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string; pk: string[] }>`
    select c.relname as name,
      coalesce(array_agg(a.attname::text order by array_position(i.indkey, a.attnum)) filter (where a.attname is not null), '{}') as pk
    from pg_class c
    left join pg_index i on i.indrelid = c.oid and i.indisprimary
    left join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
    group by c.relname order by c.relname`.execute(db);
  if (tables.rows.length === 0) return {};
  const parts = tables.rows.map(({ name, pk }) => {
    const order = pk.length > 0 ? sql.join(pk.map((column) => sql.ref(`t.${column}`))) : sql`t::text`;
    return sql`${sql.lit(name)}, (select coalesce(json_agg(t order by ${order}), '[]') from ${sql.table(name)} t)`;
  });
  const { rows } = await sql<{ dump: Record<string, unknown[]> }>`select json_build_object(${sql.join(parts)}) as dump`.execute(db);
  return rows[0]!.dump;
}

/** Every row of every table in insertion order, for "nothing changed" assertions; the store says its dialect (a SQLite backup source inside a postgres run). */
export const dumpTables = (db: Db): Promise<Record<string, unknown[]>> => (dialectOf(db) === 'postgres' ? dumpPostgres(db) : dumpSqlite(db));

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

/**
 * Makes the second UPDATE of `table` fail with `message`, as a full disk or a bug part-way through a statement
 * sequence would: SQLite temporary triggers on this connection, or a PL/pgSQL trigger on PostgreSQL (whose
 * test database is this test's own).
 */
export async function failSecondUpdate(db: Db, table: 'token_assignments', message: string): Promise<void> {
  if (DIALECT === 'sqlite') {
    await sql`create temp table hits (n integer)`.execute(db);
    await sql`create temp trigger count_updates after update on ${sql.raw(`main.${table}`)} begin insert into hits values (1); end`.execute(db);
    await sql`create temp trigger fail_second before update on ${sql.raw(`main.${table}`)}
      when (select count(*) from hits) >= 1 begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
    return;
  }
  await sql`create table test_hits (n integer)`.execute(db);
  await sql
    .raw(`create function test_fail_second() returns trigger language plpgsql as $$ begin
      if (select count(*) from test_hits) >= 1 then raise exception '${message}'; end if;
      insert into test_hits values (1); return new; end $$`)
    .execute(db);
  await sql`create trigger test_fail_second before update on ${sql.table(table)} for each row execute function test_fail_second()`.execute(db);
}

/**
 * Tables after refusals of the dispatch (SPEC R-GEN-2): every table as before but the audit log, which gained
 * exactly the refusals' rows (failures by `actor` with `reason`). Answers the new rows.
 */
export function expectOnlyRefusalsAudited(
  before: Record<string, unknown[]>,
  after: Record<string, unknown[]>,
  refusals: { count: number; actor: string | null; reason: string },
): Record<string, unknown>[] {
  const { audit_log: auditAfter, ...restAfter } = after;
  const { audit_log: auditBefore, ...restBefore } = before;
  expect(restAfter).toEqual(restBefore);
  expect(auditAfter!.slice(0, auditBefore!.length)).toEqual(auditBefore);
  const added = auditAfter!.slice(auditBefore!.length) as Record<string, unknown>[];
  expect(added).toHaveLength(refusals.count);
  const { actor, reason } = refusals;
  for (const row of added) expect(row).toMatchObject({ actor_login_id: actor, result: 'failure', reason });
  return added;
}
