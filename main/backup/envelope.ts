import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import type { ScryptParams } from '../crypto/password';
import { decodeHeader, encodeHeader, headerStart, HEADER_BYTES, TAG_BYTES } from './format';
import { deriveBackupKeys, keyCheckOf, passphraseProven, type BackupKeys } from './keys';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

export type Opened = { ok: true; payload: Buffer; keys: BackupKeys } | { ok: false; problem: BackupProblem };

/** Fresh salt and nonce, and the keys derived from the passphrase under them: the seeds are sealed with these first. */
export async function newFileKeys(passphrase: string, kdf: ScryptParams) {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  return { salt, nonce, kdf, keys: await deriveBackupKeys(passphrase, salt, kdf) };
}

/** The whole file: header, then the compressed payload under AES-256-GCM with the header as associated data. */
export async function sealFile(payload: Buffer, made: Awaited<ReturnType<typeof newFileKeys>>): Promise<Buffer> {
  const start = headerStart(made.kdf, made.salt, made.nonce);
  const compressed = await deflate(payload);
  const header = encodeHeader(start, keyCheckOf(made.keys, start), compressed.length);
  const cipher = createCipheriv('aes-256-gcm', made.keys.file, made.nonce);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(compressed), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/**
 * Checks the file in order (product, whole, undamaged header, version), proves the passphrase with the key check,
 * then decrypts: a tag that does not verify after a proven passphrase means a changed byte. Nothing is written.
 */
export async function openFile(file: Buffer, passphrase: string): Promise<Opened> {
  const decoded = decodeHeader(file);
  if (!decoded.ok) return decoded;
  const { header } = decoded;
  const keys = await deriveBackupKeys(passphrase, header.salt, header.kdf);
  if (!passphraseProven(keys, file.subarray(0, 48), header.keyCheck)) return { ok: false, problem: 'WRONG_PASSPHRASE' };
  const end = HEADER_BYTES + header.cipherLength;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.file, header.nonce);
    decipher.setAAD(file.subarray(0, HEADER_BYTES));
    decipher.setAuthTag(file.subarray(end, end + TAG_BYTES));
    const compressed = Buffer.concat([decipher.update(file.subarray(HEADER_BYTES, end)), decipher.final()]);
    return { ok: true, payload: await inflate(compressed), keys };
  } catch {
    return { ok: false, problem: 'DAMAGED' };
  }
}
