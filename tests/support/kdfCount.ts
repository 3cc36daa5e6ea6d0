import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { sql } from 'kysely';
import { vi } from 'vitest';
import { dialectOf } from '../../main/store/dialect';
import type { Db } from '../../main/store/transaction';
import { openAt } from './stores';

/**
 * Counts scrypt runs (the KDF of main/crypto/password.ts) while `work` runs: the real function still runs, so
 * nothing is mocked; only the calls are counted. Node's named builtin exports follow the patched object once
 * synced.
 */
export async function countKdfRuns<T>(work: () => Promise<T>): Promise<{ result: T; runs: number }> {
  const spy = vi.spyOn(crypto, 'scrypt');
  syncBuiltinESMExports();
  try {
    const result = await work();
    return { result, runs: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
    syncBuiltinESMExports();
  }
}

/** Whether another connection holds a write transaction open on the store right now (SQLite's write lock; PostgreSQL's `idle in transaction`). */
async function transactionOpen(probe: Db): Promise<boolean> {
  if (dialectOf(probe) === 'postgres') {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`.execute(probe);
    return rows[0]!.n > 0;
  }
  try {
    await sql`begin immediate`.execute(probe);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return true;
    throw error;
  }
  await sql`rollback`.execute(probe);
  return false;
}

/**
 * Counts scrypt runs while `work` runs, and how many of them ran while a transaction of the store at `location`
 * was open: each run first asks a second connection, then runs for real. A KDF inside a transaction holds
 * SQLite's write lock through it, and runs again with each PostgreSQL retry.
 */
export async function countKdfRunsInTransactions<T>(location: string, work: () => Promise<T>): Promise<{ result: T; runs: number; inside: number }> {
  const probe = await openAt(location);
  const real = crypto.scrypt;
  const seen: boolean[] = [];
  const spy = vi.spyOn(crypto, 'scrypt').mockImplementation(((...args: Parameters<typeof crypto.scrypt>) => {
    const run = () => (real as (...a: unknown[]) => void)(...args);
    transactionOpen(probe.db).then(
      (open) => (seen.push(open), run()),
      () => run(),
    );
  }) as typeof crypto.scrypt);
  syncBuiltinESMExports();
  try {
    const result = await work();
    return { result, runs: spy.mock.calls.length, inside: seen.filter(Boolean).length };
  } finally {
    spy.mockRestore();
    syncBuiltinESMExports();
    await probe.close();
  }
}
