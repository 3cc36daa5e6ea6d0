import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { appErrorSchema, ERROR_CODES } from '../../shared/errors';
import { dumpTables } from './db';
import type { Harness } from './harness';
import { DIALECT } from './stores';

/** A random ID of the right shape that no session or challenge has: a forgery. */
export const forgedId = (): string => randomBytes(32).toString('base64url');

/**
 * The store as bytes (WAL folded in first, so nothing hides there) and as rows. A PostgreSQL database has no
 * one file to hash: there the digest covers the rows (a rolled-back insert may still advance an identity,
 * which is not data).
 */
export async function storeState(h: Harness): Promise<{ sha256: string; tables: Record<string, unknown[]> }> {
  const tables = await dumpTables(h.store.db);
  if (DIALECT === 'postgres') return { sha256: createHash('sha256').update(JSON.stringify(tables)).digest('hex'), tables };
  const [checkpoint] = (await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(h.store.db)).rows;
  expect(checkpoint?.busy).toBe(0);
  expect(statSync(`${h.location}-wal`).size).toBe(0);
  return { sha256: createHash('sha256').update(readFileSync(h.location)).digest('hex'), tables };
}

/** A refusal the renderer can map to a message: a known code and only the contract's error fields. */
export function expectTypedRefusal(result: unknown, codes: readonly string[] = ERROR_CODES): string {
  expect(result).toMatchObject({ ok: false });
  const error = (result as { error: unknown }).error;
  expect(appErrorSchema.strict().safeParse(error).success, JSON.stringify(error)).toBe(true);
  const code = (error as { code: string }).code;
  expect(codes).toContain(code);
  return code;
}

/** Uncaught exceptions and unhandled rejections while `run` runs; Object.prototype must stay as it was. */
export async function watchProcess<T>(run: () => Promise<T>): Promise<T> {
  const uncaught: unknown[] = [];
  const record = (e: unknown) => uncaught.push(e);
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  try {
    return await run();
  } finally {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
    expect(uncaught).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }
}
