import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { vi } from 'vitest';

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
