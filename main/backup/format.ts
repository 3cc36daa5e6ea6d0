import { createHash } from 'node:crypto';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import type { ScryptParams } from '../crypto/password';

/**
 * The backup file's fixed header (docs/backup-format.md). Big-endian integers. The digest at its end tells a
 * damaged header apart from a wrong passphrase; the whole header is also the AEAD's associated data, so an
 * attacker who rewrites it and its digest is still refused by the tag.
 */
export const MAGIC = Buffer.from('OTPDBKUP', 'ascii');
export const FORMAT_VERSION = 1;
export const KDF_SCRYPT = 1;
export const HEADER_BYTES = 120;
export const TAG_BYTES = 16;
const SIGNED_BYTES = 88;
const CHECKED_BYTES = 48;

export type Header = {
  readonly version: number;
  readonly kdf: ScryptParams;
  readonly salt: Buffer;
  readonly nonce: Buffer;
  /** HMAC-SHA256 of the first 48 bytes under the check key: proves the passphrase before any decryption. */
  readonly keyCheck: Buffer;
  readonly cipherLength: number;
};

/**
 * scrypt bounds a file may ask for: a crafted header must not make the restore allocate gigabytes (scrypt uses
 * 128·N·r bytes) or run for minutes. The product writes N = 2^17, r = 8, p = 1: 128 MiB.
 */
const KDF_BOUNDS = { log2N: [10, 20], r: [1, 16], p: [1, 4] } as const;
const KDF_MAX_MEMORY = 2 ** 30;

/** The first 48 bytes: what the key check covers (magic, version, KDF and its salt, nonce). */
export function headerStart(kdf: ScryptParams, salt: Buffer, nonce: Buffer): Buffer {
  const start = Buffer.alloc(CHECKED_BYTES);
  MAGIC.copy(start, 0);
  start.writeUInt16BE(FORMAT_VERSION, 8);
  start.writeUInt8(KDF_SCRYPT, 10);
  start.writeUInt8(Math.log2(kdf.N), 11);
  start.writeUInt32BE(kdf.r, 12);
  start.writeUInt32BE(kdf.p, 16);
  salt.copy(start, 20);
  nonce.copy(start, 36);
  return start;
}

export function encodeHeader(start: Buffer, keyCheck: Buffer, cipherLength: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  start.copy(header, 0);
  keyCheck.copy(header, CHECKED_BYTES);
  header.writeBigUInt64BE(BigInt(cipherLength), 80);
  sha256(header.subarray(0, SIGNED_BYTES)).copy(header, SIGNED_BYTES);
  return header;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

const within = (value: number, [min, max]: readonly [number, number]) => Number.isInteger(value) && value >= min && value <= max;

/** Reads and checks the header: which product, whole, undamaged, a version this app reads, sane KDF costs. */
export function decodeHeader(file: Buffer): { ok: true; header: Header } | { ok: false; problem: BackupProblem } {
  const refuse = (problem: BackupProblem) => ({ ok: false as const, problem });
  const prefix = file.subarray(0, MAGIC.length);
  if (prefix.length === 0 || !MAGIC.subarray(0, prefix.length).equals(prefix)) return refuse('NOT_A_BACKUP');
  if (file.length < HEADER_BYTES) return refuse('TRUNCATED');
  if (!sha256(file.subarray(0, SIGNED_BYTES)).equals(file.subarray(SIGNED_BYTES, HEADER_BYTES))) return refuse('DAMAGED');
  const version = file.readUInt16BE(8);
  if (version > FORMAT_VERSION) return refuse('NEWER_VERSION');
  const log2N = file.readUInt8(11);
  const kdf = { N: 2 ** log2N, r: file.readUInt32BE(12), p: file.readUInt32BE(16) };
  const sane = within(log2N, KDF_BOUNDS.log2N) && within(kdf.r, KDF_BOUNDS.r) && within(kdf.p, KDF_BOUNDS.p) && 128 * kdf.N * kdf.r <= KDF_MAX_MEMORY;
  if (version < 1 || file.readUInt8(10) !== KDF_SCRYPT || !sane) {
    return refuse('DAMAGED');
  }
  const cipherLength = Number(file.readBigUInt64BE(80));
  const expected = HEADER_BYTES + cipherLength + TAG_BYTES;
  if (file.length < expected) return refuse('TRUNCATED');
  if (file.length > expected) return refuse('DAMAGED');
  const header = { version, kdf, salt: file.subarray(20, 36), nonce: file.subarray(36, 48), keyCheck: file.subarray(CHECKED_BYTES, 80), cipherLength };
  return { ok: true, header };
}
