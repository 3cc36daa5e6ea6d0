import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import type { SealKey } from '../crypto/seal';
import { migrate } from '../store/migrate';
import { migrations } from '../store/migrations';
import { APPLICATION_ID } from '../store/open';
import type { Database } from '../store/schema';
import { openFile } from './envelope';
import { wipe } from './keys';
import { readSnapshot, resealed, type Snapshot } from './load';

export type Read = { ok: true; snapshot: Snapshot } | { ok: false; problem: BackupProblem };

/** The payload is an SQLite image of this product; one from a later schema than this app knows is refused. */
async function snapshotOf(image: Buffer): Promise<Read> {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(image);
  } catch {
    return { ok: false, problem: 'DAMAGED' };
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) return { ok: false, problem: 'NOT_A_BACKUP' };
    const applied = await sql<{ name: string }>`select name from schema_migrations`.execute(db);
    if (applied.rows.some((r) => !Object.hasOwn(migrations, r.name))) return { ok: false, problem: 'NEWER_VERSION' };
    // An older backup is brought up to this app's schema in memory, by the same migrations a store runs at open.
    await migrate(db, migrations);
    return { ok: true, snapshot: await readSnapshot(db) };
  } finally {
    await db.destroy();
  }
}

/**
 * A backup file, checked and decrypted with its passphrase, as rows ready to load under `sealKey`: every seed
 * already re-sealed in memory. Nothing is written anywhere; every refusal names its problem.
 */
export async function readBackup(file: Buffer, passphrase: string, sealKey: SealKey): Promise<Read> {
  const opened = await openFile(file, passphrase);
  if (!opened.ok) return opened;
  try {
    const read = await snapshotOf(opened.payload);
    if (!read.ok) return read;
    return { ok: true, snapshot: resealed(read.snapshot, opened.keys.seeds, sealKey) };
  } catch {
    // A payload that authenticated but is not what this product writes.
    return { ok: false, problem: 'DAMAGED' };
  } finally {
    wipe(opened.keys);
    opened.payload.fill(0);
  }
}
