import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../store/open';
import type { Db } from '../store/transaction';

export const STORE_FILE = 'otp-desktop.sqlite';

/** The files only this user may read: the store and SQLite's companions beside it, the seal key, the log. */
export const PRIVATE_FILE = 0o600;

/** One sealed seed of the store, to prove the seal key before anything runs; none when the store holds no token. */
export type SealedSample = { readonly serial: string; readonly seed_sealed: Buffer } | undefined;

/** Any one token's sealed seed (a desktop's SQLite or a company server's PostgreSQL): what `opensSample` tries. */
export const sealedSample = (db: Db): Promise<SealedSample> => db.selectFrom('tokens').select(['serial', 'seed_sealed']).limit(1).executeTakeFirst();

/**
 * Creates the store file 0600 before SQLite does: SQLite gives its -wal and -shm files the mode of the
 * database file, so all three stay private whatever the umask. A file left wider by an older version is narrowed.
 */
export function privateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);
}

export async function openAppStore(dataDir: string): Promise<{ store: Store; sample: SealedSample }> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, STORE_FILE);
  privateFile(file);
  const store = await openStore(file);
  // SQLite copies the store's mode onto new companions; one left by a crash of an older version keeps its own.
  for (const companion of ['-wal', '-shm']) if (existsSync(file + companion)) chmodSync(file + companion, PRIVATE_FILE);
  return { store, sample: await sealedSample(store.db) };
}
