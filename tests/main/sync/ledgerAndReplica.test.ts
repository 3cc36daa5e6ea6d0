import { describe, expect, it } from 'vitest';
import type { UserRow } from '../../../shared/contract/models';
import { acceptsAbove, emptyLedger, unreported, withFailure, withReport, withStep } from '../../../main/offline/ledger';
import { applyEdit, newRow, sortRows, withNoticeRead } from '../../../main/sync/replicaEdits';
import type { Replica } from '../../../shared/contract/syncModels';

const NOW = new Date('2026-12-01T01:00:00Z');
const row = (loginId: string, over: Partial<UserRow> = {}): UserRow => ({ ...newRow(loginId, loginId.toUpperCase(), 'general'), ...over });

describe('the ledger at sync (main/offline/ledger)', () => {
  it('SPEC R-OFF-7: a sync sends each step and each failure once; a step answered for stays refused here', () => {
    let ledger = withFailure(withFailure(emptyLedger(), 'ippan001'), 'ippan001');
    ledger = withStep(ledger, 'S1', 100, 'kmb05871', NOW);
    ledger = withStep(ledger, 'S1', 101, 'test12345', NOW);
    const sent = unreported(ledger);
    expect(sent).toEqual({
      used: [
        { serial: 'S1', step: 100, loginId: 'kmb05871', at: NOW.getTime() },
        { serial: 'S1', step: 101, loginId: 'test12345', at: NOW.getTime() },
      ],
      failures: { ippan001: 2 },
    });
    // The server saw step 100 as the highest elsewhere: 101 is kept (above the floor), 100 is covered by it.
    const after = withReport(ledger, sent, { S1: 100 });
    expect(unreported(after)).toEqual({ used: [], failures: {} });
    expect(after.used).toEqual([{ serial: 'S1', step: 101, loginId: 'test12345', at: NOW.getTime(), reported: true }]);
    expect(acceptsAbove(after, 'S1')).toBe(101);
    // A failure after the report is the only one sent next time; the lock still counts all three.
    const again = withFailure(after, 'ippan001');
    expect(unreported(again).failures).toEqual({ ippan001: 1 });
    expect(again.failures.ippan001).toBe(3);
  });

  it('SPEC R-OFF-7: a step taken while the report was on its way is sent at the next sync', () => {
    const ledger = withStep(emptyLedger(), 'S1', 100, 'kmb05871', NOW);
    const sent = unreported(ledger);
    const meanwhile = withStep(ledger, 'S1', 102, 'kmb05871', NOW);
    expect(unreported(withReport(meanwhile, sent, { S1: 100 })).used.map((u) => u.step)).toEqual([102]);
  });
});

describe('the replica edited by queued operations (main/sync/replicaEdits)', () => {
  const replica: Replica = { syncedAt: NOW.toISOString(), users: [row('b', { serial: 'S1', otpState: 'locked' }), row('a', { serial: 'S2', otpState: 'active' })], top: {} };

  it('SPEC R-OFF-6: revocation, unlock, change, removal and registration show at once on this desktop', () => {
    const revoked = applyEdit(replica, { channel: 'tokens:revoke', loginIds: ['a'] });
    expect(revoked.users!.find((u) => u.loginId === 'a')!.otpState).toBe('revoked');
    expect(applyEdit(replica, { channel: 'users:unlock', loginId: 'b' }).users!.find((u) => u.loginId === 'b')!.otpState).toBe('active');
    expect(applyEdit(replica, { channel: 'users:update', loginId: 'b', name: '新' }).users!.find((u) => u.loginId === 'b')!.name).toBe('新');
    expect(applyEdit(replica, { channel: 'users:remove', loginId: 'b' }).users!.map((u) => u.loginId)).toEqual(['a']);
    expect(applyEdit(replica, { channel: 'users:register', row: row('c') }).users!.map((u) => u.loginId)).toEqual(['b', 'a', 'c']);
  });

  it('SPEC R-OFF-5: BRSK027 orders over the replica, login ID breaking ties', () => {
    expect(sortRows(replica.users!, 'loginId-asc').map((u) => u.loginId)).toEqual(['a', 'b']);
    expect(sortRows(replica.users!, 'loginId-desc').map((u) => u.loginId)).toEqual(['b', 'a']);
    expect(sortRows(replica.users!, 'otpState-asc').map((u) => u.loginId)).toEqual(['a', 'b']);
  });

  it('SPEC R-OFF-5: a notice read offline counts as read on this desktop', () => {
    const notice = { id: 7, publishedAt: NOW.toISOString(), endsAt: NOW.toISOString(), title: 't', body: 'b', read: false };
    const top = { loginHistory: [], notices: [notice], unreadCount: 1, pendingApprovalCount: 0, authPasswordReset: null, token: null };
    const read = withNoticeRead({ ...replica, top: { a: top } }, 'a', 7);
    expect(read.top.a).toMatchObject({ unreadCount: 0, notices: [{ id: 7, read: true }] });
  });
});
