import { safeStorage } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * The store's seal key, encrypted by the OS keychain (safeStorage) and kept beside the store. Without a
 * keychain the app refuses to start rather than keep the key in clear.
 */
export function loadSealKey(dataDir: string): Buffer {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('OS keychain unavailable: cannot protect token seeds');
  const file = join(dataDir, 'seal-key.bin');
  if (!existsSync(file)) writeFileSync(file, safeStorage.encryptString(randomBytes(32).toString('hex')), { mode: 0o600 });
  return Buffer.from(safeStorage.decryptString(readFileSync(file)), 'hex');
}
