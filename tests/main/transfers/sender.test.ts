import { beforeEach, describe, expect, it } from 'vitest';
import type { BankHost, HostInstruction } from '../../../main/bank/host';
import { StandInHost } from '../../../main/bank/standInHost';
import { deliverPending, type SenderOptions } from '../../../main/transfers/sender';
import { auditRows, type Harness } from '../../support/harness';
import { eachHarness } from '../../support/companyWorld';
import { approve, instructionsOf, requested, requestRow, sessionOf, setUpTransfers } from '../../support/transfers';

let h: Harness;
eachHarness((harness) => (h = harness));
beforeEach(() => setUpTransfers(h, 1, { ippan001: ['request'], kmb05871: ['approve'] }));

/** A request approved to 送信中: its instruction is written, nothing sent yet. */
async function executed() {
  const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
  const request = await requested(h, requester);
  const approved = await approve(h, master, request);
  if (!approved.ok || !approved.value.instructionId) throw new Error(`not executed: ${JSON.stringify(approved)}`);
  return { requestId: request.requestId, instructionId: approved.value.instructionId };
}

/** The host as a sender sees it, recording every ID sent. */
function recording(host: BankHost, sent: string[]): BankHost {
  return { send: (i: HostInstruction) => (sent.push(i.id), host.send(i)) };
}

/** Waits for the answer as long as it takes (ends when answered). */
const patient: SenderOptions['answerWithin'] = (signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
/** Gives up at once: every answer held back by the host comes too late. */
const impatient: SenderOptions['answerWithin'] = () => Promise.resolve();

describe('the sender and the bank host (SPEC R-TRX-8, DESIGN-NOTES 12)', () => {
  it('R-TRX-8, R-GEN-2: an instruction is delivered under its ID and its 受付番号 recorded; 受付済', async () => {
    const { requestId, instructionId } = await executed();
    const host = new StandInHost();
    const deliveries = await deliverPending(h.store.db, { host, answerWithin: patient }, h.clock.now);
    expect(deliveries).toEqual([{ instructionId, outcome: 'accepted' }]);
    const [instruction] = await instructionsOf(h, requestId);
    expect(instruction).toMatchObject({ attempts: 1, outcome: 'accepted', receipt_no: 'R000000001' });
    expect((await requestRow(h, requestId)).state).toBe('accepted');
    expect(host.bookings().map((b) => [b.instruction.id, b.instruction.content.amount])).toEqual([[instructionId, 120_000]]);
    const audit = (await auditRows(h)).filter((a) => a.action === 'transfer.send' || a.action === 'transfer.answer');
    expect(audit.map((a) => [a.action, a.result, JSON.parse(a.detail!).amount])).toEqual([
      ['transfer.send', 'success', 120_000],
      ['transfer.answer', 'success', 120_000],
    ]);
    expect(await deliverPending(h.store.db, { host, answerWithin: patient }, h.clock.now)).toEqual([]);
  });

  it('R-TRX-8: a refusal by the host is recorded with its reason: 送信失敗, nothing booked', async () => {
    const { requestId } = await executed();
    const host = new StandInHost({ refusedAccounts: ['1234567'] });
    await deliverPending(h.store.db, { host, answerWithin: patient }, h.clock.now);
    expect((await instructionsOf(h, requestId))[0]).toMatchObject({ outcome: 'refused', refusal: 'ACCOUNT_REFUSED', receipt_no: null });
    expect((await requestRow(h, requestId)).state).toBe('failed');
    expect(host.bookings()).toEqual([]);
  });

  it('R-TRX-5, R-TRX-8: a host timeout, then its late answer: the retry resends the same ID and one booking stands', async () => {
    const { requestId, instructionId } = await executed();
    const host = new StandInHost();
    const sent: string[] = [];
    const release = host.hold();
    expect(await deliverPending(h.store.db, { host: recording(host, sent), answerWithin: impatient }, h.clock.now)).toEqual([{ instructionId, outcome: 'timeout' }]);
    expect((await requestRow(h, requestId)).state).toBe('sending');
    expect((await instructionsOf(h, requestId))[0]).toMatchObject({ attempts: 1, outcome: null });
    release();
    h.clock.advance(60_000);
    expect(await deliverPending(h.store.db, { host: recording(host, sent), answerWithin: patient }, h.clock.now)).toEqual([{ instructionId, outcome: 'accepted' }]);
    expect(sent).toEqual([instructionId, instructionId]);
    expect(host.bookings()).toHaveLength(1);
    expect((await instructionsOf(h, requestId))[0]).toMatchObject({ attempts: 2, outcome: 'accepted', receipt_no: 'R000000001' });
    expect((await requestRow(h, requestId)).state).toBe('accepted');
  });

  it('R-TRX-5, R-TRX-8: after a crash between the approval and the answer, a new sender finds it 送信中 and one retry books it once', async () => {
    const { requestId, instructionId } = await executed();
    const host = new StandInHost();
    // The process that approved died before any sender ran: the instruction waits in the store.
    expect((await requestRow(h, requestId)).state).toBe('sending');
    const sent: string[] = [];
    expect(await deliverPending(h.store.db, { host: recording(host, sent), answerWithin: patient }, h.clock.now)).toEqual([{ instructionId, outcome: 'accepted' }]);
    expect(sent).toEqual([instructionId]);
    expect(host.bookings()).toHaveLength(1);
    expect((await requestRow(h, requestId)).state).toBe('accepted');
  });

  it('R-TRX-5: two senders at once send the same ID; the host books once and one answer is recorded', async () => {
    const { requestId } = await executed();
    const host = new StandInHost();
    await Promise.all([0, 1].map(() => deliverPending(h.store.db, { host, answerWithin: patient }, h.clock.now)));
    expect(host.bookings()).toHaveLength(1);
    expect((await instructionsOf(h, requestId))[0]).toMatchObject({ outcome: 'accepted' });
    expect((await auditRows(h)).filter((a) => a.action === 'transfer.answer')).toHaveLength(1);
  });
});
