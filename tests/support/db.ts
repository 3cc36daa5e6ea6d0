import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../main/store/transaction';
import type { Harness } from './harness';

/** Every row of every table, for "nothing changed" assertions. */
export async function dumpTables(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) dump[name] = (await sql`select * from ${sql.table(name)} order by rowid`.execute(db)).rows;
  return dump;
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
