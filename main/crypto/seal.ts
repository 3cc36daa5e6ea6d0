import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Token seeds at rest: AES-256-GCM under a key the caller hands in (the OS keychain in the shell).
 * The serial is bound as associated data, so a sealed seed copied onto another token's row does not open.
 * Layout: iv (12) | tag (16) | ciphertext.
 */
export type SealKey = Buffer;

const IV = 12;
const TAG = 16;

export function assertSealKey(key: Buffer): SealKey {
  if (key.length !== 32) throw new Error('seal key must be 32 bytes');
  return key;
}

export function seal(key: SealKey, plaintext: Uint8Array, associated: string): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(key: SealKey, sealed: Uint8Array, associated: string): Buffer {
  const buf = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, IV));
  decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(buf.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(buf.subarray(IV + TAG)), decipher.final()]);
}
