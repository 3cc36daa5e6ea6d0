import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/demoData';
import { APPLICATION_ID, openStore, StoreOpenError } from '../../main/store/open';
import { dumpTables } from '../support/db';
import { TEST_KDF } from '../support/harness';
import { scaled } from '../support/scale';

/**
 * SPEC R-GEN-3 at start-up: a damaged or foreign store file is refused with a clear error and left exactly as
 * it was, never overwritten nor silently recreated. (Foreign files, garbage bytes and a failing migration's
 * error code are in tests/main/store/open.test.ts; this file adds damage SQLite's header does not reveal.)
 */
let dir: string;
let pristine: Buffer;
let n = 0;
const FLIP_RUNS = scaled(60, 600);
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'otp-desktop-damaged-'));
  const file = join(dir, 'pristine.sqlite');
  const store = await openStore(file);
  await seedDemo({ db: store.db, kdf: TEST_KDF, sealKey: randomBytes(32), now: new Date('2026-11-24T01:00:00Z') });
  await store.close();
  pristine = readFileSync(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = 4096;
const pages = () => pristine.length / PAGE;
const storeFile = (bytes: Buffer) => {
  const file = join(dir, `case-${n++}.sqlite`);
  writeFileSync(file, bytes);
  return file;
};

/** Opens `file`; answers the refusal, after checking the file is byte for byte as it was and has no WAL beside it. */
async function refusedUntouched(file: string): Promise<StoreOpenError> {
  const before = readFileSync(file);
  const outcome = await openStore(file).then(
    async (s) => (await s.close(), null),
    (e: unknown) => e,
  );
  expect(readFileSync(file).equals(before), 'file bytes unchanged').toBe(true);
  expect(existsSync(`${file}-wal`), 'no WAL left beside it').toBe(false);
  if (!(outcome instanceof StoreOpenError)) throw new Error(`expected a StoreOpenError, the store opened (${String(outcome)})`);
  return outcome;
}

describe('a damaged store file at start (SPEC R-GEN-3)', () => {
  it('a truncated store (half, three pages, the header only) → damaged, file untouched', async () => {
    for (const length of [pristine.length / 2, 3 * PAGE, 100]) {
      const error = await refusedUntouched(storeFile(pristine.subarray(0, length)));
      expect({ length, reason: error.reason }).toEqual({ length, reason: 'damaged' });
      expect(error.message).toMatch(/malformed|damaged/);
    }
  });

  it('a valid SQLite header with any one page after the first overwritten by random bytes → damaged, file untouched', async () => {
    expect(pages()).toBeGreaterThan(10);
    for (let page = 2; page <= pages(); page++) {
      const bytes = Buffer.from(pristine);
      randomBytes(PAGE).copy(bytes, (page - 1) * PAGE);
      const error = await refusedUntouched(storeFile(bytes));
      expect({ page, reason: error.reason }).toEqual({ page, reason: 'damaged' });
    }
  });

  it('random byte flips anywhere: the store is refused untouched, or it opens and passes integrity_check (never opens damaged)', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(pristine.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = Buffer.from(pristine);
        for (const [at, mask] of flips) bytes[at]! ^= mask;
        const file = storeFile(bytes);
        const opened = await openStore(file).catch((e: unknown) => e);
        if (opened instanceof StoreOpenError) {
          refused++;
          expect(readFileSync(file).equals(bytes)).toBe(true);
          return;
        }
        if (opened instanceof Error || !opened || !('db' in (opened as object))) throw opened;
        const store = opened as Awaited<ReturnType<typeof openStore>>;
        try {
          expect((await sql`pragma integrity_check`.execute(store.db)).rows).toEqual([{ integrity_check: 'ok' }]);
          await dumpTables(store.db);
        } finally {
          await store.close();
        }
      }),
      { numRuns: FLIP_RUNS },
    );
    console.log(`damaged store: ${FLIP_RUNS} random flip sets, ${refused} refused untouched, ${FLIP_RUNS - refused} harmless and opened intact`);
  });

  it('a zero-byte file is an empty new store (SQLite reads it so; it is what a first start killed before its first commit leaves)', async () => {
    const file = storeFile(Buffer.alloc(0));
    const store = await openStore(file);
    try {
      expect((await sql`pragma application_id`.execute(store.db)).rows).toEqual([{ application_id: APPLICATION_ID }]);
      expect(await store.db.selectFrom('users').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
    expect(statSync(file).size).toBeGreaterThan(0);
  });
});
