import { Rejection, reject } from './entries';
import { base64, decryptSecret, unlockMacKey, type PskcKeys } from './pskcCrypto';
import { attr, child, many, text, type Node } from './tree';
import { fatal, type ParseResult } from './types';
import { loadXml } from './xml';

/** The importer's key for RFC 6030 §6.1 files, as typed in (hex or otherwise decoded by the caller). */
export type PskcOptions = { preSharedKey?: Buffer; /** KeyPackages accepted at most (rules.imports.maxEntries). */ maxEntries?: number };

export type PskcPackage = { node: Node; where: () => string };
export type PskcDocument = { packages: PskcPackage[]; keys: PskcKeys | null };
export type PskcOpen = { ok: true; doc: PskcDocument } | { ok: false; result: ParseResult };

/** 'KeyPackage 3 (serial 523405696)': the serial as written in the file, cut short if it is junk. */
function whereOf(index: number, node: Node): string {
  let serial: string | undefined;
  try {
    serial = text(node, 'DeviceInfo', 'SerialNo');
  } catch {
    serial = undefined; // a repeated SerialNo: the entry's own problem says so
  }
  const shown = serial?.trim().slice(0, 32);
  return shown ? `KeyPackage ${index + 1} (serial ${shown})` : `KeyPackage ${index + 1}`;
}

/** PBKDF2 (§6.2) and X.509 (§6.3) keys are not what hardware vendors send with a typed-in key: refused, not guessed. */
function checkKeyKind(container: Node): void {
  const key = child(container, 'EncryptionKey');
  for (const other of ['DerivedKey', 'X509Data', 'KeyValue']) {
    if (child(key, other) !== undefined) reject('UNSUPPORTED_ENCRYPTION', `EncryptionKey/${other}`);
  }
}

/** The file's MAC key, when it is encrypted (it names an EncryptionKey or a MACMethod); null for a plain file. */
function keysOf(container: Node, options: PskcOptions): PskcKeys | null {
  const encrypted = child(container, 'EncryptionKey') !== undefined || child(container, 'MACMethod') !== undefined;
  if (!encrypted) return null;
  checkKeyKind(container);
  if (options.preSharedKey === undefined) return reject('ENCRYPTED_NEEDS_KEY', text(container, 'EncryptionKey', 'KeyName'));
  return unlockMacKey(container, options.preSharedKey);
}

export function openPskc(bytes: Buffer, options: PskcOptions): PskcOpen {
  const loaded = loadXml(bytes);
  if (!loaded.ok) return loaded;
  const container = loaded.root['KeyContainer'];
  if (typeof container !== 'object' || container === null || Array.isArray(container)) {
    return { ok: false, result: fatal('MALFORMED_FILE', 'not a PSKC KeyContainer') };
  }
  // RFC 6030 §4: Version is "1.0"; another version could mean anything, so it is not read as this one.
  if (attr(container, 'Version') !== '1.0') return { ok: false, result: fatal('MALFORMED_FILE', 'Version') };
  try {
    const keys = keysOf(container, options);
    const packages = many(container, 'KeyPackage').map((node, i) => ({ node, where: () => whereOf(i, node) }));
    return { ok: true, doc: { packages, keys } };
  } catch (e) {
    if (e instanceof Rejection) return { ok: false, result: fatal(e.reason, e.detail) };
    throw e;
  }
}

/** A Key's secret bytes: PlainValue (base64) or EncryptedValue checked with its ValueMAC and decrypted. */
export function secretOf(key: Node, keys: PskcKeys | null): Buffer {
  const secret = child(key, 'Data', 'Secret');
  if (child(secret, 'EncryptedValue') !== undefined) {
    // Encrypted without a MACMethod in the container: unauthenticated CBC, refused (RFC 6030 §6.1.1 requires the MAC).
    return keys ? decryptSecret(secret, keys) : reject('MAC_MISSING', 'no MACMethod');
  }
  const plain = text(secret, 'PlainValue');
  return plain === undefined ? reject('BAD_SECRET', 'missing') : base64(plain, 'BAD_SECRET', 'not base64');
}
