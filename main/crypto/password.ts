import { availableParallelism } from 'node:os';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hash as argon2Hash, hashRaw as argon2HashRaw, verify as argon2Verify, type Algorithm } from '@node-rs/argon2';
import { Semaphore } from './semaphore';

/** scrypt cost; OWASP's floor is N=2^17, r=8, p=1 (128 MiB). Tests pass a cheaper one explicitly. */
export type ScryptParams = { readonly N: number; readonly r: number; readonly p: number };

/**
 * Argon2id, memory in KiB (OWASP's first choice: m=19 MiB, t=2, p=1): a company server checks many logins a
 * second, and one scrypt N=2^17 check costs about half a second and 128 MiB (README, "For a company: the server").
 */
export type Argon2Params = { readonly algorithm: 'argon2id'; readonly memoryKiB: number; readonly t: number; readonly p: number };

export type KdfParams = ScryptParams | Argon2Params;

export const defaultKdf: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** The company server's choice (measured in bench/server.bench.ts). */
export const serverKdf: Argon2Params = { algorithm: 'argon2id', memoryKiB: 19_456, t: 2, p: 1 };

const KEY_LENGTH = 32;
/** `Algorithm.Argon2id` of @node-rs/argon2, a const enum that isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

/**
 * At most one KDF run per core at a time, so a login storm queues here instead of holding a KDF's memory per
 * waiting request (and leaves libuv's other threads to the rest of the process).
 */
const kdfSlots = new Semaphore(availableParallelism());

const isArgon2 = (params: KdfParams): params is Argon2Params => 'algorithm' in params;

function deriveScrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

async function hashOnce(password: string, params: KdfParams): Promise<string> {
  if (isArgon2(params)) {
    const options = { algorithm: ARGON2ID, memoryCost: params.memoryKiB, timeCost: params.t, parallelism: params.p };
    return argon2Hash(password.normalize('NFC'), options);
  }
  const salt = randomBytes(16);
  const key = await deriveScrypt(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** PHC-like strings that carry their own parameters, so the cost can change without invalidating old hashes. */
export const hashPassword = (password: string, params: KdfParams): Promise<string> => kdfSlots.run(() => hashOnce(password, params));

const unpadded = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** A stored-hash string with a random key: verifying against it costs one KDF run and never matches (a decoy). */
export function unmatchableHash(params: KdfParams): string {
  const [salt, key] = [randomBytes(16), randomBytes(KEY_LENGTH)];
  if (isArgon2(params)) return `$argon2id$v=19$m=${params.memoryKiB},t=${params.t},p=${params.p}$${unpadded(salt)}$${unpadded(key)}`;
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function verifyOnce(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2id$')) return argon2Verify(stored, password.normalize('NFC')).catch(() => false);
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !N || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await deriveScrypt(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Either scheme verifies, whatever the current parameters: an old hash keeps working until it is replaced. */
export const verifyPassword = (password: string, stored: string): Promise<boolean> => kdfSlots.run(() => verifyOnce(password, stored));

/** What every stored hash made with `params` begins with: the scheme and its parameters, before the salt. */
export function paramsPrefix(params: KdfParams): string {
  if (isArgon2(params)) return `$argon2id$v=19$m=${params.memoryKiB},t=${params.t},p=${params.p}$`;
  return `scrypt$${params.N}$${params.r}$${params.p}$`;
}

/** The parameters a stored hash was made with (its cost), or null for a string that is no hash of ours. */
export function paramsOf(stored: string): KdfParams | null {
  const [lead, scheme, version, costs] = stored.split('$');
  if (lead === '' && scheme === 'argon2id' && version === 'v=19') {
    const m = /^m=(\d+),t=(\d+),p=(\d+)$/.exec(costs ?? '');
    return m ? { algorithm: 'argon2id', memoryKiB: Number(m[1]), t: Number(m[2]), p: Number(m[3]) } : null;
  }
  const [N, r, p] = [scheme, version, costs].map(Number);
  if (lead !== 'scrypt' || ![N, r, p].every((n) => Number.isSafeInteger(n) && n! > 0)) return null;
  return { N: N!, r: r!, p: p! };
}

/** Whether a stored hash was made with other parameters than `params`: then the next successful check rehashes it. */
export function needsRehash(stored: string, params: KdfParams): boolean {
  return !stored.startsWith(paramsPrefix(params));
}

/**
 * A stored hash without its key: the scheme, parameters and salt. Whoever holds it and the password can make the
 * key again (storedKeyFor); without the password it tells nothing. Null for a string that is no hash of ours.
 */
export function settingOf(stored: string): string | null {
  if (!paramsOf(stored)) return null;
  const cut = stored.lastIndexOf('$');
  return stored.slice(0, cut);
}

/** The raw key a stored hash holds (its last field), the secret an offline block's keys are derived from. */
export function storedKeyOf(stored: string): Buffer | null {
  const setting = settingOf(stored);
  const key = setting === null ? '' : stored.slice(setting.length + 1);
  return key ? Buffer.from(key, 'base64') : null;
}

async function keyFor(password: string, setting: string): Promise<Buffer | null> {
  const params = paramsOf(`${setting}$x`);
  const salt = Buffer.from(setting.slice(setting.lastIndexOf('$') + 1), 'base64');
  if (!params || salt.length === 0) return null;
  if (!isArgon2(params)) return deriveScrypt(password, salt, params);
  const options = { algorithm: ARGON2ID, memoryCost: params.memoryKiB, timeCost: params.t, parallelism: params.p, salt, outputLen: KEY_LENGTH };
  return argon2HashRaw(password.normalize('NFC'), options).catch(() => null);
}

/**
 * The key the server would have stored for this password under `setting` (settingOf): one run of the server's
 * own KDF with its own parameters and salt, so a guess offline costs what a guess against the server's hash does.
 */
export const storedKeyFor = (password: string, setting: string): Promise<Buffer | null> => kdfSlots.run(() => keyFor(password, setting));
