import { describe, expect, it } from 'vitest';
import { parsePskc } from '../../../main/seedFiles/pskc';
import { MAX_IMPORT_BYTES } from '../../../main/seedFiles/types';
import { fixture, pskc } from './pskcBuilder';

/** Hostile PSKC files: each is refused as a whole, fast, and nothing from outside the file is ever read. */
const only = (bytes: Buffer) => {
  const { tokens, problems } = parsePskc(bytes);
  expect(tokens).toEqual([]);
  expect(problems).toHaveLength(1);
  return problems[0]!;
};
const valid = fixture('totp-plain.pskcxml');
const withDtd = (dtd: string, body: string) => Buffer.from(`<?xml version="1.0"?>\n${dtd}\n<KeyContainer Version="1.0">${body}</KeyContainer>`);

describe('entities: no DTD is ever processed', () => {
  it('billion laughs → DTD_NOT_ALLOWED, without expanding anything', () => {
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const doc = withDtd(`<!DOCTYPE KeyContainer [${lol.join('\n')}]>`, '<KeyPackage><DeviceInfo><SerialNo>&lol9;</SerialNo></DeviceInfo></KeyPackage>');
    const started = performance.now();
    expect(only(doc)).toEqual({ where: 'file', reason: 'DTD_NOT_ALLOWED' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('an external entity (SYSTEM "file:///etc/passwd") → DTD_NOT_ALLOWED, and no file content appears', () => {
    const doc = withDtd(
      '<!DOCTYPE KeyContainer [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<KeyPackage><DeviceInfo><Manufacturer>&xxe;</Manufacturer><SerialNo>523405696</SerialNo></DeviceInfo></KeyPackage>',
    );
    const result = parsePskc(doc);
    expect(result.problems).toEqual([{ where: 'file', reason: 'DTD_NOT_ALLOWED' }]);
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it.each([
    ['a DOCTYPE with no internal subset', '<!DOCTYPE KeyContainer SYSTEM "http://example.invalid/pskc.dtd">'],
    ['a lower-case doctype', '<!doctype KeyContainer>'],
    ['a parameter entity', '<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>'],
  ])('%s → DTD_NOT_ALLOWED', (_label, doctype) => {
    const doc = valid.toString().replace('<pskc:KeyContainer', `${doctype}\n<pskc:KeyContainer`);
    expect(only(Buffer.from(doc)).reason).toBe('DTD_NOT_ALLOWED');
  });
});

describe('size', () => {
  it('a 100 MB file → FILE_TOO_LARGE at once, before any decoding or parsing', () => {
    // 0xFF is never UTF-8: had the bytes been decoded first, the answer would be UNSUPPORTED_ENCODING instead.
    const huge = Buffer.alloc(100 * 1024 * 1024, 0xff);
    const started = performance.now();
    expect(only(huge).reason).toBe('FILE_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('the limit is exact: MAX_IMPORT_BYTES is read, one byte more is refused', () => {
    expect(only(Buffer.alloc(MAX_IMPORT_BYTES + 1, 0xff)).reason).toBe('FILE_TOO_LARGE');
    expect(only(Buffer.alloc(MAX_IMPORT_BYTES, 0xff)).reason).toBe('UNSUPPORTED_ENCODING');
  });
});

describe('structure', () => {
  it.each([0.25, 0.5, 0.9])('a file truncated at %f of its length → MALFORMED_FILE, no partial import', (fraction) => {
    expect(only(valid.subarray(0, Math.floor(valid.length * fraction))).reason).toBe('MALFORMED_FILE');
  });

  it('a file cut just before its last closing tag → MALFORMED_FILE', () => {
    expect(only(valid.subarray(0, valid.lastIndexOf('</pskc:KeyContainer>'))).reason).toBe('MALFORMED_FILE');
  });

  it('an empty file and a file that is not XML → MALFORMED_FILE', () => {
    expect(only(Buffer.alloc(0)).reason).toBe('MALFORMED_FILE');
    expect(only(Buffer.from('serial number,secret key\n523405696,JBSWY3DPEHPK3PXP')).reason).toBe('MALFORMED_FILE');
  });

  it('10,000 nested elements → MALFORMED_FILE (the parser\'s depth limit), not a crash', () => {
    const deep = `<KeyContainer Version="1.0">${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</KeyContainer>`;
    expect(only(Buffer.from(deep)).reason).toBe('MALFORMED_FILE');
  });

  it('__proto__ as an element name → MALFORMED_FILE, and Object.prototype is untouched', () => {
    const doc = '<KeyContainer Version="1.0"><__proto__><polluted>yes</polluted></__proto__></KeyContainer>';
    expect(only(Buffer.from(doc)).reason).toBe('MALFORMED_FILE');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('another root element, or another PSKC Version → MALFORMED_FILE', () => {
    expect(only(Buffer.from('<KeyContainers Version="1.0"/>')).reason).toBe('MALFORMED_FILE');
    expect(only(Buffer.from(valid.toString().replace('Version="1.0"', 'Version="2.0"'))).reason).toBe('MALFORMED_FILE');
  });

  it('a KeyPackage without a Key → MALFORMED_ENTRY for it alone', () => {
    const doc = pskc([{ serial: '523405696' }]).toString().replace('</KeyContainer>', '<KeyPackage/></KeyContainer>');
    expect(parsePskc(Buffer.from(doc)).problems).toEqual([{ where: 'KeyPackage 2', reason: 'MALFORMED_ENTRY', detail: 'no Key' }]);
  });
});

describe('encoding: the text we check is exactly the text we parse', () => {
  it('bytes that are not UTF-8 → UNSUPPORTED_ENCODING', () => {
    const [head, tail] = ['<KeyContainer Version="1.0"><KeyPackage><DeviceInfo><Manufacturer>', '</Manufacturer></DeviceInfo></KeyPackage></KeyContainer>'];
    const sjis = Buffer.concat([Buffer.from(head), Buffer.from([0x83, 0x67]), Buffer.from(tail)]); // ト in Shift_JIS
    expect(only(sjis).reason).toBe('UNSUPPORTED_ENCODING');
  });

  it('a declared encoding other than UTF-8 → UNSUPPORTED_ENCODING, even when the bytes happen to be ASCII', () => {
    expect(only(Buffer.from(valid.toString().replace('encoding="UTF-8"', 'encoding="Shift_JIS"'))).reason).toBe('UNSUPPORTED_ENCODING');
  });

  it('UTF-16 → UNSUPPORTED_ENCODING; UTF-8 with a BOM reads normally', () => {
    expect(only(Buffer.from(`\ufeff${valid.toString()}`, 'utf16le')).reason).toBe('UNSUPPORTED_ENCODING');
    expect(parsePskc(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), valid])).tokens).toHaveLength(3);
  });
});
