import { describe, expect, it } from 'vitest';
import { requestDigest } from '../../../main/transfers/approvalRule';
import { createTransfer } from '../../../main/transfers/create';
import { auditRows, type Harness } from '../../support/harness';
import { eachHarness } from '../../support/companyWorld';
import { goodInput, instructionsOf, proofOf, requestRow, sessionOf, setUpTransfers } from '../../support/transfers';

let h: Harness;
eachHarness((harness) => (h = harness));

const lastStepOf = async (serial: string) => (await h.store.db.selectFrom('tokens').select('last_step').where('serial', '=', serial).executeTakeFirstOrThrow()).last_step;

describe('transfer requests (SPEC R-TRX-1..3)', () => {
  it('R-TRX-1, R-TRX-2, R-TRX-3, R-GEN-3: every bad field is refused at once, nothing written, no code spent', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'] });
    const session = await sessionOf(h, 'ippan001');
    const before = { audit: (await auditRows(h)).length, step: await lastStepOf('523405697') };
    const bad = {
      ...goodInput,
      debitAccountId: 'someone-elses',
      payee: { bankCode: '9999', branchCode: '12', type: 'ordinary' as const, number: '12345678', name: 'ﾔﾏﾀﾞ漢' },
      amount: 10_000_001,
      date: '2026-11-28',
    };
    const result = await createTransfer(h.core.deps, session, { ...bad, ...(await proofOf(h, 'ippan001')) }, h.clock.now());
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'TRANSFER_INVALID',
        fields: [
          { field: 'debitAccountId', problem: 'UNKNOWN_ACCOUNT' },
          { field: 'payee.branchCode', problem: 'DIGITS' },
          { field: 'payee.number', problem: 'DIGITS' },
          { field: 'payee.bankCode', problem: 'UNKNOWN_BANK' },
          { field: 'payee.name', problem: 'CHAR:5' },
          { field: 'amount', problem: 'OVER_LIMIT' },
          { field: 'date', problem: 'NOT_BUSINESS_DAY' },
        ],
      },
    });
    expect(await h.store.db.selectFrom('transfer_requests').selectAll().execute()).toEqual([]);
    expect({ audit: (await auditRows(h)).length, step: await lastStepOf('523405697') }).toEqual(before);
  });

  it('R-TRX-1, R-TRX-3: an unknown branch of a known bank, an amount of 0 and a past date are named', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'] });
    const session = await sessionOf(h, 'ippan001');
    const bad = { ...goodInput, payee: { ...goodInput.payee, branchCode: '999' }, amount: 0, date: '2026-11-20' };
    const result = await createTransfer(h.core.deps, session, { ...bad, ...(await proofOf(h, 'ippan001')) }, h.clock.now());
    expect(!result.ok && result.error.fields).toEqual([
      { field: 'payee.branchCode', problem: 'UNKNOWN_BRANCH' },
      { field: 'amount', problem: 'TOO_SMALL' },
      { field: 'date', problem: 'PAST' },
    ]);
  });

  it('R-TRX-2, R-TRX-4, R-GEN-2: a good request waits in 承認待ち with its converted name, audited with amount and payee', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'] });
    const session = await sessionOf(h, 'ippan001');
    const result = await createTransfer(h.core.deps, session, { ...goodInput, ...(await proofOf(h, 'ippan001')) }, h.clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await requestRow(h, result.value.requestId);
    expect(row).toMatchObject({ state: 'pending', amount: 120_000, approvals_needed: 1 });
    const content = JSON.parse(row.content);
    expect(content.payee.name).toBe('ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ');
    expect(result.value.digest).toBe(requestDigest(content));
    expect(await instructionsOf(h, row.id)).toEqual([]);
    const audit = (await auditRows(h)).filter((a) => a.action === 'transfer.create');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ requestId: row.id, amount: 120_000, payee: expect.stringContaining('ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ') });
  });

  it('R-TRX-9: a user without 依頼権限 is refused, and nothing is written', async () => {
    await setUpTransfers(h, 1, {});
    const session = await sessionOf(h, 'ippan001');
    const result = await createTransfer(h.core.deps, session, { ...goodInput, ...(await proofOf(h, 'ippan001')) }, h.clock.now());
    expect(result).toMatchObject({ ok: false, error: { code: 'TRANSFER_NO_RIGHT' } });
    expect(await h.store.db.selectFrom('transfer_requests').selectAll().execute()).toEqual([]);
  });

  it('R-TRX-4, R-TRX-8: under a rule of no approver the request is executed at once: one instruction, 送信中', async () => {
    await setUpTransfers(h, 0, { ippan001: ['request'] });
    const session = await sessionOf(h, 'ippan001');
    const result = await createTransfer(h.core.deps, session, { ...goodInput, ...(await proofOf(h, 'ippan001')) }, h.clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect((await requestRow(h, result.value.requestId)).state).toBe('sending');
    expect(await instructionsOf(h, result.value.requestId)).toHaveLength(1);
  });
});
