import type { ParsedToken } from './types';

/** A token an import will write: what the store needs of it, its seed still plaintext. */
export type PackableToken = {
  serial: string;
  seed: Uint8Array;
  algorithm: ParsedToken['algorithm'];
  digits: ParsedToken['digits'];
  period: number;
  expiresAt: Date;
};

const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;

/**
 * Many tokens in a few flat arrays instead of one object each (issue 11 finding 10): 30,000 token objects on the
 * main thread cost its garbage collector tens of milliseconds per pass, a dozen typed arrays cost nothing. The
 * arrays are plain buffers, so they move from the parse worker without a copy, and all the plaintext seeds sit
 * in one buffer that one fill wipes.
 */
export type PackedTokens = {
  readonly count: number;
  /** The serials back to back; serial i ends at serialEnds[i]. */
  readonly serials: string;
  readonly serialEnds: Uint32Array;
  /** The seeds back to back; seed i ends at seedEnds[i]. */
  readonly seeds: Uint8Array;
  readonly seedEnds: Uint32Array;
  readonly algorithms: Uint8Array;
  readonly digits: Uint8Array;
  readonly periods: Uint32Array;
  readonly expiresAt: Float64Array;
};

export function packTokens(tokens: readonly PackableToken[]): PackedTokens {
  const n = tokens.length;
  const packed = {
    count: n,
    serials: tokens.map((t) => t.serial).join(''),
    serialEnds: new Uint32Array(n),
    seeds: new Uint8Array(tokens.reduce((sum, t) => sum + t.seed.length, 0)),
    seedEnds: new Uint32Array(n),
    algorithms: new Uint8Array(n),
    digits: new Uint8Array(n),
    periods: new Uint32Array(n),
    expiresAt: new Float64Array(n),
  };
  let [serialAt, seedAt] = [0, 0];
  tokens.forEach((t, i) => {
    packed.serialEnds[i] = serialAt += t.serial.length;
    packed.seeds.set(t.seed, seedAt);
    packed.seedEnds[i] = seedAt += t.seed.length;
    packed.algorithms[i] = ALGORITHMS.indexOf(t.algorithm);
    packed.digits[i] = t.digits;
    packed.periods[i] = t.period;
    packed.expiresAt[i] = t.expiresAt.getTime();
  });
  return packed;
}

/** The buffers a worker hands over with the tokens (postMessage's transfer list): moved, so no copy stays behind. */
export const transferables = (p: PackedTokens): ArrayBuffer[] =>
  [p.serialEnds, p.seeds, p.seedEnds, p.algorithms, p.digits, p.periods, p.expiresAt].map((a) => a.buffer as ArrayBuffer);

const startOf = (ends: Uint32Array, i: number) => (i === 0 ? 0 : ends[i - 1]!);

/** Serials `from` to `to` (exclusive), for the store's lookups. */
export function serialsOf(p: PackedTokens, from = 0, to = p.count): string[] {
  const out: string[] = [];
  for (let i = from; i < Math.min(to, p.count); i++) out.push(p.serials.slice(startOf(p.serialEnds, i), p.serialEnds[i]));
  return out;
}

/** Tokens `from` to `to` as objects, for one batch of the commit; each seed is a view of the packed buffer, not a copy. */
export function tokensOf(p: PackedTokens, from = 0, to = p.count): PackableToken[] {
  const serials = serialsOf(p, from, to);
  return serials.map((serial, k) => {
    const i = from + k;
    return {
      serial,
      seed: p.seeds.subarray(startOf(p.seedEnds, i), p.seedEnds[i]),
      algorithm: ALGORITHMS[p.algorithms[i]!]!,
      digits: p.digits[i] as 6 | 8,
      period: p.periods[i]!,
      expiresAt: new Date(p.expiresAt[i]!),
    };
  });
}

/** Overwrites every plaintext seed at once. */
export const wipePacked = (p: PackedTokens): void => void p.seeds.fill(0);
