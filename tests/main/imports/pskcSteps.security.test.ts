import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asFile, value } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { stepUp, type Harness } from '../../support/harness';
import { pskc, type Pkg } from '../seedFiles/pskcBuilder';

/**
 * Issue 11 finding 9 (SPEC R-OTP-1: 60 s steps; RFC 6030 §4.3.4): a PSKC file without TimeInterval means 30 s. The
 * attack: a vendor file of 30 s tokens (or one that names no step) imported silently, every code then refused or
 * accepted at the wrong time; and a file naming one serial twice with two seeds, the first silently kept.
 */
let h: Harness;
let sessionId: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId } = w));

const expiry = '<ExpiryDate>2031-03-31T23:59:59Z</ExpiryDate>';
const pkg = (serial: string, data?: string): Pkg => ({ serial, seed: randomBytes(20), device: expiry, ...(data === undefined ? {} : { data }) });
const preview = async (packages: Pkg[]) => value(await h.core.api.imports.preview({ sessionId, ...asFile('pskc', pskc(packages)) }));

describe('issue 11 finding 9: PSKC time steps are shown and flagged; a serial named twice refuses both', () => {
  it('SPEC R-OTP-1: no TimeInterval means 30 s (RFC 6030): flagged, refused, shown with its step and digits beside the 60 s ones', async () => {
    const shown = await preview([pkg('810000001'), pkg('810000002', ''), pkg('810000003', '<TimeInterval><PlainValue>30</PlainValue></TimeInterval>')]);
    expect(shown.sampleTokens).toEqual([
      { serial: '810000001', periodSeconds: 60, digits: 6, flagged: false },
      { serial: '810000002', periodSeconds: 30, digits: 6, flagged: true },
      { serial: '810000003', periodSeconds: 30, digits: 6, flagged: true },
    ]);
    expect(shown.newCount).toBe(1);
    expect(shown.problems.map((p) => [p.where, p.reason])).toEqual([
      ['KeyPackage 2 (serial 810000002)', 'NON_STANDARD_STEP'],
      ['KeyPackage 3 (serial 810000003)', 'NON_STANDARD_STEP'],
    ]);
    expect(value(await h.core.api.imports.commit({ sessionId, previewId: shown.previewId, ...(await stepUp(h)) }))).toEqual({ imported: 1 });
    expect(await h.store.db.selectFrom('tokens').select('serial').where('serial', 'in', ['810000002', '810000003']).execute()).toEqual([]);
  });

  it('SPEC R-TOK-5: one serial twice in a file (two seeds) refuses both entries', async () => {
    const shown = await preview([pkg('820000001'), pkg('820000002'), pkg('820000001')]);
    expect(shown.sampleTokens.map((t) => t.serial)).toEqual(['820000002']);
    expect(shown.problems.map((p) => [p.where, p.reason])).toEqual([
      ['KeyPackage 1 (serial 820000001)', 'DUPLICATE_IN_FILE'],
      ['KeyPackage 3 (serial 820000001)', 'DUPLICATE_IN_FILE'],
    ]);
  });
});
