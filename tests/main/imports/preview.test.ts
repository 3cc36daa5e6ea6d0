import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../main/seedFiles/types';
import { asFile, entraCsv, value } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { dumpTables } from '../../support/db';
import { loginWithOtp, nextStep, type Harness } from '../../support/harness';
import { scan } from '../../support/secrets';
import { MAC_KEY, PSK, pskc } from '../seedFiles/pskcBuilder';

let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w), { nextStep: false });

const preview = (file: { format: 'csv' | 'pskc'; fileBase64: string; preSharedKeyHex?: string }, sessionId = master) =>
  h.core.api.imports.preview({ sessionId, ...file });

describe('seed import preview (設定・管理, SPEC R-TOK-3, R-TOK-4)', () => {
  it('SPEC R-TOK-3, R-TOK-4: counts new, duplicate, other company, expired and malformed (missing expiry included), each problem by line', async () => {
    const seeds = Array.from({ length: 9 }, () => randomBytes(20));
    const csv = entraCsv([
      { serial: '900000001', seed: seeds[0] },
      { serial: '900000002', seed: seeds[1] },
      { serial: '523405696', seed: seeds[2] },
      { serial: '600000001', seed: seeds[3] },
      { serial: '700000001', seed: seeds[4] },
      { serial: '900000003', seed: seeds[5], expiry: '2026-11-23' },
      { serial: '900000004', seed: seeds[6], expiry: '' },
      { serial: '900000005', secret: 'NOT*BASE32' },
      { serial: '900000001', seed: seeds[8] },
    ]);
    const before = await dumpTables(h.store.db);
    const result = value(await preview(asFile('csv', csv)));
    expect(result).toEqual({
      previewId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      total: 9,
      newCount: 1,
      duplicateCount: 2,
      otherCompanyCount: 1,
      expiredCount: 1,
      malformedCount: 4,
      problems: [
        { where: 'line 2', reason: 'DUPLICATE_IN_FILE', detail: 'again at line 10' },
        { where: 'line 4', reason: 'DUPLICATE', detail: 'serial 523405696' },
        { where: 'line 5', reason: 'DUPLICATE', detail: 'serial 600000001' },
        { where: 'line 6', reason: 'OTHER_COMPANY', detail: 'serial 700000001' },
        { where: 'line 7', reason: 'EXPIRED', detail: 'serial 900000003' },
        { where: 'line 8', reason: 'MISSING_EXPIRY' },
        { where: 'line 9', reason: 'BAD_SECRET', detail: 'not base32' },
        { where: 'line 10', reason: 'DUPLICATE_IN_FILE', detail: 'first at line 2' },
      ],
      sampleTokens: [{ serial: '900000002', periodSeconds: 60, digits: 6, flagged: false }],
    });
    // DESIGN-NOTES 6: nothing written, no seed in the answer in any encoding.
    expect(await dumpTables(h.store.db)).toEqual(before);
    expect(scan({ response: Buffer.from(JSON.stringify(result)) }, seeds.map((s, i) => ({ label: `seed ${i}`, value: s })))).toEqual([]);
  });

  it('SPEC R-OTP-1: a PSKC token of 8 digits is refused by element (the OTP field takes 6); a pre-shared-key file opens with its key', async () => {
    const expiry = '<ExpiryDate>2031-03-31T14:59:00Z</ExpiryDate>';
    const packages = [
      { serial: '900000011', device: expiry },
      { serial: '900000012', device: expiry, params: '<ResponseFormat Length="8" Encoding="DECIMAL"/>' },
    ];
    const encrypted = pskc(packages, { psk: PSK, macKey: MAC_KEY });
    const result = value(await preview({ ...asFile('pskc', encrypted), preSharedKeyHex: PSK.toString('hex') }));
    expect(result).toMatchObject({ total: 2, newCount: 1, malformedCount: 1, sampleTokens: [{ serial: '900000011', periodSeconds: 60, digits: 6, flagged: false }] });
    expect(result.problems).toEqual([{ where: 'KeyPackage 2 (serial 900000012)', reason: 'BAD_DIGITS', detail: '8 digits' }]);
  });

  it('a file-level problem refuses the file with its code: no key, wrong key, not base64, not a CSV', async () => {
    const encrypted = asFile('pskc', pskc([{ serial: '900000011' }], { psk: PSK, macKey: MAC_KEY }));
    expect(await preview(encrypted)).toEqual({ ok: false, error: { code: 'IMPORT_REFUSED', problem: 'ENCRYPTED_NEEDS_KEY' } });
    expect(await preview({ ...encrypted, preSharedKeyHex: 'ff'.repeat(16) })).toEqual({ ok: false, error: { code: 'IMPORT_REFUSED', problem: 'WRONG_KEY' } });
    expect(await preview({ format: 'csv', fileBase64: 'not base64!' })).toEqual({ ok: false, error: { code: 'IMPORT_REFUSED', problem: 'MALFORMED_FILE' } });
    expect(await preview(asFile('csv', Buffer.from('serial,seed\r\n1,2\r\n')))).toEqual({ ok: false, error: { code: 'IMPORT_REFUSED', problem: 'MISSING_COLUMN' } });
  });

  it('a file over MAX_IMPORT_BYTES is refused by its base64 length → FILE_TOO_LARGE; one byte under is read', async () => {
    const over = 'A'.repeat(Math.ceil(((MAX_IMPORT_BYTES + 1) * 4) / 3 / 4) * 4);
    expect(await preview({ format: 'csv', fileBase64: over })).toEqual({ ok: false, error: { code: 'IMPORT_REFUSED', problem: 'FILE_TOO_LARGE' } });
    const under = Buffer.concat([entraCsv([{ serial: '900000001' }]), Buffer.from('\r\n')]);
    expect(await preview(asFile('csv', under))).toMatchObject({ ok: true, value: { newCount: 1 } });
  });

  it('a preview belongs to the session that made it and lasts 10 minutes: else PREVIEW_INVALID', async () => {
    const made = value(await preview(asFile('csv', entraCsv([{ serial: '900000001' }]))));
    nextStep(h);
    const admin = (await loginWithOtp(h, 'test12345')).sessionId;
    expect(await h.core.api.imports.progress({ sessionId: admin, previewId: made.previewId })).toEqual({ ok: false, error: { code: 'PREVIEW_INVALID' } });
    expect(await h.core.api.imports.progress({ sessionId: master, previewId: made.previewId })).toEqual({ ok: true, value: { state: 'idle', done: 0, total: 1 } });
    h.clock.advance(8 * 60_000 + 59_999); // one step was taken above: 9 min 59.999 s since the preview
    expect(await h.core.api.imports.progress({ sessionId: master, previewId: made.previewId })).toMatchObject({ ok: true });
    h.clock.advance(1);
    expect(await h.core.api.imports.progress({ sessionId: master, previewId: made.previewId })).toEqual({ ok: false, error: { code: 'PREVIEW_INVALID' } });
  });
});
