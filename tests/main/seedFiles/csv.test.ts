import { describe, expect, it } from 'vitest';
import { parseEntraCsv } from '../../../main/seedFiles/csv';
import { MAX_IMPORT_BYTES } from '../../../main/seedFiles/types';
import { codeAtStep } from '../../../main/otp/totp';
import { fixture } from './pskcBuilder';

const HEADER = 'upn,serial number,secret key,time interval,manufacturer,model,expiry date';
const RFC6238_SEED_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890"
const csv = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const row = (over: Partial<Record<'upn' | 'serial' | 'secret' | 'interval' | 'maker' | 'model' | 'expiry', string>> = {}) =>
  [
    over.upn ?? '',
    over.serial ?? '523405696',
    over.secret ?? RFC6238_SEED_B32,
    over.interval ?? '60',
    over.maker ?? 'Contoso',
    over.model ?? 'HT-60',
    over.expiry ?? '2031-03-31',
  ].join(',');
const reasonOf = (over: Parameters<typeof row>[0]) => parseEntraCsv(csv(HEADER, row(over))).problems[0]?.reason ?? 'imported';

describe('Microsoft Entra hardware OATH CSV, plus expiry date', () => {
  it('a valid row becomes a TOTP SHA1 6-digit token; upn is ignored; a bare date expires 23:59 JST', () => {
    expect(parseEntraCsv(csv(HEADER, row({ upn: 'helga@contoso.com' })))).toEqual({
      tokens: [
        {
          serial: '523405696',
          seed: Buffer.from('12345678901234567890'),
          algorithm: 'SHA1',
          digits: 6,
          period: 60,
          expiresAt: new Date('2031-03-31T23:59:00+09:00'),
          manufacturer: 'Contoso',
          model: 'HT-60',
          where: 'line 2',
        },
      ],
      problems: [],
    });
  });

  it('the seed drives our TOTP to RFC 6238 Appendix B (94287082 at step 1 → 287082 in 6 digits)', () => {
    const [token] = parseEntraCsv(csv(HEADER, row({ interval: '30' }))).tokens;
    expect(codeAtStep(token!.seed, 1, token!)).toBe('287082');
  });

  it('a UTF-8 BOM, CRLF line endings, reordered and capitalised columns and an unknown column read the same', () => {
    const plain = parseEntraCsv(csv(HEADER, row()));
    const text =
      '\ufeffExpiry Date,Secret Key,Serial Number,Time Interval,Model,Manufacturer,UPN,Note\r\n' +
      `2031-03-31,${RFC6238_SEED_B32},523405696,60,HT-60,Contoso,,x\r\n`;
    expect(parseEntraCsv(Buffer.from(text, 'utf8'))).toEqual(plain);
  });

  it('RFC 4180 quoting: commas, doubled quotes and a line break inside fields; later rows keep their line numbers', () => {
    const { tokens, problems } = parseEntraCsv(
      csv(
        HEADER,
        row({ maker: '"Contoso ""Hard"" Keys, Inc."', model: '"HT-60\nrev. 2"' }), // lines 2-3
        row({ serial: '1234567', model: '"HT-60\nrev. 3"' }), // lines 4-5: reported where it starts
        row({ serial: '523405697', interval: '45' }), // line 6
      ),
    );
    expect(tokens.map((t) => [t.manufacturer, t.model])).toEqual([['Contoso "Hard" Keys, Inc.', 'HT-60\nrev. 2']]);
    expect(problems.map((p) => [p.where, p.reason])).toEqual([['line 4', 'BAD_SERIAL'], ['line 6', 'BAD_PERIOD']]);
  });

  it('line numbers are the editor\'s: CRLF, a CRLF inside quotes and a blank line each count once', () => {
    const text = [HEADER, row({ model: '"HT-60\r\nrev. 2"' }), '', row({ serial: '1234567' })].join('\r\n');
    const { tokens, problems } = parseEntraCsv(Buffer.from(text, 'utf8'));
    expect([tokens.map((t) => t.where), problems.map((p) => p.where)]).toEqual([['line 2'], ['line 5']]);
  });

  it('a Japanese Excel file in Shift_JIS (Windows-31J) is decoded, ㈱ included', () => {
    const bytes = fixture('entra-shift_jis.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // the fixture really is not UTF-8
    const { tokens, problems } = parseEntraCsv(bytes);
    expect(problems).toEqual([]);
    expect(tokens.map((t) => [t.serial, t.manufacturer, t.model, t.expiresAt?.toISOString()])).toEqual([
      ['523405696', '㈱東京トークン製作所', 'ハードトークン HT-60', '2031-03-31T14:59:00.000Z'],
      ['523405697', '日本ワンタイム工業', 'モデル二型, 金属筐体', '2031-03-31T14:59:00.000Z'], // 2031/3/31, as Excel re-saves it
    ]);
  });

  it.each([
    ['bytes that are neither UTF-8 nor Shift_JIS', Buffer.concat([csv(HEADER, ''), Buffer.from([0xff, 0xfd, 0x2c])])],
    ['UTF-16 with a BOM', Buffer.from(`\ufeff${HEADER}\n${row()}`, 'utf16le')],
    ['UTF-16 without a BOM (NUL bytes)', Buffer.from(`${HEADER}\n${row()}`, 'utf16le')],
    ['a UTF-8 BOM followed by Shift_JIS bytes', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('entra-shift_jis.csv')])],
  ])('%s → UNSUPPORTED_ENCODING', (_label, bytes) => {
    expect(parseEntraCsv(bytes)).toEqual({ tokens: [], problems: [expect.objectContaining({ where: 'file', reason: 'UNSUPPORTED_ENCODING' })] });
  });
});

