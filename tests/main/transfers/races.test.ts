import { describe, expect, it } from 'vitest';
import { cancelTransfer } from '../../../main/transfers/cancel';
import type { Harness } from '../../support/harness';
import { eachHarness } from '../../support/companyWorld';
import { approvalsOf, approve, instructionsOf, requested, requestRow, sessionOf, setUpTransfers } from '../../support/transfers';

let h: Harness;
eachHarness((harness) => (h = harness));

const approvals = (requestId: string) => approvalsOf(h, requestId);

describe('once only (SPEC R-TRX-5)', () => {
  it('R-TRX-5, R-OTP-4: two approvers racing on the last approval give one instruction and one refusal', async () => {
    await setUpTransfers(h, 1, { test12345: ['request'], kmb05871: ['approve'], ippan001: ['approve'] });
    const [requester, master, general] = [await sessionOf(h, 'test12345'), await sessionOf(h, 'kmb05871'), await sessionOf(h, 'ippan001')];
    const request = await requested(h, requester);
    // Two tokens, so both codes are good: only the request's state can refuse one of them.
    const results = await Promise.all([approve(h, master, request), approve(h, general, request)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ error: { code: 'TRANSFER_NOT_PENDING' } }]);
    expect(await instructionsOf(h, request.requestId)).toHaveLength(1);
    expect(await approvals(request.requestId)).toHaveLength(1);
    expect((await requestRow(h, request.requestId)).state).toBe('sending');
  });

  it('R-TRX-4, R-TRX-5: an approval against a cancel ends in exactly one allowed state', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'], kmb05871: ['approve'] });
    const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
    const request = await requested(h, requester);
    const [approved, cancelled] = await Promise.all([approve(h, master, request), cancelTransfer(h.core.deps, requester, request.requestId, h.clock.now())]);
    expect([approved.ok, cancelled.ok].filter(Boolean)).toHaveLength(1);
    const state = (await requestRow(h, request.requestId)).state;
    const instructions = await instructionsOf(h, request.requestId);
    if (approved.ok) {
      expect([state, instructions.length, (await approvals(request.requestId)).length]).toEqual(['sending', 1, 1]);
      expect(cancelled).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_PENDING' } });
    } else {
      expect([state, instructions.length, (await approvals(request.requestId)).length]).toEqual(['cancelled', 0, 0]);
      expect(approved).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_PENDING' } });
    }
  });
});
