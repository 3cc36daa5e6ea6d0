import { sql, type Kysely, type Migration } from 'kysely';
import { ok } from '../../shared/errors';
import type { Database } from './schema';
import { transact } from './transaction';

/**
 * Applies pending migrations in name order, each in its own transaction together with its record, so a
 * migration that fails leaves the previous version intact and usable. (Kysely's own Migrator does not wrap
 * SQLite migrations in transactions.)
 */
export async function migrate(db: Kysely<Database>, migrations: Record<string, Migration>): Promise<string[]> {
  await sql`create table if not exists schema_migrations (name text primary key, applied_at integer not null)`.execute(db);
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((r) => r.name),
  );
  const pending = Object.keys(migrations)
    .sort()
    .filter((name) => !applied.has(name));
  for (const name of pending) {
    await transact(db, async (tx) => {
      await migrations[name]!.up(tx);
      await sql`insert into schema_migrations (name, applied_at) values (${name}, ${Date.now()})`.execute(tx);
      return ok(null);
    });
  }
  return pending;
}
