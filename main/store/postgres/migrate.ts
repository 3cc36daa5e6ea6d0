import { sql, type Migration } from 'kysely';
import { ok } from '../../../shared/errors';
import { applyPending } from '../migrate';
import { StoreOpenError } from '../store';
import { finish, type Db } from '../transaction';

/** Marks schema_migrations as ours (SQLite's application_id), so a foreign schema is refused, not migrated. */
export const POSTGRES_MARK = 'OTP Desktop store';
/** Any constant: the advisory lock two server instances starting at once take around their migrations. */
export const MIGRATION_LOCK = 0x4f545044;

/** One transaction on the migrating connection; READ COMMITTED is enough under the advisory lock. */
async function inTransaction(conn: Db, work: (tx: Db) => Promise<void>): Promise<void> {
  await sql`begin`.execute(conn);
  await finish(conn, async (tx) => (await work(tx), ok(null)));
}

/** A schema that holds tables is ours only if its schema_migrations carries our mark; then nothing is touched. */
async function refuseForeign(conn: Db): Promise<void> {
  const { rows } = await sql<{ tables: number; mark: string | null }>`
    select count(*)::int as tables, obj_description(to_regclass('schema_migrations'), 'pg_class') as mark
    from pg_tables where schemaname = current_schema()`.execute(conn);
  const { tables, mark } = rows[0]!;
  if (tables > 0 && mark !== POSTGRES_MARK) throw new StoreOpenError('foreign', 'not an OTP Desktop database');
  if (tables > 0) return;
  await inTransaction(conn, async (tx) => {
    await sql`create table schema_migrations (name text primary key, applied_at bigint not null)`.execute(tx);
    await sql.raw(`comment on table schema_migrations is '${POSTGRES_MARK}'`).execute(tx);
  });
}

/**
 * PostgreSQL's migrate (../migrate.ts): one connection holds a session advisory lock through the check and
 * every migration, so a second instance starting at once waits and then finds nothing left to do. Each
 * migration is one transaction with its record (DDL is transactional here too). A foreign schema is refused
 * with StoreOpenError 'foreign' before anything is written. `db` is a connection of its own without a statement
 * timeout (open.ts migrateAlone): a long migration, or the wait for another instance's, must not be cut.
 */
export function migratePostgres(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await refuseForeign(conn);
      return await applyPending(conn, migrations, (work) => inTransaction(conn, work));
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
