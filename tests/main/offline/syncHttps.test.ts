import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
import { MAX_BLOCK_STEPS, MAX_SYNC_HOLDERS } from '../../../shared/contract/syncChannels';
import { fingerprintOf } from '../../../main/remote/pin';
import { createRemote, type Remote } from '../../../main/remote/remoteDispatch';
import { value } from '../../support/admin';
import { userRecord } from '../../support/db';
import { createHarness, PASSWORDS } from '../../support/harness';
import { startServer, type ServerHarness } from '../../support/server';
import { serverStoreOnly } from '../../support/serverDialect';
import { apply, issueBlock, queued, registerDesk, report, rowsOfKey, SHARED, spentOffline, stepFrom, versions, type Desk, type SyncCall } from '../../support/sync';

/**
 * The sync channels through the real company server (Fastify over HTTPS, PostgreSQL), called by the desktop's
 * own client (main/remote/remoteDispatch.ts, pinned): what a connected desktop does at reconnect (SPEC R-OFF-7).
 */
const skip = serverStoreOnly();
let s: ServerHarness;
let remote: Remote;
let call: SyncCall;
let master: string;
let desk: Desk;

beforeAll(async () => {
  if (skip) return;
  // The harness's own store (the postgres project's), behind the server's core.
  s = await startServer({ harness: await createHarness() });
  remote = createRemote({ url: s.base, fingerprint: fingerprintOf(new X509Certificate(s.ca).raw), retryDelayMs: 0 });
  call = remote.dispatch;
  master = await login('kmb05871');
  desk = await registerDesk(call, master);
});
afterAll(async () => {
  await remote?.close();
  await s?.close();
  await s?.h.close();
});

async function login(loginId: string, serial = SHARED): Promise<string> {
  s.h.clock.advance(10 * 60_000);
  const step = value(await call('auth:login', { loginId, password: PASSWORDS.login })) as { challengeId: string };
  return (value(await call('auth:verify-otp', { challengeId: step.challengeId, otp: await s.h.codeOf(serial) })) as { sessionId: string }).sessionId;
}

describe.skipIf(skip)('sync over HTTPS against the company server on PostgreSQL (SPEC R-OFF-7, R-OFF-8)', () => {
  it('SPEC R-OFF-1, R-OFF-7: block, reported step, queued revocation applied once; the retried key answers the same', async () => {
    expect(value(await call('sync:issue-block', { sessionId: master, ...desk }))).toMatchObject({ block: { loginId: 'kmb05871' } });
    const proof = await spentOffline(s.h, call, desk, 'kmb05871', stepFrom(s.h, 2));
    const op = await queued(s.h, { channel: 'tokens:revoke', request: { loginIds: ['kigen001'] }, proof });
    const first = await apply(call, desk, op);
    expect(first).toMatchObject({ accepted: true });
    expect(await apply(call, desk, op)).toEqual(first);
    expect(await rowsOfKey(s.h, op.key)).toMatchObject([{ action: 'token.revoke', target_login_id: 'kigen001', result: 'success' }]);
  });

  it('SPEC R-OFF-7: one key sent by 8 requests at once over HTTPS: exactly one applies, all 8 answer its outcome', async () => {
    const proof = await spentOffline(s.h, call, desk, 'kmb05871', stepFrom(s.h, 3));
    const op = await queued(s.h, { channel: 'users:update', request: { loginId: 'ippan001', name: '同時 更新' }, proof, baseVersions: await versions(call, master, 'ippan001') });
    const answers = await Promise.all(Array.from({ length: 8 }, () => s.call('sync:apply', { ...desk, operations: [op] })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0]!.body).toMatchObject({ ok: true, value: { outcomes: [{ accepted: true }] } });
    expect(await rowsOfKey(s.h, op.key)).toHaveLength(1);
  });

  it('SPEC R-OFF-8: a change of a user removed online meanwhile → OFFLINE_TARGET_GONE over HTTPS', async () => {
    const proof = await spentOffline(s.h, call, desk, 'kmb05871', stepFrom(s.h, 4));
    const op = await queued(s.h, { channel: 'users:unlock', request: { loginId: 'shinki01' }, proof, baseVersions: await versions(call, master, 'shinki01') });
    s.h.clock.advance(10 * 60_000);
    const online = { sessionId: await login('test12345'), authPassword: PASSWORDS.auth };
    s.h.clock.advance(60_000);
    value(await call('users:remove', { ...online, loginId: 'shinki01', otp: await s.h.codeOf(SHARED) }));
    expect(await apply(call, desk, op)).toEqual({ accepted: false, reason: 'OFFLINE_TARGET_GONE' });
  });

  it('SPEC R-OFF-4: failures reported over HTTPS lock a user issued a block there, no other; credentials refused; another company\'s desktop cannot use this company\'s operator', async () => {
    await issueBlock(call, desk, await login('ippan001', '523405697'));
    value(await report(call, desk, { failures: { test12345: 5 } }));
    expect((await userRecord(s.h, 'test12345'))!.failed_attempts).toBe(0);
    expect(value(await report(call, desk, { failures: { ippan001: 5 }, holders: ['ippan001'] }))).toMatchObject({ void: ['ippan001'] });
    expect((await userRecord(s.h, 'ippan001'))!.locked_at).not.toBeNull();
    expect(await report(call, { ...desk, desktopSecret: 'x'.repeat(43) }, {})).toEqual({ ok: false, error: { code: 'DESKTOP_UNKNOWN' } });
    const other = await registerDesk(call, await login('tasha001', '700000001'));
    const stolen = await queued(s.h, { channel: 'tokens:revoke', request: { loginIds: ['test12345'] }, proof: { serial: SHARED, step: stepFrom(s.h, 2) } });
    expect(await apply(call, other, stolen)).toEqual({ accepted: false, reason: 'OFFLINE_OPERATOR_INVALID' });
    const result = (await call('sync:replica', { ...other, holders: ['kmb05871'] })) as Result<{ users: unknown; top: object }>;
    expect(result).toMatchObject({ ok: true, value: { users: null, top: {} } });
  });
});

