import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertSealKey, seal, unseal } from '../../../main/crypto/seal';

const key = randomBytes(32);
const seed = randomBytes(20);

describe('sealed token seeds (AES-256-GCM, DESIGN-NOTES 6)', () => {
  it('round trip: unseal(seal(x)) = x, with the serial as associated data', () => {
    expect(unseal(key, seal(key, seed, '523405696'), '523405696').equals(seed)).toBe(true);
  });

  it('the ciphertext does not contain the seed and differs every time (random IV)', () => {
    const a = seal(key, seed, '523405696');
    const b = seal(key, seed, '523405696');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(seed)).toBe(false);
    expect(a).toHaveLength(12 + 16 + seed.length);
  });

  it.each([
    ['a flipped ciphertext bit', (s: Buffer) => (s[s.length - 1]! ^= 1)],
    ['a flipped tag bit', (s: Buffer) => (s[12]! ^= 1)],
    ['a flipped IV bit', (s: Buffer) => (s[0]! ^= 1)],
  ])('%s → throws', (_label, tamper) => {
    const sealed = seal(key, seed, '523405696');
    tamper(sealed);
    expect(() => unseal(key, sealed, '523405696')).toThrow();
  });

  it('a seed copied onto another serial does not open (associated data)', () => {
    const sealed = seal(key, seed, '523405696');
    expect(() => unseal(key, sealed, '523405697')).toThrow();
  });

  it('another key does not open it', () => {
    expect(() => unseal(randomBytes(32), seal(key, seed, '523405696'), '523405696')).toThrow();
  });

  it('a truncated value throws', () => {
    expect(() => unseal(key, seal(key, seed, '523405696').subarray(0, 20), '523405696')).toThrow();
  });

  it('the key must be 32 bytes', () => {
    expect(() => assertSealKey(randomBytes(16))).toThrow(/32 bytes/);
    expect(assertSealKey(key)).toBe(key);
  });
});
