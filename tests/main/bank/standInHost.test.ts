import { describe, expect, it } from 'vitest';
import { StandInHost } from '../../../main/bank/standInHost';
import type { HostInstruction } from '../../../main/bank/host';
import { requestDigest } from '../../../main/transfers/approvalRule';

const instruction = (id: string, amount = 5_000, debitNumber = '1234567'): HostInstruction => ({
  id,
  content: {
    kind: 'transfer',
    debit: { bankCode: '0001', branchCode: '001', type: 'ordinary', number: debitNumber },
    payee: { bankCode: '0005', branchCode: '100', type: 'ordinary', number: '7654321', name: 'ﾔﾏﾀﾞ' },
    amount,
    date: '2026-11-25',
    fee: 'ours',
    memo: '',
  },
});

describe('the stand-in bank host (SPEC R-TRX-8)', () => {
  it('R-TRX-8: an ID sent again books nothing twice and gets its first 受付番号', async () => {
    const host = new StandInHost();
    const first = await host.send(instruction('a'));
    expect(await host.send(instruction('a'))).toEqual(first);
    expect(await host.send(instruction('b'))).not.toEqual(first);
    expect(host.bookings().map((b) => b.instruction.id)).toEqual(['a', 'b']);
  });

  it('R-TRX-8: the same ID with other content is refused, and the booking keeps its first content', async () => {
    const host = new StandInHost();
    await host.send(instruction('a'));
    expect(await host.send(instruction('a', 6_000))).toEqual({ refused: 'ID_REUSED' });
    expect(requestDigest(host.bookings()[0]!.instruction.content)).toBe(requestDigest(instruction('a').content));
  });

  it('R-TRX-8: a configured account is refused and books nothing', async () => {
    const host = new StandInHost({ refusedAccounts: ['7777777'] });
    expect(await host.send(instruction('a', 5_000, '7777777'))).toEqual({ refused: 'ACCOUNT_REFUSED' });
    expect(host.bookings()).toEqual([]);
  });

  it('R-TRX-8: a held host answers only once released, having booked on receipt', async () => {
    const host = new StandInHost();
    const release = host.hold();
    let answered = false;
    const reply = host.send(instruction('a')).then((r) => ((answered = true), r));
    expect(host.bookings()).toHaveLength(1);
    expect(answered).toBe(false);
    release();
    expect(await reply).toEqual({ accepted: 'R000000001' });
  });

  it('R-TRX-8: a host that settles after a delay has booked on receipt, and answers once settled', async () => {
    const host = new StandInHost({ settleMs: 5 });
    const reply = host.send(instruction('a'));
    expect(host.bookings()).toHaveLength(1);
    expect(await reply).toEqual({ accepted: 'R000000001' });
  });
});
