import { describe, expect, it } from 'vitest';
import { classify, type ExistingToken } from '../../../main/seedFiles/preview';
import type { ParsedToken } from '../../../main/seedFiles/types';
import { jst } from '../../support/clock';

const token = (serial: string, expiresAt: Date | null = jst('2031-03-31T23:59:00')): ParsedToken => ({
  serial,
  seed: Buffer.alloc(20, 1),
  algorithm: 'SHA1',
  digits: 6,
  period: 60,
  expiresAt,
  where: `serial ${serial}`,
});
const OURS = 1;
const THEIRS = 2;
const now = jst('2026-04-01T10:00:00');
const serialsOf = (preview: ReturnType<typeof classify>) =>
  Object.fromEntries(Object.entries(preview).map(([list, tokens]) => [list, (tokens as ParsedToken[]).map((t) => t.serial)]));

describe('import preview: which tokens are new, already here, elsewhere, expired', () => {
  const existing = new Map<string, ExistingToken>([
    ['523405696', { companyId: OURS }],
    ['600000001', { companyId: null }],
    ['700000001', { companyId: THEIRS }],
  ]);

  it('SPEC R-TOK-3: each token lands in exactly one list, the first that applies', () => {
    const parsed = [
      token('523405696'), // ours already
      token('600000001'), // in the store, bound to nobody yet: the stored seed stays
      token('700000001'), // another company's
      token('700000001', jst('2020-01-01T00:00:00')), // another company's and expired: still "another company"
      token('800000001'), // new
      token('800000002', null), // new, no expiry given: the caller decides
      token('800000003', jst('2026-03-31T23:59:00')), // new but expired
    ];
    expect(serialsOf(classify(parsed, existing, OURS, now))).toEqual({
      new: ['800000001', '800000002'],
      duplicates: ['523405696', '600000001'],
      disabled: [],
      otherCompany: ['700000001', '700000001'],
      expired: ['800000003'],
    });
  });

  it('the same store seen from the other company: its token is a duplicate there, ours is "another company"', () => {
    expect(serialsOf(classify([token('523405696'), token('700000001')], existing, THEIRS, now))).toEqual({
      new: [],
      duplicates: ['700000001'],
      disabled: [],
      otherCompany: ['523405696'],
      expired: [],
    });
  });

  it('SPEC R-TOK-4: a token expiring exactly now is expired; one minute later is not', () => {
    const at = jst('2026-04-01T10:00:00');
    const preview = classify([token('800000001', at), token('800000002', new Date(at.getTime() + 60_000))], new Map(), OURS, at);
    expect([preview.expired.map((t) => t.serial), preview.new.map((t) => t.serial)]).toEqual([['800000001'], ['800000002']]);
  });

  it('is pure: the tokens handed out are the parsed objects themselves, and nothing is changed', () => {
    const parsed = [token('800000001')];
    const before = parsed.map((t) => ({ ...t, seed: Buffer.from(t.seed) }));
    expect(classify(parsed, existing, OURS, now).new[0]).toBe(parsed[0]);
    expect(parsed).toEqual(before);
  });
});
