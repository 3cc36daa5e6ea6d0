import { describe, expect, it } from 'vitest';
import { approvalRuleSchema, transferContentSchema, zenginTextSchema } from '../../../shared/contract/transferModels';
import { ZENGIN_MAX } from '../../../shared/zengin/chars';

/** SPEC R-TRX-2/3/4 at the boundary: the schemas both sides parse with. */
const content = {
  kind: 'transfer',
  debit: { bankCode: '0001', branchCode: '001', type: 'ordinary', number: '1234567' },
  payee: { bankCode: '0009', branchCode: '100', type: 'current', number: '7654321', name: 'やまだ たろう' },
  amount: 1_000_000,
  date: '2026-12-01',
  fee: 'ours',
};

describe('the 全銀 name schema (SPEC R-TRX-2)', () => {
  it('R-TRX-2: answers the converted name, or every problem with its position', () => {
    const schema = zenginTextSchema(ZENGIN_MAX.payeeName);
    expect(schema.parse('やまだ たろう')).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    const refused = schema.safeParse('株@');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => (i as { params?: unknown }).params)).toEqual([
      { kind: 'CHAR', position: 1, char: '株' },
      { kind: 'CHAR', position: 2, char: '@' },
    ]);
    expect(schema.safeParse('ｱ'.repeat(31)).success).toBe(false);
    expect(schema.safeParse(42).success).toBe(false);
  });
});

describe('the approval rule schema (SPEC R-TRX-4)', () => {
  it('R-TRX-4: none, one or two approvers by ascending amount thresholds from 0', () => {
    expect(approvalRuleSchema.safeParse({ thresholds: [{ from: 0, approvers: 0 }] }).success).toBe(true);
    const rule = { thresholds: [{ from: 0, approvers: 0 }, { from: 100_000, approvers: 1 }, { from: 1_000_000, approvers: 2 }] };
    expect(approvalRuleSchema.parse(rule)).toEqual(rule);
  });

  it.each([
    ['no threshold', { thresholds: [] }],
    ['a first band not from 0', { thresholds: [{ from: 1, approvers: 1 }] }],
    ['bands out of order', { thresholds: [{ from: 0, approvers: 0 }, { from: 2_000, approvers: 2 }, { from: 1_000, approvers: 1 }] }],
    ['two bands from one amount', { thresholds: [{ from: 0, approvers: 0 }, { from: 0, approvers: 1 }] }],
    ['three approvers', { thresholds: [{ from: 0, approvers: 3 }] }],
    ['a negative amount', { thresholds: [{ from: -1, approvers: 0 }] }],
    ['a fractional amount', { thresholds: [{ from: 0, approvers: 0 }, { from: 0.5, approvers: 1 }] }],
    ['no thresholds key', {}],
  ])('R-TRX-4: refuses %s', (_, rule) => {
    expect(approvalRuleSchema.safeParse(rule).success).toBe(false);
  });
});

describe('the transfer content schema (SPEC R-TRX-1/2/3)', () => {
  it('R-TRX-3: a valid request parses, its payee name converted, its memo empty when absent', () => {
    const parsed = transferContentSchema.parse(content);
    expect(parsed.payee.name).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(parsed.memo).toBe('');
  });

  it.each([
    ['a 3-digit bank code', { ...content, debit: { ...content.debit, bankCode: '001' } }],
    ['a 6-digit account number', { ...content, payee: { ...content.payee, number: '123456' } }],
    ['an unknown 預金種目', { ...content, payee: { ...content.payee, type: 'checking' } }],
    ['a kanji payee name', { ...content, payee: { ...content.payee, name: '株式会社' } }],
    ['an amount of 0', { ...content, amount: 0 }],
    ['a fractional amount', { ...content, amount: 10.5 }],
    ['no such date', { ...content, date: '2026-02-30' }],
    ['an unknown fee payer', { ...content, fee: 'split' }],
    ['another kind', { ...content, kind: 'payeasy' }],
    ['a memo over 100 characters', { ...content, memo: 'x'.repeat(101) }],
  ])('R-TRX-3: refuses %s', (_, request) => {
    expect(transferContentSchema.safeParse(request).success).toBe(false);
  });
});
