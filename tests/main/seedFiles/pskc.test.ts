import { describe, expect, it } from 'vitest';
import { parsePskc } from '../../../main/seedFiles/pskc';
import { codeAtStep } from '../../../main/otp/totp';
import { HOTP, MAC_KEY, PSK, SEED, fixture, pskc, type Pkg } from './pskcBuilder';

const reasons = (bytes: Buffer, psk?: Buffer) =>
  parsePskc(bytes, psk ? { preSharedKey: psk } : {}).problems.map((p) => [p.where, p.reason]);
const one = (pkg: Pkg) => reasons(pskc([pkg]))[0]?.[1] ?? 'imported';

describe('a vendor TOTP file (fixture totp-plain.pskcxml, pskc: prefixes)', () => {
  const { tokens, problems } = parsePskc(fixture('totp-plain.pskcxml'));

  it('imports every key with its serial (leading zeros kept), device data and expiry', () => {
    expect(problems).toEqual([]);
    expect(tokens.map((t) => [t.serial, t.algorithm, t.digits, t.period, t.expiresAt?.toISOString() ?? null])).toEqual([
      ['523405696', 'SHA1', 6, 60, '2031-03-31T14:59:00.000Z'], // the device's expiry, earlier than the key policy's
      ['0012345678', 'SHA256', 8, 30, null], // no TimeInterval: 30
      ['100000000003', 'SHA512', 8, 30, null],
    ]);
    expect(tokens[0]).toMatchObject({ manufacturer: 'Example Token Co.', model: 'HT-60', where: 'KeyPackage 1 (serial 523405696)' });
  });

  it('the parsed parameters drive our TOTP to RFC 6238 Appendix B codes (T = 59 s is step 1)', () => {
    // 94287082, 46119246 and 90693936 are RFC 6238's SHA1/SHA256/SHA512 values; 6 digits keep the last six.
    expect(tokens.map((t) => codeAtStep(t.seed, 1, t))).toEqual(['287082', '46119246', '90693936']);
  });
});

