import { createHmac, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ScryptParams } from '../crypto/password';

/** Three independent 32-byte keys from one scrypt run over the passphrase: the file, the seeds inside it, the check. */
export type BackupKeys = { readonly file: Buffer; readonly seeds: Buffer; readonly check: Buffer };

export function deriveBackupKeys(passphrase: string, salt: Buffer, kdf: ScryptParams): Promise<BackupKeys> {
  const options: ScryptOptions = { ...kdf, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 96, options, (err, key) =>
      err ? reject(err) : resolve({ file: key.subarray(0, 32), seeds: key.subarray(32, 64), check: key.subarray(64, 96) }),
    ),
  );
}

export const keyCheckOf = (keys: BackupKeys, headerStart: Buffer): Buffer => createHmac('sha256', keys.check).update(headerStart).digest();

export const passphraseProven = (keys: BackupKeys, headerStart: Buffer, stored: Buffer): boolean => {
  const actual = keyCheckOf(keys, headerStart);
  return actual.length === stored.length && timingSafeEqual(actual, stored);
};

export function wipe(keys: BackupKeys): void {
  keys.file.fill(0);
  keys.seeds.fill(0);
  keys.check.fill(0);
}
