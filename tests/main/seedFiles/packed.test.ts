import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packTokens, serialsOf, tokensOf, transferables, wipePacked, type PackableToken } from '../../../main/seedFiles/packed';

const token = (serial: string, seedBytes: number, algorithm: PackableToken['algorithm']): PackableToken => ({
  serial,
  seed: randomBytes(seedBytes),
  algorithm,
  digits: 6,
  period: 60,
  expiresAt: new Date('2031-03-31T14:59:59Z'),
});

describe('packed import tokens (issue 11 finding 10: a few buffers on the main thread, not one object per token)', () => {
  const list = [token('12345678', 20, 'SHA1'), token('123456789012', 32, 'SHA256'), token('900000001', 64, 'SHA512')];

  it('every token comes back as it went in, serials and seeds of any length, any range', () => {
    const packed = packTokens(list);
    expect(packed.count).toBe(3);
    expect(tokensOf(packed).map((t) => ({ ...t, seed: Buffer.from(t.seed) }))).toEqual(list);
    expect(serialsOf(packed, 1, 3)).toEqual(['123456789012', '900000001']);
    expect(tokensOf(packed, 2, 10).map((t) => t.serial)).toEqual(['900000001']);
    expect(tokensOf(packTokens([]))).toEqual([]);
  });

  it('the seeds are views of one buffer: one wipe overwrites every seed handed out', () => {
    const packed = packTokens(list);
    const handedOut = tokensOf(packed);
    wipePacked(packed);
    expect(handedOut.every((t) => t.seed.length > 0 && t.seed.every((b) => b === 0))).toBe(true);
  });

  it('every array is its own buffer, so a worker can move them all', () => {
    const buffers = transferables(packTokens(list));
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.every((b) => b instanceof ArrayBuffer)).toBe(true);
  });
});
