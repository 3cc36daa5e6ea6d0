import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openStore, type Store } from '../store/open';

export const DEFAULT_DEMO_DIR = '.demo-data';
export const STORE_FILE = 'otp-desktop.sqlite';

/**
 * The demo keeps its seal key in a file beside its store, because the demo runs where no OS keychain is
 * reachable (a plain Node CLI). The production shell keeps the key in the OS keychain instead.
 */
function demoSealKey(dir: string): Buffer {
  const file = join(dir, 'demo-seal.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

export async function openDemoStore(dir: string): Promise<{ store: Store; sealKey: Buffer; fresh: boolean }> {
  mkdirSync(dir, { recursive: true });
  const sealKey = demoSealKey(dir);
  const store = await openStore(join(dir, STORE_FILE));
  const users = await store.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { store, sealKey, fresh: Number(users.n) === 0 };
}
