import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Migration } from 'kysely';
import { migrate } from './migrate';
import { migrations } from './migrations';
import type { Database } from './schema';
import { StoreOpenError, type Store } from './store';

export { StoreOpenError, type Store };

/** Marks a file as ours (PRAGMA application_id), so a foreign SQLite file is refused, not migrated. */
export const APPLICATION_ID = 0x4f545044;

function openFile(file: string): BetterSqlite3.Database {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(file);
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const tables = sqlite.prepare("select count(*) n from sqlite_master where type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && tables.n > 0) throw new StoreOpenError('foreign', 'not an OTP Desktop database');
    // The header and the schema page can be intact while other pages are not: check every page before any use.
    const check = sqlite.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new StoreOpenError('damaged', `database is damaged: ${String(check)}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (tables.n === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    return sqlite;
  } catch (error) {
    sqlite?.close();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError('damaged', `cannot open database: ${(error as Error).message}`);
  }
}

/** Opens (creating if absent) the store file: WAL, foreign keys, and every pending migration. */
export async function openStore(file: string, all: Record<string, Migration> = migrations): Promise<Store> {
  const sqlite = openFile(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrate(db, all);
  } catch (error) {
    await db.destroy();
    throw new StoreOpenError('migration', `migration failed: ${(error as Error).message}`);
  }
  // From here on no statement sleeps on a lock, which would block the event loop: transact() waits asynchronously.
  sqlite.pragma('busy_timeout = 0');
  return { db, close: () => db.destroy() };
}
