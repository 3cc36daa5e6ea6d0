import { createHmac, pbkdf2, timingSafeEqual } from 'node:crypto';

/**
 * How a block's step hashes were made; alg, iterations and salt are carried in the block so the cost can change.
 * `codeKey` (offlineKeys.codeKeyOf) comes from the login password and is never in the block: without it no code
 * can be tested against the hashes, so the block alone is useless (R-OFF-2).
 */
export type StepHashParams = { readonly alg: 'pbkdf2-sha256'; readonly iterations: number; readonly salt: Buffer; readonly codeKey: Buffer };

const HASH_BYTES = 32;

/** The salt is the block's, extended by the step, so one guess tests one step of one block only. */
function stepSalt(salt: Buffer, step: number): Buffer {
  const suffix = Buffer.alloc(8);
  suffix.writeBigUInt64BE(BigInt(step));
  return Buffer.concat([salt, suffix]);
}

/** The code under the login password's key: PBKDF2 then stretches a value a guesser cannot make without it. */
const keyedCode = (codeKey: Buffer, code: string): Buffer => createHmac('sha256', codeKey).update(code, 'utf8').digest();

/** Async so that issuing a block spreads its hashes over libuv's thread pool. */
export function hashStepCode(params: StepHashParams, step: number, code: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(keyedCode(params.codeKey, code), stepSalt(params.salt, step), params.iterations, HASH_BYTES, 'sha256', (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function stepCodeMatches(params: StepHashParams, step: number, code: string, expected: Buffer): Promise<boolean> {
  const actual = await hashStepCode(params, step, code);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
