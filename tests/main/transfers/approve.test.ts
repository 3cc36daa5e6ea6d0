import { describe, expect, it } from 'vitest';
import { approveTransfer } from '../../../main/transfers/approve';
import { auditRows, loginWithOtp, nextStep, stepUp, type Harness } from '../../support/harness';
import { eachHarness } from '../../support/companyWorld';
import { approvalsOf, approve, instructionsOf, proofOf, requested, requestRow, sessionOf, setUpTransfers } from '../../support/transfers';

let h: Harness;
eachHarness((harness) => (h = harness));

const approvals = (requestId: string) => approvalsOf(h, requestId);

describe('承認 (SPEC R-TRX-4, R-OTP-4)', () => {
  it('R-TRX-4, R-TRX-8, R-GEN-2: two approvals from two users; the second executes the request with one instruction', async () => {
    await setUpTransfers(h, 2, { ippan001: ['request'], kmb05871: ['approve'], test12345: ['approve'] });
    const [requester, master, admin] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871'), await sessionOf(h, 'test12345')];
    const request = await requested(h, requester);
    expect(await approve(h, master, request)).toEqual({ ok: true, value: { state: 'pending', approvals: 1 } });
    nextStep(h);
    expect(await approve(h, master, request)).toMatchObject({ ok: false, error: { code: 'TRANSFER_ALREADY_APPROVED' } });
    expect(await instructionsOf(h, request.requestId)).toEqual([]);
    nextStep(h);
    const last = await approve(h, admin, request);
    expect(last).toMatchObject({ ok: true, value: { state: 'sending', approvals: 2 } });
    const [instruction] = await instructionsOf(h, request.requestId);
    expect(last.ok && last.value.instructionId).toBe(instruction!.id);
    expect(instruction).toMatchObject({ attempts: 0, outcome: null });
    expect((await requestRow(h, request.requestId)).state).toBe('sending');
    const rows = await approvals(request.requestId);
    expect(rows.map((a) => [a.user_id === master.userId || a.user_id === admin.userId, a.digest])).toEqual([
      [true, request.digest],
      [true, request.digest],
    ]);
    const audit = (await auditRows(h)).filter((a) => a.action === 'transfer.approve' || a.action === 'transfer.execute');
    expect(audit.map((a) => [a.action, a.actor_login_id, a.target_login_id, a.result])).toEqual([
      ['transfer.approve', 'kmb05871', 'ippan001', 'success'],
      // A refusal is recorded on the operator, as every step-up refusal is (main/attempts/failures.ts).
      ['transfer.approve', 'kmb05871', 'kmb05871', 'failure'],
      ['transfer.approve', 'test12345', 'ippan001', 'success'],
      ['transfer.execute', 'test12345', 'ippan001', 'success'],
    ]);
    expect(JSON.parse(audit[3]!.detail!)).toMatchObject({ amount: 120_000, instructionId: instruction!.id, payee: expect.stringContaining('7654321') });
  });

  it('R-TRX-4: an approval of other content than the current one is refused, and its code stays unspent', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'], kmb05871: ['approve'] });
    const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
    const request = await requested(h, requester);
    const proof = await proofOf(h, 'kmb05871');
    const wrong = await approveTransfer(h.core.deps, master, { requestId: request.requestId, digest: '0'.repeat(64), ...proof }, h.clock.now());
    expect(wrong).toMatchObject({ ok: false, error: { code: 'TRANSFER_CHANGED' } });
    expect(await approvals(request.requestId)).toEqual([]);
    const right = await approveTransfer(h.core.deps, master, { requestId: request.requestId, digest: request.digest, ...proof }, h.clock.now());
    expect(right).toMatchObject({ ok: true, value: { state: 'sending' } });
  });

  it('R-TRX-4, R-TRX-9: the requester may not approve their own request, even as master with 承認権限', async () => {
    await setUpTransfers(h, 1, { kmb05871: ['request', 'approve'] });
    const master = await sessionOf(h, 'kmb05871');
    const request = await requested(h, master);
    expect(await approve(h, master, request)).toMatchObject({ ok: false, error: { code: 'TRANSFER_OWN_REQUEST' } });
    expect(await approvals(request.requestId)).toEqual([]);
    expect((await requestRow(h, request.requestId)).state).toBe('pending');
  });

  it('R-TRX-9: a user without 承認権限 is refused', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'], kmb05871: ['request'] });
    const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
    const request = await requested(h, requester);
    expect(await approve(h, master, request)).toMatchObject({ ok: false, error: { code: 'TRANSFER_NO_RIGHT' } });
    expect(await approvals(request.requestId)).toEqual([]);
  });

  it('R-OTP-2, R-OTP-4: a code accepted for the login is refused for an approval in the same step', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'], kmb05871: ['approve'] });
    const request = await requested(h, await sessionOf(h, 'ippan001'));
    const opened = await loginWithOtp(h, 'kmb05871');
    const master = await h.core.deps.sessions.resolve(opened.sessionId, h.clock.now());
    if (!master.ok) throw new Error('no session');
    expect(await approve(h, master.value, request)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    expect(await approvals(request.requestId)).toEqual([]);
    expect(await instructionsOf(h, request.requestId)).toEqual([]);
  });

  it('R-OTP-3, R-OTP-4: a locked approver is refused', async () => {
    await setUpTransfers(h, 1, { ippan001: ['request'], kmb05871: ['approve'] });
    const [requester, master] = [await sessionOf(h, 'ippan001'), await sessionOf(h, 'kmb05871')];
    const request = await requested(h, requester);
    await h.store.db.updateTable('users').set({ locked_at: h.clock.now().getTime() }).where('login_id', '=', 'kmb05871').execute();
    expect(await approve(h, master, request)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await approvals(request.requestId)).toEqual([]);
  });

  it('R-OTP-4: an approver whose token was revoked (R-REV) is refused', async () => {
    await setUpTransfers(h, 1, { test12345: ['request'], ippan001: ['approve'] });
    const [requester, general] = [await sessionOf(h, 'test12345'), await sessionOf(h, 'ippan001')];
    const request = await requested(h, requester);
    const master = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    expect(await h.core.api.tokens.revoke({ sessionId: master.sessionId, loginIds: ['ippan001'], ...(await stepUp(h)) })).toMatchObject({ ok: true });
    expect(await approve(h, general, request)).toMatchObject({ ok: false, error: { code: 'NO_ACTIVE_TOKEN' } });
    expect(await approvals(request.requestId)).toEqual([]);
  });
});