describe('encrypted TOTP files (RFC 6030 §6.1), made here with node:crypto', () => {
  const keys = [{ serial: '523405696' }, { serial: '523405697', seed: Buffer.alloc(32, 7) }];

  it('AES-128-CBC + HMAC-SHA1: every seed decrypts with the typed-in key', () => {
    const { tokens, problems } = parsePskc(pskc(keys, { psk: PSK, macKey: MAC_KEY }), { preSharedKey: PSK });
    expect(problems).toEqual([]);
    expect(tokens.map((t) => [t.serial, t.seed.toString('hex')])).toEqual([
      ['523405696', SEED.toString('hex')],
      ['523405697', '07'.repeat(32)],
    ]);
  });

  it('AES-256-CBC + HMAC-SHA256 too', () => {
    const psk = Buffer.alloc(32, 0xa5);
    const doc = pskc(keys, { psk, macKey: MAC_KEY, cipher: 'aes256-cbc', mac: 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256' });
    expect(parsePskc(doc, { preSharedKey: psk }).tokens.map((t) => t.seed.length)).toEqual([20, 32]);
  });

  it('a wrong key that fails the MAC key\'s padding → WRONG_KEY for the file', () => {
    expect(reasons(pskc(keys, { psk: PSK, macKey: MAC_KEY }), Buffer.alloc(16, 1))).toEqual([['file', 'WRONG_KEY']]);
  });

  it('the rare wrong key whose padding passes → MAC_MISMATCH on every key: no wrong seed is ever imported', () => {
    const doc = pskc(keys, { psk: PSK, macKey: MAC_KEY });
    let lucky: Buffer | undefined;
    for (let i = 0; i < 5000 && !lucky; i++) {
      const candidate = Buffer.alloc(16, 0);
      candidate.writeUInt32BE(i + 1);
      if (reasons(doc, candidate)[0]?.[1] !== 'WRONG_KEY') lucky = candidate;
    }
    expect(lucky).toBeDefined(); // ≈1 in 256 keys: 5000 tries find one with near certainty, deterministically
    expect(parsePskc(doc, { preSharedKey: lucky! })).toEqual({
      tokens: [],
      problems: [
        { where: 'KeyPackage 1 (serial 523405696)', reason: 'MAC_MISMATCH' },
        { where: 'KeyPackage 2 (serial 523405697)', reason: 'MAC_MISMATCH' },
      ],
    });
  });

  it('one tampered MAC → MAC_MISMATCH for that key only, the other imports', () => {
    const text = pskc(keys, { psk: PSK, macKey: MAC_KEY }).toString();
    const macs = [...text.matchAll(/<ValueMAC>([^<]+)<\/ValueMAC>/g)].map((m) => m[1]!);
    const flipped = Buffer.from(macs[1]!, 'base64');
    flipped[0]! ^= 1;
    const doc = Buffer.from(text.replace(macs[1]!, flipped.toString('base64')));
    const { tokens, problems } = parsePskc(doc, { preSharedKey: PSK });
    expect([tokens.map((t) => t.serial), problems.map((p) => [p.where, p.reason])]).toEqual([
      ['523405696'],
      [['KeyPackage 2 (serial 523405697)', 'MAC_MISMATCH']],
    ]);
  });

  it('no MACMethod in an encrypted file → MAC_MISSING; a PBKDF2 key → UNSUPPORTED_ENCRYPTION', () => {
    const text = pskc(keys, { psk: PSK, macKey: MAC_KEY }).toString();
    const noMac = text.replace(/<MACMethod[\s\S]*<\/MACMethod>/, '');
    expect(reasons(Buffer.from(noMac), PSK)).toEqual([['file', 'MAC_MISSING']]);
    const derived = text.replace('<ds:KeyName>Pre-shared-key</ds:KeyName>', '<DerivedKey><KeyDerivationMethod/></DerivedKey>');
    expect(reasons(Buffer.from(derived), PSK)).toEqual([['file', 'UNSUPPORTED_ENCRYPTION']]);
  });

  it('a key given for a plain file is not needed and changes nothing', () => {
    expect(parsePskc(pskc(keys), { preSharedKey: PSK })).toEqual(parsePskc(pskc(keys)));
  });
});

describe('each KeyPackage is checked on its own', () => {
  it.each<[string, Pkg, string]>([
    ['a TOTP key', { serial: '523405696' }, 'imported'],
    ['an HOTP key', { serial: '523405696', algorithm: HOTP }, 'NOT_TOTP'],
    ['no serial', {}, 'BAD_SERIAL'],
    ['a 7-digit serial', { serial: '5234056' }, 'BAD_SERIAL'],
    ['a 13-digit serial', { serial: '5234056961234' }, 'BAD_SERIAL'],
    ['a serial with a letter', { serial: '52340569A' }, 'BAD_SERIAL'],
    ['a 10-byte seed (under 128 bits)', { serial: '523405696', seed: Buffer.alloc(10, 1) }, 'BAD_SECRET'],
    ['7 digits', { serial: '523405696', params: '<ResponseFormat Length="7" Encoding="DECIMAL"/>' }, 'BAD_DIGITS'],
    ['no ResponseFormat', { serial: '523405696', params: '' }, 'BAD_DIGITS'],
    ['hexadecimal responses', { serial: '523405696', params: '<ResponseFormat Length="6" Encoding="HEXADECIMAL"/>' }, 'BAD_DIGITS'],
    ['HMAC-MD5', { serial: '523405696', params: '<Suite>HMAC-MD5</Suite><ResponseFormat Length="6"/>' }, 'UNSUPPORTED_ALGORITHM'],
    ['a time step of 0', { serial: '523405696', data: '<TimeInterval><PlainValue>0</PlainValue></TimeInterval>' }, 'BAD_PERIOD'],
    ['a time step "sixty"', { serial: '523405696', data: '<TimeInterval><PlainValue>sixty</PlainValue></TimeInterval>' }, 'BAD_PERIOD'],
    ['T0 other than 0', { serial: '523405696', data: '<Time><PlainValue>1000</PlainValue></Time>' }, 'UNSUPPORTED_ALGORITHM'],
    ['an expiry that is no date', { serial: '523405696', device: '<ExpiryDate>2026-02-30T00:00:00Z</ExpiryDate>' }, 'BAD_EXPIRY'],
    ['a repeated SerialNo', { serial: '523405696', device: '<SerialNo>523405697</SerialNo>' }, 'MALFORMED_ENTRY'],
  ])('%s → %s', (_label, pkg, expected) => {
    expect(one(pkg)).toBe(expected);
  });

  it('SPEC R-TOK-5: a full-width serial is normalised to half-width digits', () => {
    expect(parsePskc(pskc([{ serial: '５２３４０５６９６' }])).tokens.map((t) => t.serial)).toEqual(['523405696']);
  });

  it('a secret that is not base64 → BAD_SECRET', () => {
    const doc = pskc([{ serial: '523405696' }]).toString().replace(/<PlainValue>[^<]+<\/PlainValue>/, '<PlainValue>@@not base64@@</PlainValue>');
    expect(reasons(Buffer.from(doc))).toEqual([['KeyPackage 1 (serial 523405696)', 'BAD_SECRET']]);
  });

  it('duplicate serials (also once normalised): every entry of the serial is DUPLICATE_IN_FILE, pointing at the other', () => {
    const { tokens, problems } = parsePskc(pskc([{ serial: '523405696' }, { serial: '523405697' }, { serial: '５２３４０５６９６' }]));
    expect(tokens.map((t) => t.serial)).toEqual(['523405697']);
    expect(problems).toEqual([
      { where: 'KeyPackage 3 (serial ５２３４０５６９６)', reason: 'DUPLICATE_IN_FILE', detail: 'first at KeyPackage 1 (serial 523405696)' },
      { where: 'KeyPackage 1 (serial 523405696)', reason: 'DUPLICATE_IN_FILE', detail: 'again at KeyPackage 3 (serial ５２３４０５６９６)' },
    ]);
  });

  it('10,000 encrypted keys parse (a size sanity check, no timing assertion)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ serial: String(600_000_000 + i), seed: Buffer.alloc(20, i % 256) }));
    const { tokens, problems } = parsePskc(pskc(many, { psk: PSK, macKey: MAC_KEY }), { preSharedKey: PSK });
    expect([tokens.length, problems.length, tokens[9_999]?.serial]).toEqual([10_000, 0, '600009999']);
  });
});
