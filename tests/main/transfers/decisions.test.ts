import { beforeEach, describe, expect, it } from 'vitest';
import { cancelTransfer } from '../../../main/transfers/cancel';
import { expireLapsed } from '../../../main/transfers/expire';
import { returnTransfer } from '../../../main/transfers/returnRequest';
import { auditRows, type Harness } from '../../support/harness';
import { eachHarness } from '../../support/companyWorld';
import { jst } from '../../support/clock';
import { approve, instructionsOf, proofOf, requested, requestRow, sessionOf, setUpTransfers } from '../../support/transfers';

let h: Harness;
eachHarness((harness) => (h = harness));
beforeEach(() => setUpTransfers(h, 1, { ippan001: ['request'], kmb05871: ['approve'] }));

describe('差戻し, 取消 and 期限切れ (SPEC R-TRX-4, R-TRX-5)', () => {
  it('R-TRX-4: an approver returns a request (差戻し) with password + OTP; it can no longer be approved', async () => {
    const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
    const request = await requested(h, requester);
    const returned = await returnTransfer(h.core.deps, master, { requestId: request.requestId, ...(await proofOf(h, 'kmb05871')) }, h.clock.now());
    expect(returned).toEqual({ ok: true, value: { state: 'returned' } });
    h.clock.advance(60_000);
    expect(await approve(h, master, request)).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_PENDING', problem: 'returned' } });
    const row = (await auditRows(h)).find((a) => a.action === 'transfer.return')!;
    expect([row.actor_login_id, row.target_login_id, JSON.parse(row.detail!).amount]).toEqual(['kmb05871', 'ippan001', 120_000]);
  });

  it('R-TRX-4: the requester may not return their own request', async () => {
    const requester = await sessionOf(h, 'ippan001');
    await h.store.db.insertInto('transaction_rights').values({ user_id: requester.userId, kind: 'transfer', allows: 'approve' }).execute();
    const request = await requested(h, requester);
    const result = await returnTransfer(h.core.deps, requester, { requestId: request.requestId, ...(await proofOf(h, 'ippan001')) }, h.clock.now());
    expect(result).toMatchObject({ ok: false, error: { code: 'TRANSFER_OWN_REQUEST' } });
    expect((await requestRow(h, request.requestId)).state).toBe('pending');
  });

  it('R-TRX-4, R-GEN-2: only the requester cancels (取消), and only before the last approval', async () => {
    const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
    const first = await requested(h, requester);
    expect(await cancelTransfer(h.core.deps, master, first.requestId, h.clock.now())).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_REQUESTER' } });
    expect(await cancelTransfer(h.core.deps, requester, first.requestId, h.clock.now())).toEqual({ ok: true, value: { state: 'cancelled' } });
    const second = await requested(h, requester);
    expect(await approve(h, master, second)).toMatchObject({ ok: true });
    expect(await cancelTransfer(h.core.deps, requester, second.requestId, h.clock.now())).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_PENDING', problem: 'sending' } });
    expect(await instructionsOf(h, second.requestId)).toHaveLength(1);
    const audit = (await auditRows(h)).filter((a) => a.action === 'transfer.cancel').map((a) => [a.actor_login_id, a.result, a.reason]);
    expect(audit).toEqual([
      ['kmb05871', 'failure', 'TRANSFER_NOT_REQUESTER'],
      ['ippan001', 'success', null],
      ['ippan001', 'failure', 'TRANSFER_NOT_PENDING'],
    ]);
  });

  it('R-TRX-5: a request whose date passed before its last approval expires (期限切れ) and cannot be approved', async () => {
    const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
    const today = await requested(h, requester, { date: '2026-11-24' });
    const tomorrow = await requested(h, requester);
    h.clock.set(jst('2026-11-24T15:00:00'));
    expect(await approve(h, master, today)).toMatchObject({ ok: false, error: { code: 'TRANSFER_EXPIRED' } });
    expect(await expireLapsed(h.store.db, h.clock.now(), h.core.deps.rules.transfers)).toEqual({ ok: true, value: { expired: [today.requestId] } });
    expect([(await requestRow(h, today.requestId)).state, (await requestRow(h, tomorrow.requestId)).state]).toEqual(['expired', 'pending']);
    h.clock.set(jst('2026-11-26T09:00:00'));
    expect(await expireLapsed(h.store.db, h.clock.now(), h.core.deps.rules.transfers)).toEqual({ ok: true, value: { expired: [tomorrow.requestId] } });
    expect(await approve(h, master, tomorrow)).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_PENDING', problem: 'expired' } });
    expect(await instructionsOf(h, tomorrow.requestId)).toEqual([]);
    const audit = (await auditRows(h)).filter((a) => a.action === 'transfer.expire');
    expect(audit.map((a) => [a.actor_login_id, a.target_login_id, JSON.parse(a.detail!).amount])).toEqual([
      [null, 'ippan001', 120_000],
      [null, 'ippan001', 120_000],
    ]);
  });
});
