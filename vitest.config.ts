import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const ALL = 'tests/**/*.test.ts';

/**
 * Tests of SQLite itself (its file, WAL, application_id, integrity_check, two processes on one file): they run
 * on the `sqlite` project only. Their PostgreSQL counterparts are in tests/main/store/postgres/.
 */
const SQLITE_ONLY = [
  'tests/main/store/open.test.ts',
  'tests/main/store/transaction.sqlite.test.ts',
  'tests/reliability/crash.test.ts',
  'tests/reliability/damagedStore.test.ts',
  'tests/reliability/migration.test.ts',
  'tests/reliability/secretsAtRest.test.ts',
];
const POSTGRES_ONLY = 'tests/main/store/postgres/**';

/** A test touches the store when it opens one: through the harness or the store factories of tests/support. */
const OPENS_A_STORE = /\b(createHarness|eachHarness|eachCompanyWorld|openTestStore|openAt|createTestDatabase|createEmptyDatabase|eachDeskWorld|eachOfflineWorld|serverWithCompany)\(/;

function storeTests(dir = 'tests'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'support' ? [] : storeTests(path);
    if (!entry.name.endsWith('.test.ts')) return [];
    return OPENS_A_STORE.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // The postgres project's teardown stops its server, which on a busy machine takes longer than the default 10 s.
    teardownTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: [ALL], exclude: [POSTGRES_ONLY], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'postgres',
          // Every store-touching test again, on a real PostgreSQL started by the global setup; pure tests run once.
          include: [...storeTests(), POSTGRES_ONLY],
          exclude: SQLITE_ONLY,
          env: { STORE_DIALECT: 'postgres' },
          globalSetup: ['tests/support/postgres.ts'],
          hookTimeout: 60_000,
          // Its tests mostly wait on the server, not on a core: two files at a time, after the sqlite project.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