describe('each row is checked on its own', () => {
  it.each([
    ['lower-case Base32 with spaces and padding', 'imported', { secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq====' }],
    ['a character outside Base32 (1)', 'BAD_SECRET', { secret: 'GEZDGNBVGY3TQOJ1GEZDGNBVGY3TQOJQ' }],
    ['an impossible Base32 length', 'BAD_SECRET', { secret: `${RFC6238_SEED_B32}A` }],
    ['non-zero trailing bits', 'BAD_SECRET', { secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGF' }],
    ['a 10-byte seed', 'BAD_SECRET', { secret: 'JBSWY3DPEHPK3PXP' }],
    ['no secret', 'BAD_SECRET', { secret: '' }],
    ['a 30 s interval', 'imported', { interval: '30' }],
    ['a 45 s interval', 'BAD_PERIOD', { interval: '45' }],
    ['"60s"', 'BAD_PERIOD', { interval: '60s' }],
    ['no interval', 'BAD_PERIOD', { interval: '' }],
    ['February 30th', 'BAD_EXPIRY', { expiry: '2026-02-30' }],
    ['a day-first date', 'BAD_EXPIRY', { expiry: '31/03/2026' }],
    ['hour 25', 'BAD_EXPIRY', { expiry: '2026-03-31T25:00' }],
    ['a 7-digit serial', 'BAD_SERIAL', { serial: '1234567' }],
    ['a 13-digit serial', 'BAD_SERIAL', { serial: '1234567890123' }],
    ['no serial', 'BAD_SERIAL', { serial: '' }],
  ])('%s → %s', (_label, expected, over) => {
    expect(reasonOf(over)).toBe(expected);
  });

  it('an expiry with a time is that minute in Japan; no expiry is null (the caller decides)', () => {
    const { tokens } = parseEntraCsv(csv(HEADER, row({ expiry: '2030-01-15T12:30' }), row({ serial: '523405697', expiry: '' })));
    expect(tokens.map((t) => t.expiresAt?.toISOString() ?? null)).toEqual(['2030-01-15T03:30:00.000Z', null]);
  });

  it('SPEC R-TOK-5: a full-width serial is normalised', () => {
    expect(parseEntraCsv(csv(HEADER, row({ serial: '５２３４０５６９６' }))).tokens[0]?.serial).toBe('523405696');
  });

  it('duplicate serials: every row of the serial is DUPLICATE_IN_FILE, pointing at the other', () => {
    const { tokens, problems } = parseEntraCsv(csv(HEADER, row(), row({ serial: '523405697' }), row({ serial: '５２３４０５６９６' })));
    expect(tokens.map((t) => t.where)).toEqual(['line 3']);
    expect(problems).toEqual([
      { where: 'line 4', reason: 'DUPLICATE_IN_FILE', detail: 'first at line 2' },
      { where: 'line 2', reason: 'DUPLICATE_IN_FILE', detail: 'again at line 4' },
    ]);
  });

  it('a row with a missing field → MALFORMED_ENTRY; Excel\'s empty ",,,,,," rows are skipped', () => {
    const { tokens, problems } = parseEntraCsv(csv(HEADER, ',,,,,,', row().replace(',2031-03-31', ''), row({ serial: '523405697' })));
    expect(tokens.map((t) => t.where)).toEqual(['line 4']);
    expect(problems.map((p) => [p.where, p.reason])).toEqual([['line 3', 'MALFORMED_ENTRY']]);
  });
});

describe('the file as a whole', () => {
  it.each([
    ['no secret key column', 'MISSING_COLUMN', 'upn,serial number,time interval,manufacturer,model,expiry date', 'secret key'],
    ['an empty file', 'MISSING_COLUMN', '', 'serial number, secret key, time interval'],
    ['a column twice', 'MALFORMED_FILE', `${HEADER},Serial Number`, 'column serial number twice'],
  ])('%s → %s', (_label, reason, header, detail) => {
    expect(parseEntraCsv(csv(header, row()))).toEqual({ tokens: [], problems: [{ where: 'line 1', reason, detail }] });
  });

  it('an unclosed quote → MALFORMED_FILE (rows cannot be told apart after it)', () => {
    expect(parseEntraCsv(csv(HEADER, row(), row({ maker: '"Contoso' }))).problems.map((p) => p.reason)).toEqual(['MALFORMED_FILE']);
  });

  it('a 100 MB file → FILE_TOO_LARGE before decoding', () => {
    const size = 100 * 1024 * 1024;
    expect(parseEntraCsv(Buffer.alloc(size, 0xff)).problems).toEqual([{ where: 'file', reason: 'FILE_TOO_LARGE', detail: `${size} bytes` }]);
    expect(parseEntraCsv(Buffer.alloc(MAX_IMPORT_BYTES, 0xff)).problems[0]?.reason).toBe('UNSUPPORTED_ENCODING');
  });

  it('10,000 rows parse (a size sanity check, no timing assertion)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row({ serial: String(600_000_000 + i) }));
    const { tokens, problems } = parseEntraCsv(csv(HEADER, ...rows));
    expect([tokens.length, problems.length, tokens[9_999]?.where]).toEqual([10_000, 0, 'line 10001']);
  });
});
