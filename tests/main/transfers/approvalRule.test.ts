import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { approversNeeded, canonicalContent, requestDigest } from '../../../main/transfers/approvalRule';
import { approvalRuleSchema, transferContentSchema, type TransferContent } from '../../../shared/contract/transferModels';

/** SPEC R-TRX-4: the approvers a request needs, and the digest an approval binds to (DESIGN-NOTES 12). */
const rule = approvalRuleSchema.parse({ thresholds: [{ from: 0, approvers: 0 }, { from: 1_000_000, approvers: 2 }] });
const content: TransferContent = transferContentSchema.parse({
  kind: 'transfer',
  debit: { bankCode: '0001', branchCode: '001', type: 'ordinary', number: '1234567' },
  payee: { bankCode: '0009', branchCode: '100', type: 'current', number: '7654321', name: 'ﾔﾏﾀﾞ ﾀﾛｳ' },
  amount: 1_000_000,
  date: '2026-12-01',
  fee: 'ours',
  memo: '12月分',
});

describe('approvers needed (SPEC R-TRX-4)', () => {
  it('R-TRX-4: the band is chosen by amount, its lower bound inclusive', () => {
    expect(approversNeeded(rule, 1)).toBe(0);
    expect(approversNeeded(rule, 999_999)).toBe(0);
    expect(approversNeeded(rule, 1_000_000)).toBe(2);
    expect(approversNeeded(rule, 10_000_000)).toBe(2);
  });

  it('R-TRX-4: three bands give none, one and two approvers', () => {
    const three = approvalRuleSchema.parse({ thresholds: [{ from: 0, approvers: 0 }, { from: 100_000, approvers: 1 }, { from: 1_000_000, approvers: 2 }] });
    expect([99_999, 100_000, 999_999, 1_000_000].map((a) => approversNeeded(three, a))).toEqual([0, 1, 1, 2]);
  });

  it('R-TRX-4: a rule of one band applies to every amount', () => {
    const always = approvalRuleSchema.parse({ thresholds: [{ from: 0, approvers: 1 }] });
    expect([1, 1_000_000, Number.MAX_SAFE_INTEGER].map((a) => approversNeeded(always, a))).toEqual([1, 1, 1]);
  });
});

/** Every field of the content, each changed alone. */
const CHANGES: [string, (c: TransferContent) => TransferContent][] = [
  ['debit bank', (c) => ({ ...c, debit: { ...c.debit, bankCode: '0005' } })],
  ['debit branch', (c) => ({ ...c, debit: { ...c.debit, branchCode: '002' } })],
  ['debit type', (c) => ({ ...c, debit: { ...c.debit, type: 'current' } })],
  ['debit number', (c) => ({ ...c, debit: { ...c.debit, number: '1234568' } })],
  ['payee bank', (c) => ({ ...c, payee: { ...c.payee, bankCode: '0005' } })],
  ['payee branch', (c) => ({ ...c, payee: { ...c.payee, branchCode: '101' } })],
  ['payee type', (c) => ({ ...c, payee: { ...c.payee, type: 'savings' } })],
  ['payee number', (c) => ({ ...c, payee: { ...c.payee, number: '7654320' } })],
  ['payee name', (c) => ({ ...c, payee: { ...c.payee, name: 'ﾔﾏﾀﾞ ﾊﾅｺ' } })],
  ['amount', (c) => ({ ...c, amount: c.amount + 1 })],
  ['date', (c) => ({ ...c, date: '2026-12-02' })],
  ['fee', (c) => ({ ...c, fee: 'theirs' })],
  ['memo', (c) => ({ ...c, memo: '12月分 ' })],
  ['debit and payee swapped', (c) => ({ ...c, debit: { ...c.payee, name: undefined } as TransferContent['debit'], payee: { ...c.debit, name: c.payee.name } })],
];

describe('the content an approval binds to (SPEC R-TRX-4)', () => {
  it('R-TRX-4: the digest is SHA-256 of the one canonical form, fields in a fixed order', () => {
    const form = '["otp-desktop/transfer-content/v1","transfer","0001","001","ordinary","1234567","0009","100","current","7654321","ﾔﾏﾀﾞ ﾀﾛｳ",1000000,"2026-12-01","ours","12月分"]';
    expect(canonicalContent(content)).toBe(form);
    expect(requestDigest(content)).toBe(createHash('sha256').update(form, 'utf8').digest('hex'));
    expect(requestDigest(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(CHANGES)('R-TRX-4: changing the %s changes the digest', (_, change) => {
    expect(requestDigest(change(content))).not.toBe(requestDigest(content));
  });

  it('R-TRX-4: every change gives a digest of its own', () => {
    const digests = [content, ...CHANGES.map(([, change]) => change(content))].map(requestDigest);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('R-TRX-4: key order and keys outside the content play no part', () => {
    const reordered = JSON.parse(
      JSON.stringify({ memo: content.memo, fee: content.fee, date: content.date, amount: content.amount, payee: { ...content.payee }, debit: content.debit, kind: content.kind }),
    ) as TransferContent;
    reordered.payee = { name: content.payee.name, number: content.payee.number, type: content.payee.type, branchCode: content.payee.branchCode, bankCode: content.payee.bankCode };
    expect(requestDigest(reordered)).toBe(requestDigest(content));
    expect(requestDigest({ ...content, id: 'r-1', status: 'pending' } as TransferContent)).toBe(requestDigest(content));
  });

  it('R-TRX-4: the form is decodable back into its fields, so no two contents share it (quotes, commas)', () => {
    const tricky = { ...content, payee: { ...content.payee, name: 'ｱ","ｲ' }, memo: '","ours\\' };
    const fields = JSON.parse(canonicalContent(tricky)) as unknown[];
    expect(fields).toHaveLength(15);
    expect([fields[10], fields[14]]).toEqual(['ｱ","ｲ', '","ours\\']);
  });
});
