import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { reject } from './entries';
import { attr, child, text, type Node } from './tree';

/**
 * RFC 6030 §6.1: values encrypted with a pre-shared key. Each EncryptedValue is xmlenc CBC whose CipherValue is
 * IV (16 bytes) || ciphertext; CBC has no integrity, so each one carries ValueMAC = HMAC(MAC key, IV||ciphertext),
 * and the MAC key itself travels in MACMethod/MACKey, encrypted with the same pre-shared key.
 * The MAC is checked before anything is decrypted (no padding oracle on unauthenticated data), in constant time.
 */
const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc': { name: 'aes-128-cbc', keyLength: 16 },
  'http://www.w3.org/2001/04/xmlenc#aes192-cbc': { name: 'aes-192-cbc', keyLength: 24 },
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc': { name: 'aes-256-cbc', keyLength: 32 },
};

/** RFC 6030 §6.1.1 names HMAC-SHA1; the SHA-2 URIs are RFC 6931's, which later PSKC producers use. */
const MACS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#hmac-sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#hmac-sha384': 'sha384',
  'http://www.w3.org/2001/04/xmldsig-more#hmac-sha512': 'sha512',
};

export type PskcKeys = { preSharedKey: Buffer; macKey: Buffer; macHash: string };

/** xs:base64Binary, strictly: Buffer.from(…, 'base64') would silently skip garbage. */
export function base64(value: string | undefined, onBad: Parameters<typeof reject>[0], what: string): Buffer {
  const clean = (value ?? '').replace(/\s+/g, '');
  if (clean === '' || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return reject(onBad, what);
  return Buffer.from(clean, 'base64');
}

function cipherOf(encrypted: Node, key: Buffer) {
  const uri = attr(child(encrypted, 'EncryptionMethod'), 'Algorithm') ?? '';
  const cipher = CIPHERS[uri] ?? reject('UNSUPPORTED_ENCRYPTION', uri || 'no EncryptionMethod');
  // A key of the wrong size for the file's cipher can only be the wrong key.
  if (key.length !== cipher.keyLength) reject('WRONG_KEY', `key is ${key.length} bytes, ${uri} needs ${cipher.keyLength}`);
  return cipher;
}

/** IV || ciphertext of an xmlenc EncryptedValue (or MACKey), refused when it cannot be CBC output. */
function cipherValue(encrypted: Node): Buffer {
  const bytes = base64(text(encrypted, 'CipherData', 'CipherValue'), 'MALFORMED_ENTRY', 'CipherValue');
  if (bytes.length < 32 || bytes.length % 16 !== 0) reject('MALFORMED_ENTRY', 'CipherValue length');
  return bytes;
}

/** Throws (from OpenSSL) when the PKCS#7 padding is wrong: the callers say what that means. */
function cbcDecrypt(name: string, key: Buffer, data: Buffer): Buffer {
  const decipher = createDecipheriv(name, key, data.subarray(0, 16));
  return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
}

/**
 * The MAC key, decrypted with the importer's key. This is where a wrong key shows: CBC-decrypting with the wrong
 * key leaves random final padding, which fails the PKCS#7 check (all but ≈1 in 256 wrong keys) → WRONG_KEY.
 * The rare wrong key whose padding happens to pass yields a wrong MAC key, so every ValueMAC then fails
 * (MAC_MISMATCH on each key): a wrong seed is never imported either way.
 */
export function unlockMacKey(container: Node, preSharedKey: Buffer): PskcKeys {
  const method = child(container, 'MACMethod');
  if (method === undefined) return reject('MAC_MISSING', 'no MACMethod');
  const uri = attr(method, 'Algorithm') ?? '';
  const macHash = MACS[uri] ?? reject('UNSUPPORTED_ENCRYPTION', uri || 'no MAC algorithm');
  const encrypted = child(method, 'MACKey');
  if (encrypted === undefined) return reject('MAC_MISSING', 'no MACKey');
  const cipher = cipherOf(encrypted, preSharedKey);
  const data = cipherValue(encrypted);
  try {
    return { preSharedKey, macKey: cbcDecrypt(cipher.name, preSharedKey, data), macHash };
  } catch {
    return reject('WRONG_KEY', 'MAC key padding');
  }
}

/** One Secret's EncryptedValue: MAC first (constant time), then decryption. */
export function decryptSecret(secret: Node, keys: PskcKeys): Buffer {
  const encrypted = child(secret, 'EncryptedValue');
  const cipher = cipherOf(encrypted, keys.preSharedKey);
  const data = cipherValue(encrypted);
  const mac = text(secret, 'ValueMAC');
  if (mac === undefined) return reject('MAC_MISSING', 'no ValueMAC');
  const expected = createHmac(keys.macHash, keys.macKey).update(data).digest();
  const given = base64(mac, 'MAC_MISMATCH', 'ValueMAC not base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reject('MAC_MISMATCH');
  try {
    return cbcDecrypt(cipher.name, keys.preSharedKey, data);
  } catch {
    // The MAC matched, so the sender encrypted a badly padded value: their bug, this key is unusable.
    return reject('BAD_SECRET', 'padding');
  }
}
