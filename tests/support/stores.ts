import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Migration } from 'kysely';
import type { Dialect } from '../../main/store/dialect';
import { openStore } from '../../main/store/open';
import type { Store } from '../../main/store/store';
import { openPostgresStore } from '../../main/store/postgres/open';

/**
 * The dialect every store-touching test runs on: the `sqlite` and `postgres` projects of vitest.config.ts run
 * the same files, the latter with STORE_DIALECT=postgres against the real server of tests/support/postgres.ts.
 */
export const DIALECT: Dialect = process.env.STORE_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export type TestStore = {
  readonly store: Store;
  /** Where the store lives, for a second connection or another process: a SQLite file or a PostgreSQL URL. */
  readonly location: string;
  /** Closes the store and removes its file or database. */
  dispose(): Promise<void>;
};

const isUrl = (location: string) => location.startsWith('postgresql://');

/** Opens the store at `location` (a second connection to a test's store, e.g. from a child process). */
export function openAt(location: string, migrations?: Record<string, Migration>): Promise<Store> {
  if (isUrl(location)) return openPostgresStore({ connectionString: location, poolSize: 4 }, migrations);
  return openStore(location, migrations);
}

/** A new, migrated, empty store of this run's dialect (or of the one asked for). */
export async function openTestStore(dialect: Dialect = DIALECT): Promise<TestStore> {
  if (dialect === 'postgres') {
    const { createTestDatabase } = await import('./postgres');
    const database = await createTestDatabase();
    const store = await openAt(database.url);
    return { store, location: database.url, dispose: async () => (await store.close(), await database.drop()) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'otp-desktop-test-'));
  const file = join(dir, 'store.sqlite');
  const store = await openStore(file);
  return { store, location: file, dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
}
