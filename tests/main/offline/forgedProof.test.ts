import { randomBytes, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { userRowVersion, type OutboxOperation } from '../../../shared/contract/syncModels';
import { stepAt } from '../../../main/otp/totp';
import { fingerprintOf } from '../../../main/remote/pin';
import { createRemote } from '../../../main/remote/remoteDispatch';
import { OfflineFiles } from '../../../main/sync/files';
import { uuidv7 } from '../../../main/offline/uuidv7';
import { userRecord } from '../../support/db';
import { nextStep, type Harness } from '../../support/harness';
import { eachOfflineWorld, SHARED, type OfflineWorld } from '../../support/offlineWorld';
import { apply, macOf, report, rowsOfKey, type SyncCall } from '../../support/sync';

let w: OfflineWorld;
let h: Harness;

eachOfflineWorld((world) => ({ h } = w = world));

/** The company server over HTTPS, called with the desktop's own pinned client: what a forger on that PC can reach. */
function serverCall(): { call: SyncCall; close: () => Promise<void> } {
  const remote = createRemote({ url: w.s.base, fingerprint: fingerprintOf(new X509Certificate(w.s.ca).raw), retryDelayMs: 0 });
  return { call: remote.dispatch, close: () => remote.close() };
}

/**
 * Issue 19 finding 1, as seen: a general user on a PC where an admin logged in online holds the desktop's ID and
 * secret, the keychain, and the admin's sealed block, but neither the admin's authentication password nor a code.
 */
async function forgerOnAdminsPc() {
  const d = await w.desktop();
  await w.loginAt(d, 'test12345');
  await w.loginAt(d, 'ippan001', '523405697');
  const files = OfflineFiles.open(d.dir, d.key);
  const desk = files.registration!;
  const block = files.blocks.get('test12345')!;
  const row = files.replica!.users!.find((u) => u.loginId === 'ippan001')!;
  return { d, desk, block, baseVersions: { ippan001: userRowVersion(row) } };
}

describe('a forged offline step-up is refused by the server (SPEC R-OFF-6, R-OTP-4, DESIGN-NOTES 11)', () => {
  it('SPEC R-OFF-6, R-OTP-4: a general user holding an admin\'s block, the desktop ID, secret and keychain cannot apply users:update → admin as the admin', async () => {
    const { desk, block, baseVersions } = await forgerOnAdminsPc();
    const server = serverCall();
    try {
      // Later, any step of the admin's block, reported as used offline: the server records it (it is in the block).
      h.clock.advance(10 * 60_000);
      const step = stepAt(h.clock.now(), 60) + block.drift;
      const reported = await report(server.call, desk, { used: [{ serial: SHARED, step, loginId: 'test12345', at: h.clock.now().getTime() }] });
      expect(reported).toMatchObject({ ok: true, value: { reports: [{ outcome: 'recorded' }] } });
      const made = { key: uuidv7(h.clock.now()), channel: 'users:update' as const, request: { loginId: 'ippan001', userType: 'admin' }, operator: 'test12345', baseVersions, queuedAt: h.clock.now().getTime() };
      const unsigned = { ...made, proof: { serial: SHARED, step } };
      // What the forger can make: a random MAC; one with a code seen over the admin's shoulder but a guessed
      // password; one with the password (if ever learnt) but a guessed code.
      const forged: OutboxOperation[] = [
        { ...unsigned, proof: { ...unsigned.proof, mac: randomBytes(32).toString('base64') } },
        { ...unsigned, key: uuidv7(h.clock.now()), proof: { ...unsigned.proof, mac: await macOf(h, unsigned, { authPassword: 'Auth#2025' }) } },
        { ...unsigned, key: uuidv7(h.clock.now()), proof: { ...unsigned.proof, mac: await macOf(h, unsigned, { code: (await h.codeOf(SHARED)) === '000000' ? '111111' : '000000' }) } },
      ];
      for (const op of forged) {
        expect(await apply(server.call, desk, op)).toEqual({ accepted: false, reason: 'OFFLINE_PROOF_INVALID' });
        const rows = await rowsOfKey(h, op.key);
        expect(rows.map((r) => [r.actor_login_id, r.action, r.result, r.reason])).toEqual([['test12345', 'user.update', 'failure', 'OFFLINE_PROOF_INVALID']]);
      }
      expect((await userRecord(h, 'ippan001'))!.user_type).toBe('general');
    } finally {
      await server.close();
    }
  });

  it('SPEC R-OFF-2, R-OFF-7, R-OTP-4: the admin\'s own offline step-up on that PC still lands: offline login, users:update, sync applies it once', async () => {
    const { d } = await forgerOnAdminsPc();
    await d.cut();
    const { sessionId, offline } = await w.loginAt(d, 'test12345');
    expect(offline).toBe(true);
    nextStep(h);
    const changed = await d.call('users:update', { sessionId, loginId: 'ippan001', userType: 'admin', ...(await w.stepUp()) });
    expect(changed).toMatchObject({ ok: true, value: { loginId: 'ippan001', userType: 'admin' } });
    await d.restore();
    expect(((await d.call('connection:status', {})).value as { offline: Record<string, unknown> }).offline).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    expect((await userRecord(h, 'ippan001'))!.user_type).toBe('admin');
  });
});
