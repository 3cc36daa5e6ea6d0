import BetterSqlite3 from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { seal, unseal, type SealKey } from '../crypto/seal';
import type { Db } from '../store/transaction';

type SealedRow = { id: number; serial: string; seed_sealed: Buffer };

/** Every seed of the copy, opened with this PC's seal key and sealed again under the backup's seed key. */
function resealSeeds(copy: BetterSqlite3.Database, from: SealKey, to: Buffer): void {
  const rows = copy.prepare('select id, serial, seed_sealed from tokens').all() as SealedRow[];
  const update = copy.prepare('update tokens set seed_sealed = ? where id = ?');
  copy.transaction(() => {
    for (const row of rows) {
      const seed = unseal(from, row.seed_sealed, row.serial);
      try {
        update.run(seal(to, seed, row.serial), row.id);
      } finally {
        seed.fill(0);
      }
    }
  })();
}

/**
 * A consistent copy of the store while the app runs: SQLite's VACUUM INTO waits for any write in progress and
 * copies one committed state (no free pages, so nothing deleted rides along). The copy sits in a private
 * temporary folder only while its seeds are re-sealed; the answer is its bytes, and the copy is removed.
 */
export async function takeSnapshot(db: Db, sealKey: SealKey, seedKey: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'otp-desktop-backup-'));
  const file = join(dir, 'snapshot.sqlite');
  try {
    await sql`vacuum into ${file}`.execute(db);
    const copy = new BetterSqlite3(file);
    try {
      resealSeeds(copy, sealKey, seedKey);
      copy.pragma('journal_mode = DELETE');
      return copy.serialize();
    } finally {
      copy.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
