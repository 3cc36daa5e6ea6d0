import { describe, expect, it } from 'vitest';
import { decryptPskcSecrets, parsePskc } from '../../../main/seedFiles/pskc';
import { unlockMacKey } from '../../../main/seedFiles/pskcCrypto';
import { loadXml } from '../../../main/seedFiles/xml';
import { HOTP, fixture } from './pskcBuilder';

/** RFC 6030's own example documents (tests/main/seedFiles/fixtures/rfc6030-*.pskcxml), checked against its values. */
const RFC_PSK = Buffer.from('12345678901234567890123456789012', 'hex');
const RFC_SECRET_HEX = '3132333435363738393031323334353637383930'; // "12345678901234567890"
const figure2 = fixture('rfc6030-figure2.pskcxml');
const figure3 = fixture('rfc6030-figure3.pskcxml');
const figure6 = fixture('rfc6030-figure6.pskcxml');
const edit = (doc: Buffer, from: string, to: string) => {
  expect(doc.includes(from)).toBe(true); // the edit must hit, or the test proves nothing
  return Buffer.from(doc.toString('utf8').replace(from, to));
};

describe('RFC 6030 Figure 2: a plain secret', () => {
  it('the secret is read ("1234"), and the HOTP key is reported NOT_TOTP, not imported', () => {
    expect(decryptPskcSecrets(figure2).secrets).toEqual([{ where: 'KeyPackage 1', keyAlgorithm: HOTP, secret: Buffer.from('1234') }]);
    expect(parsePskc(figure2)).toEqual({ tokens: [], problems: [{ where: 'KeyPackage 1', reason: 'NOT_TOTP', detail: HOTP }] });
  });
});

describe('RFC 6030 Figure 3: supplementary data (serial, manufacturer, 8 digits)', () => {
  it('the secret is the RFC\'s 20 bytes and the problem names the serial', () => {
    const { secrets } = decryptPskcSecrets(figure3);
    expect(secrets.map((s) => s.secret.toString('hex'))).toEqual([RFC_SECRET_HEX]);
    expect(parsePskc(figure3).problems).toEqual([{ where: 'KeyPackage 1 (serial 987654321)', reason: 'NOT_TOTP', detail: HOTP }]);
  });

  it('with its Algorithm changed to TOTP, it imports with the RFC\'s values and our defaults', () => {
    const totp = edit(figure3, 'pskc:hotp', 'pskc:totp');
    expect(parsePskc(totp)).toEqual({
      tokens: [
        {
          serial: '987654321',
          seed: Buffer.from(RFC_SECRET_HEX, 'hex'),
          algorithm: 'SHA1',
          digits: 8,
          period: 30, // no TimeInterval in the file: RFC 6238's default step
          expiresAt: null,
          manufacturer: 'Manufacturer',
          where: 'KeyPackage 1 (serial 987654321)',
        },
      ],
      problems: [],
    });
  });
});

describe('RFC 6030 Figure 6 (§6.1): AES-128-CBC with a pre-shared key, HMAC-SHA1', () => {
  it('the MAC key decrypts to the RFC\'s 1122334455667788990011223344556677889900', () => {
    const loaded = loadXml(figure6);
    if (!loaded.ok) throw new Error('figure 6 did not load');
    expect(unlockMacKey(loaded.root['KeyContainer'], RFC_PSK).macKey.toString('hex')).toBe('1122334455667788990011223344556677889900');
  });

  it('the ValueMAC verifies and the secret decrypts to "12345678901234567890"', () => {
    const { secrets, problems } = decryptPskcSecrets(figure6, { preSharedKey: RFC_PSK });
    expect(problems).toEqual([]);
    expect(secrets.map((s) => s.secret.toString('hex'))).toEqual([RFC_SECRET_HEX]);
  });

  it('as a TOTP key it imports the decrypted secret (the MAC covers the value, not the Algorithm attribute)', () => {
    const { tokens, problems } = parsePskc(edit(figure6, 'pskc:hotp', 'pskc:totp'), { preSharedKey: RFC_PSK });
    expect(problems).toEqual([]);
    expect(tokens.map((t) => [t.serial, t.seed.toString('hex'), t.digits])).toEqual([['987654321', RFC_SECRET_HEX, 8]]);
  });

  it('without a key → ENCRYPTED_NEEDS_KEY, naming the file\'s key', () => {
    expect(parsePskc(figure6)).toEqual({ tokens: [], problems: [{ where: 'file', reason: 'ENCRYPTED_NEEDS_KEY', detail: 'Pre-shared-key' }] });
  });

  it.each([
    ['another 16-byte key (padding check fails)', '12345678901234567890123456789013'],
    ['a key of the wrong length for AES-128', '1234567890123456789012345678901234567890123456789012345678901234'],
  ])('%s → WRONG_KEY for the whole file', (_label, hex) => {
    const result = parsePskc(edit(figure6, 'pskc:hotp', 'pskc:totp'), { preSharedKey: Buffer.from(hex, 'hex') });
    expect(result.tokens).toEqual([]);
    expect(result.problems.map((p) => [p.where, p.reason])).toEqual([['file', 'WRONG_KEY']]);
  });

  it.each([
    ['a flipped ValueMAC', 'Su+NvtQfmvfJzF6bmQiJqoLRExc=', 'Tu+NvtQfmvfJzF6bmQiJqoLRExc='],
    ['a flipped ciphertext byte', 'AAECAwQFBgcICQoLDA0OD+cI', 'AAECAwQFBgcICQoLDA0OD+cJ'],
    ['a flipped IV byte', 'AAECAwQFBgcICQoLDA0OD+cI', 'AQECAwQFBgcICQoLDA0OD+cI'],
  ])('%s → MAC_MISMATCH for that key, nothing decrypted', (_label, from, to) => {
    const result = parsePskc(edit(edit(figure6, from, to), 'pskc:hotp', 'pskc:totp'), { preSharedKey: RFC_PSK });
    expect(result).toEqual({ tokens: [], problems: [{ where: 'KeyPackage 1 (serial 987654321)', reason: 'MAC_MISMATCH' }] });
  });

  it('a ValueMAC removed → MAC_MISSING (unauthenticated CBC is not decrypted)', () => {
    const noMac = edit(figure6, '<ValueMAC>Su+NvtQfmvfJzF6bmQiJqoLRExc=\n                    </ValueMAC>', '');
    expect(decryptPskcSecrets(noMac, { preSharedKey: RFC_PSK }).problems.map((p) => p.reason)).toEqual(['MAC_MISSING']);
  });
});
