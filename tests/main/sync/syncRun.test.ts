import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_APPLY_BATCH, MAX_APPLY_REGISTRATIONS } from '../../../shared/contract/syncChannels';
import type { ConnectedDesktop } from '../../support/connectedDesktop';
import { auditRows, loginWithOtp, nextStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';
import { userRecord } from '../../support/db';
import { NEAR, eachOfflineWorld, OFFLINE_TEST_RULES, type OfflineWorld } from '../../support/offlineWorld';

let w: OfflineWorld;
let h: Harness;

eachOfflineWorld((world) => ({ h } = w = world));

const offlineLogin = (d: ConnectedDesktop, loginId: string) => d.call('auth:login', { loginId, password: PASSWORDS.login });

/** An online login of each user on `d` (their blocks issued), then the cut and kmb05871's offline session. */
async function offlineMaster(d: ConnectedDesktop, ...others: [string, string?][]): Promise<string> {
  await w.loginAt(d, 'kmb05871');
  for (const [loginId, serial] of others) await w.loginAt(d, loginId, serial);
  await d.cut();
  return (await w.loginAt(d, 'kmb05871')).sessionId;
}

describe('the sync at reconnect (main/sync/syncRun.ts)', () => {
  it('SPEC R-OFF-3/7: an operation queued while the sync runs goes after its step is reported, never refused as a replay', async () => {
    const d = await w.desktop();
    const sessionId = await offlineMaster(d);
    // More than two batches, so the sync is still sending when one more is queued.
    const AHEAD = 2 * MAX_APPLY_BATCH + 10;
    for (let i = 0; i < AHEAD; i++) expect(await d.call('users:update', { sessionId, loginId: 'shinki01', name: `名前${i}`, ...(await w.stepUp()) })).toMatchObject({ ok: true });
    d.proxy.mode('pass');
    const sync = d.offline.probeNow();
    await new Promise<void>((resolve) => {
      const check = () => ((d.offline.status().sync?.done ?? 0) >= 1 ? resolve() : setImmediate(check));
      check();
    });
    expect(await d.call('users:update', { sessionId, loginId: 'shinki01', name: '同期中の名前', ...(await w.stepUp()) })).toMatchObject({ ok: true });
    // Queued while (b) was still sending the others: the step it proves was not in the report (a) had sent.
    expect(d.offline.status().sync!.done).toBeLessThan(AHEAD);
    await sync;
    await d.offline.idle();
    expect(d.offline.status()).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    expect((await userRecord(h, 'shinki01'))?.name).toBe('同期中の名前');
    expect((await auditRows(h)).filter((r) => r.reason === 'OFFLINE_REPLAY')).toEqual([]);
  });

  it('SPEC R-OFF-7 (issue 19 finding 6): queued registrations go in batches within the server\'s cap, all applied', async () => {
    const d = await w.desktop();
    const sessionId = await offlineMaster(d);
    const COUNT = MAX_APPLY_REGISTRATIONS + 2;
    const loginIds = Array.from({ length: COUNT }, (_, i) => `shinjin${String(i).padStart(2, '0')}`);
    for (const loginId of loginIds) {
      const user = { loginId, name: '新人 一郎', userType: 'general', initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1' };
      expect(await d.call('users:register', { sessionId, ...user, ...(await w.stepUp()) })).toMatchObject({ ok: true });
    }
    await d.restore();
    expect(d.offline.status()).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    for (const loginId of loginIds) expect((await userRecord(h, loginId))?.login_id).toBe(loginId);
  });

  it('SPEC R-OFF-1/6: a queued revocation that lands drops the block of its user: after the next cut they cannot log in offline', async () => {
    const d = await w.desktop();
    const sessionId = await offlineMaster(d, ['ippan001', NEAR]);
    expect(await d.call('tokens:revoke', { sessionId, loginIds: ['ippan001'], ...(await w.stepUp()) })).toMatchObject({ ok: true });
    await d.restore();
    expect(d.offline.status()).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    await d.cut();
    expect(await offlineLogin(d, 'ippan001')).toMatchObject({ ok: false, error: { code: 'OFFLINE_NO_BLOCK' } });
    expect(await offlineLogin(d, 'kmb05871')).toMatchObject({ ok: true });
  });

  it('SPEC R-OFF-4: an offline lock reaches the server at the sync, and ends here once the server unlocked: the next block clears the count', async () => {
    const d = await w.desktop();
    await offlineMaster(d, ['ippan001', NEAR]);
    for (let i = 0; i < OFFLINE_TEST_RULES.maxConsecutiveFailures; i++) {
      const step = await offlineLogin(d, 'ippan001');
      expect(await d.call('auth:verify-otp', { challengeId: (step.value as { challengeId: string }).challengeId, otp: '000000' })).toMatchObject({ ok: false });
    }
    expect(await offlineLogin(d, 'ippan001')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await d.restore();
    expect((await userRecord(h, 'ippan001'))!.locked_at).not.toBeNull();
    // Locked on the server, the block went at the report.
    await d.cut();
    expect(await offlineLogin(d, 'ippan001')).toMatchObject({ ok: false, error: { code: 'OFFLINE_NO_BLOCK' } });
    await d.restore();
    nextStep(h);
    const admin = await loginWithOtp(h, 'test12345');
    nextStep(h);
    expect(await h.core.api.users.unlock({ sessionId: admin.sessionId, loginId: 'ippan001', ...(await stepUp(h)) })).toMatchObject({ ok: true });
    await w.loginAt(d, 'ippan001', NEAR);
    await d.cut();
    expect(await offlineLogin(d, 'ippan001')).toMatchObject({ ok: true, value: { kind: 'needsOtp' } });
  });

  it('SPEC R-OFF-1/7: a server that no longer knows the desktop keeps the link online, drops every block, lists what waited, and the next online login registers anew', async () => {
    const d = await w.desktop();
    const sessionId = await offlineMaster(d);
    expect(await d.call('users:update', { sessionId, loginId: 'shinki01', name: '端末の名前', ...(await w.stepUp()) })).toMatchObject({ ok: true });
    const before = d.offline.desktopId()!;
    await h.store.db.updateTable('desktops').set({ revoked_at: h.clock.now().getTime() }).where('id', '=', before).execute();
    await d.restore();
    expect(d.offline.status()).toMatchObject({ link: 'online', waiting: 0, failed: 1 });
    expect(d.offline.desktopId()).toBeNull();
    expect(existsSync(join(d.dir, 'offline', 'registration'))).toBe(false);
    // The offline session is over with its block; the operation is listed with its reason, to redo online.
    expect(await d.call('auth:session', { sessionId })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    const online = await w.loginAt(d, 'kmb05871');
    expect(online.offline).toBeUndefined();
    expect(d.offline.desktopId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.offline.desktopId()).not.toBe(before);
    expect(await d.call('offline:failed', { sessionId: online.sessionId })).toMatchObject({ ok: true, value: { operations: [{ channel: 'users:update', reason: 'DESKTOP_UNKNOWN' }] } });
    // Registered anew, this desktop serves offline again, and it survives a restart (a new ledger and outbox).
    const again = await d.restart();
    w.desktops.splice(w.desktops.indexOf(d), 1, again);
    expect(again.offline.unavailable).toBeNull();
    await again.cut();
    expect(await offlineLogin(again, 'kmb05871')).toMatchObject({ ok: true });
  });

  it('SPEC R-OFF-3: once registered, a ledger removed from the folder refuses offline work instead of starting empty', async () => {
    const d = await w.desktop();
    await w.loginAt(d, 'kmb05871');
    rmSync(join(d.dir, 'offline', 'ledger'));
    const again = await d.restart();
    w.desktops.splice(w.desktops.indexOf(d), 1, again);
    expect(again.offline.unavailable).toMatch(/missing/);
    await again.cut();
    expect(await offlineLogin(again, 'kmb05871')).toMatchObject({ ok: false, error: { code: 'OFFLINE_UNAVAILABLE' } });
  });
});
