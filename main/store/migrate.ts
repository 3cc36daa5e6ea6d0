import { sql, type Kysely, type Migration } from 'kysely';
import { ok } from '../../shared/errors';
import type { Database } from './schema';
import { transact, type Db } from './transaction';

export type InTransaction = (work: (tx: Db) => Promise<void>) => Promise<void>;

/** Each pending migration, in name order, in its own transaction together with its record. */
export async function applyPending(db: Db, migrations: Record<string, Migration>, inTransaction: InTransaction): Promise<string[]> {
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((r) => r.name),
  );
  const pending = Object.keys(migrations)
    .sort()
    .filter((name) => !applied.has(name));
  for (const name of pending) {
    await inTransaction(async (tx) => {
      await migrations[name]!.up(tx);
      await sql`insert into schema_migrations (name, applied_at) values (${name}, ${Date.now()})`.execute(tx);
    });
  }
  return pending;
}

/**
 * Applies pending migrations in name order, each in its own transaction together with its record, so a
 * migration that fails leaves the previous version intact and usable. (Kysely's own Migrator does not wrap
 * SQLite migrations in transactions.) PostgreSQL's counterpart: postgres/migrate.ts.
 */
export async function migrate(db: Kysely<Database>, migrations: Record<string, Migration>): Promise<string[]> {
  await sql`create table if not exists schema_migrations (name text primary key, applied_at integer not null)`.execute(db);
  return applyPending(db, migrations, async (work) => {
    await transact(db, async (tx) => (await work(tx), ok(null)));
  });
}
