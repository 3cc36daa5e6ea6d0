import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { OutboxOperation } from '../../shared/contract/syncModels';

/**
 * The keys of an offline block (SPEC R-OFF-2, R-OTP-4, DESIGN-NOTES 11), all derived with HKDF-SHA256 from the raw
 * keys of the server's stored password hashes (password.ts storedKeyOf / storedKeyFor). The block carries only the
 * hashes' settings (scheme, parameters, salt), so none of these keys can be made without the password: the server
 * makes them from its stored hash when it issues the block, the desktop from the typed password.
 */
const derive = (ikm: Buffer, salt: Buffer | string, info: string): Buffer => Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));

const mac = (key: Buffer, data: Buffer | string): Buffer => createHmac('sha256', key).update(data).digest();

export const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/** The key every step hash of the block is made with: no code can be tested without the login password. */
export const codeKeyOf = (loginKey: Buffer, blockSalt: Buffer): Buffer => derive(loginKey, blockSalt, 'offline codes');

/** What lets the desktop tell a wrong password offline (BAD_CREDENTIALS / BAD_AUTH_PASSWORD) without the hash itself. */
export const checkValueOf = (passwordKey: Buffer, blockSalt: Buffer, which: 'login' | 'auth'): Buffer =>
  mac(derive(passwordKey, blockSalt, `${which} check`), 'offline password check v2');

/** The salt of a proof key: its step, which the server knows from the operation, not the block (it keeps none). */
const proofSalt = (serial: string, step: number) => `offline proof:${serial}:${step}`;

/**
 * The key of a queued operation's proof: from the step's code and the authentication password's stored key, so
 * only whoever typed both can make it, and the server can make it again from the seed and its stored hash.
 */
export const proofKeyOf = (code: string, authKey: Buffer, serial: string, step: number): Buffer =>
  derive(Buffer.concat([Buffer.from(code, 'utf8'), authKey]), proofSalt(serial, step), 'offline proof');

/** JSON with every object's keys sorted, so both sides hash the same bytes whatever order a parser kept. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  // As on the wire: JSON has no undefined (an array's becomes null, an object's is left out above).
  return JSON.stringify(value) ?? 'null';
}

/** The operation as its proof covers it: everything the server acts on, the proof's own MAC aside. */
export type Provable = Pick<OutboxOperation, 'key' | 'channel' | 'request' | 'operator' | 'baseVersions' | 'queuedAt'> & {
  readonly proof: Pick<OutboxOperation['proof'], 'serial' | 'step'>;
};

export function canonicalOperation(op: Provable): string {
  const { key, channel, request, operator, baseVersions, queuedAt, proof } = op;
  return stable({ v: 2, key, channel, request, operator, baseVersions, queuedAt, serial: proof.serial, step: proof.step });
}

/** The proof's MAC (base64) over the canonical operation. */
export const proofMacOf = (proofKey: Buffer, op: Provable): string => mac(proofKey, canonicalOperation(op)).toString('base64');
