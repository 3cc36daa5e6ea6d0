import { reject } from './entries';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Unpadded lengths that RFC 4648 §6 can produce (1, 3 and 6 leftover characters cannot). */
const VALID_TAIL = new Set([0, 2, 4, 5, 7]);

/**
 * RFC 4648 Base32 → bytes. Case-insensitive, padding optional, spaces ignored (vendors print seeds in groups of
 * four). Strict otherwise: a character outside the alphabet, an impossible length or non-zero trailing bits
 * mean a damaged seed, and a damaged seed would make a token that never verifies, so it is refused here.
 */
export function decodeBase32(text: string): Buffer {
  const clean = text.replace(/ /g, '').toUpperCase().replace(/=+$/, '');
  if (clean === '') return reject('BAD_SECRET', 'missing');
  if (!VALID_TAIL.has(clean.length % 8)) return reject('BAD_SECRET', 'base32 length');
  const out = Buffer.alloc(Math.floor((clean.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return reject('BAD_SECRET', 'not base32');
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
    value &= (1 << bits) - 1;
  }
  if (value !== 0) return reject('BAD_SECRET', 'base32 trailing bits');
  return out;
}
