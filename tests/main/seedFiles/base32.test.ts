import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../main/seedFiles/base32';
import { Rejection } from '../../../main/seedFiles/entries';

describe('Base32 (RFC 4648 §10 test vectors)', () => {
  it.each([
    ['MY', 'f'],
    ['MZXQ', 'fo'],
    ['MZXW6', 'foo'],
    ['MZXW6YQ', 'foob'],
    ['MZXW6YTB', 'fooba'],
    ['MZXW6YTBOI', 'foobar'],
    ['MZXW6YTBOI======', 'foobar'],
    ['mzxw 6ytb oi', 'foobar'],
  ])('%s → %s', (encoded, plain) => {
    expect(decodeBase32(encoded).toString('latin1')).toBe(plain);
  });

  it.each(['M', 'MZX', 'MZXW6Y', 'MZXW6YTBOJ', 'MZXW0', '', '===='])('%j → BAD_SECRET', (encoded) => {
    expect(() => decodeBase32(encoded)).toThrow(Rejection);
    try {
      decodeBase32(encoded);
    } catch (e) {
      expect((e as Rejection).reason).toBe('BAD_SECRET');
    }
  });
});
