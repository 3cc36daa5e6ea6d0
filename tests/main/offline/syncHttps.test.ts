import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
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
