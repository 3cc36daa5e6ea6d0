import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { unseal } from '../crypto/seal';
import { StartupError } from './startupError';
import { PRIVATE_FILE, type SealedSample } from './storeFile';

export const SEAL_KEY_FILE = 'seal-key.bin';

/** The part of Electron's safeStorage the decision needs; the shell hands in the real one. */
export type Keychain = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store Chromium chose. */
  getSelectedStorageBackend?(): string;
};

/**
 * On Linux without a secret service Chromium falls back to `basic_text`: "encrypted" with a constant key
 * anyone can read. That is no protection for token seeds, so the start is refused.
 */
function assertRealKeychain(keychain: Keychain, platform: NodeJS.Platform): void {
  if (!keychain.isEncryptionAvailable()) throw new StartupError('KEYCHAIN_UNAVAILABLE', 'OS keychain unavailable: cannot protect token seeds');
  if (platform === 'linux' && keychain.getSelectedStorageBackend?.() === 'basic_text') {
    throw new StartupError('KEYCHAIN_BASIC_TEXT', 'safeStorage fell back to basic_text: a secret service (gnome-libsecret or kwallet) is needed');
  }
}

function readKey(file: string, keychain: Keychain): Buffer {
  try {
    const key = Buffer.from(keychain.decryptString(readFileSync(file)), 'hex');
    if (key.length === 32) return key;
  } catch {
    // Told apart below: an unreadable key is never replaced, whatever the reason.
  }
  throw new StartupError('SEAL_KEY_UNREADABLE', `${SEAL_KEY_FILE} cannot be read or decrypted`);
}

/** Whether `key` opens a stored seed: the check of the desktop's start and of a company server's (launch.ts). */
export function opensSample(key: Buffer, sample: NonNullable<SealedSample>): boolean {
  try {
    unseal(key, sample.seed_sealed, sample.serial).fill(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The store's seal key, encrypted by the OS keychain and kept beside the store. A new key is made only for a
 * store that holds no token: a missing, unreadable or different key over sealed seeds stops the start instead,
 * since a new key would make every seed unusable.
 */
export function loadSealKey(dataDir: string, keychain: Keychain, platform: NodeJS.Platform, sample: SealedSample): Buffer {
  assertRealKeychain(keychain, platform);
  const file = join(dataDir, SEAL_KEY_FILE);
  if (!existsSync(file)) {
    if (sample) throw new StartupError('SEAL_KEY_MISSING', `${SEAL_KEY_FILE} is missing but the store holds tokens`);
    writeFileSync(file, keychain.encryptString(randomBytes(32).toString('hex')), { mode: PRIVATE_FILE, flag: 'wx' });
  }
  const key = readKey(file, keychain);
  if (sample && !opensSample(key, sample)) throw new StartupError('SEAL_KEY_MISMATCH', `${SEAL_KEY_FILE} does not open the stored seeds`);
  return key;
}
