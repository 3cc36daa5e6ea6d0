import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost; OWASP's floor is N=2^17, r=8, p=1 (128 MiB). Tests pass a cheaper one explicitly. */
export type KdfParams = { readonly N: number; readonly r: number; readonly p: number };

export const defaultKdf: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const encode = (params: KdfParams, salt: Buffer, key: Buffer) =>
  `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;

/** PHC-like string that carries its own parameters, so the cost can rise without invalidating old hashes. */
export async function hashPassword(password: string, params: KdfParams): Promise<string> {
  const salt = randomBytes(16);
  return encode(params, salt, await derive(password, salt, params));
}

/** A stored-hash string with a random key: verifying against it costs one scrypt and never matches (a decoy). */
export const unmatchableHash = (params: KdfParams): string => encode(params, randomBytes(16), randomBytes(KEY_LENGTH));

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !N || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