describe.skipIf(skip)('issue 19 over HTTPS against the company server on PostgreSQL', () => {
  it('SPEC R-REV-1: a general user\'s self-registered desktop naming the master gets no user list, no master top page, and the master listed void', async () => {
    // The R-OFF-4 test above locked ippan001; unlocked here, as an admin would.
    await s.h.store.db.updateTable('users').set({ locked_at: null, failed_attempts: 0 }).where('login_id', '=', 'ippan001').execute();
    const general = await login('ippan001', '523405697');
    const own = await registerDesk(call, general);
    await issueBlock(call, own, general);
    const replica = value(await call('sync:replica', { ...own, holders: ['kmb05871', 'ippan001'] })) as { users: unknown; top: Record<string, unknown> };
    expect(replica.users).toBeNull();
    expect(Object.keys(replica.top)).toEqual(['ippan001']);
    expect(value(await report(call, own, { holders: ['kmb05871', 'ippan001'] }))).toMatchObject({ void: ['kmb05871'] });
  });

  it('SPEC R-TOK-1, R-OTP-2: a holder reporting its block\'s last step over HTTPS locks nobody out: the co-holder logs in at once', async () => {
    const sessionId = await login('test12345');
    const block = await issueBlock(call, desk, sessionId);
    const last = block.firstStep + block.hashes.length - 1;
    const answer = value(await report(call, desk, { used: [{ serial: SHARED, step: last, loginId: 'test12345', at: s.h.clock.now().getTime() }] }));
    expect(answer.reports.map((r) => r.outcome)).toEqual(['aheadOfClock']);
    expect(await login('kmb05871')).toEqual(expect.any(String));
    expect(await userRecord(s.h, 'kmb05871')).toMatchObject({ failed_attempts: 0, locked_at: null });
  });

  it('SPEC R-OFF-7: the sync channels are limited per desktop ID, besides the per-address limit: another desktop is not held back', async () => {
    const limited = await startServer({ harness: s.h, desktopRateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const other = await registerDesk(call, await login('kmb05871'));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.call('sync:report-steps', { ...desk, used: [], failures: {}, serials: [], holders: [] })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await limited.call('sync:replica', { ...desk, holders: [] })).status).toBe(429);
      expect((await limited.call('sync:report-steps', { ...other, used: [], failures: {}, serials: [], holders: [] })).status).toBe(200);
      expect((await limited.call('auth:login', { loginId: 'kmb05871', password: 'x' })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('SPEC R-OFF-7: a maximal report (MAX_SYNC_HOLDERS login IDs × MAX_BLOCK_STEPS steps) fits the body limit and is answered', async () => {
    const loginIds = Array.from({ length: MAX_SYNC_HOLDERS }, (_, i) => `user${String(i).padStart(4, '0')}`);
    const used = loginIds.flatMap((loginId) => Array.from({ length: MAX_BLOCK_STEPS }, (_, i) => ({ serial: SHARED, step: stepFrom(s.h, 1) + i, loginId, at: s.h.clock.now().getTime() })));
    const answer = await s.call('sync:report-steps', { ...desk, used, failures: {}, serials: [], holders: loginIds });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true });
  });

  it('SPEC R-OFF-1, R-OFF-4, R-REV-1 (issue 19 review F1): the PC\'s report locks the master; after the admin\'s unlock the voided block locks nobody, its step is blockVoid, no replica', async () => {
    const there = await login('kmb05871');
    const pc = await registerDesk(call, there);
    await issueBlock(call, pc, there);
    expect(value(await report(call, pc, { failures: { kmb05871: 5 }, holders: ['kmb05871'] }))).toMatchObject({ void: ['kmb05871'] });
    const admin = await login('test12345');
    s.h.clock.advance(60_000);
    value(await call('users:unlock', { sessionId: admin, authPassword: PASSWORDS.auth, otp: await s.h.codeOf(SHARED), loginId: 'kmb05871' }));
    const used = [{ serial: SHARED, step: stepFrom(s.h, 1), loginId: 'kmb05871', at: s.h.clock.now().getTime() }];
    const answer = value(await report(call, pc, { used, failures: { kmb05871: 5 }, holders: ['kmb05871'] }));
    expect(answer).toMatchObject({ reports: [{ outcome: 'blockVoid' }], void: ['kmb05871'] });
    expect(await userRecord(s.h, 'kmb05871')).toMatchObject({ failed_attempts: 0, locked_at: null });
    expect(value(await call('sync:replica', { ...pc, holders: ['kmb05871'] }))).toMatchObject({ users: null, top: {} });
  });
});
