import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBlock } from '../../../main/offline/sealedBlock';
import { withSeed } from '../../../main/otp/consume';
import { findTokenBySerial } from '../../../main/store/repos/tokens';
import type { ConnectedDesktop } from '../../support/connectedDesktop';
import { userRecord } from '../../support/db';
import { nextStep, PASSWORDS, type Harness } from '../../support/harness';
import { scan } from '../../support/secrets';
import { NEAR, eachOfflineWorld, OFFLINE_TEST_RULES, SHARED, type OfflineWorld } from '../../support/offlineWorld';

const RULES = OFFLINE_TEST_RULES;

let w: OfflineWorld;
let h: Harness;

eachOfflineWorld((world) => ({ h } = w = world));

const desktop = () => w.desktop();
const status = async (d: ConnectedDesktop) => ((await d.call('connection:status', {})).value as { offline: Record<string, unknown> }).offline;
const otpFor = async (d: ConnectedDesktop, loginId: string, otp: string) => {
  const step = await d.call('auth:login', { loginId, password: PASSWORDS.login });
  if (!step.ok) return step;
  return d.call('auth:verify-otp', { challengeId: (step.value as { challengeId: string }).challengeId, otp });
};

describe('a connected desktop offline (main/sync, SPEC R-OFF-1..8), through a real fault proxy to the real server', () => {
  it('SPEC R-OFF-1/2/5: offline login only after an online login here; the session says offline and reads the replica', async () => {
    const d = await desktop();
    const online = await w.loginAt(d, 'kmb05871');
    expect(online.offline).toBeUndefined();
    expect(await status(d)).toMatchObject({ link: 'online', waiting: 0, failed: 0, syncedAt: expect.any(String) as string });
    await d.cut();
    expect(await status(d)).toMatchObject({ link: 'offline' });
    // An online session meets the cut as before: its work is the server's.
    expect(await d.call('top:get', { sessionId: online.sessionId })).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    const offline = await w.loginAt(d, 'kmb05871');
    expect(offline.offline).toBe(true);
    expect(await d.call('auth:session', { sessionId: offline.sessionId })).toMatchObject({ ok: true, value: { loginId: 'kmb05871', userType: 'master', offline: true } });
    const list = await d.call('users:list', { sessionId: offline.sessionId, sort: 'loginId-asc' });
    expect((list.value as { users: { loginId: string }[] }).users.map((u) => u.loginId)).toContain('ippan001');
    expect(await d.call('top:get', { sessionId: offline.sessionId })).toMatchObject({ ok: true, value: { notices: expect.any(Array) as unknown[] } });
    // ippan001 never logged in online on this desktop: no block, no offline login (R-OFF-1).
    expect(await d.call('auth:login', { loginId: 'ippan001', password: PASSWORDS.login })).toMatchObject({ ok: false, error: { code: 'OFFLINE_NO_BLOCK' } });
    // The link is back: the offline session is still served here, for its whole life.
    await d.restore();
    expect(await status(d)).toMatchObject({ link: 'online', waiting: 0 });
    expect(await d.call('auth:session', { sessionId: offline.sessionId })).toMatchObject({ ok: true, value: { offline: true } });
  });

  it('SPEC R-OFF-6: offline, what needs the server is refused with OFFLINE_UNAVAILABLE', async () => {
    const d = await desktop();
    const { sessionId } = await w.offlineLogin(d);
    const refused = [
      ['tokens:resync', { sessionId, serial: NEAR, firstOtp: '123456', secondOtp: '234567', authPassword: PASSWORDS.auth }],
      ['account:change-login-password', { sessionId, current: PASSWORDS.login, next: 'Next#2026pw' }],
      ['account:change-auth-password', { sessionId, current: PASSWORDS.auth, next: 'Next#2026pw' }],
      ['tokens:report-lost', { sessionId, loginId: 'ippan001', authPassword: PASSWORDS.auth, otp: '123456' }],
      ['audit:list', { sessionId, filter: {}, offset: 0, limit: 10 }],
      ['backup:create', { sessionId, passphrase: 'correct horse battery staple 2026', authPassword: PASSWORDS.auth, otp: '123456' }],
      ['users:change-master-auth-password', { sessionId, newAuthPassword: 'Next#2026pw', authPassword: PASSWORDS.auth, otp: '123456' }],
    ] as const;
    const answers = await Promise.all(refused.map(async ([channel, request]) => [channel, (await d.call(channel, request)).error?.code]));
    expect(answers).toEqual(refused.map(([channel]) => [channel, 'OFFLINE_UNAVAILABLE']));
  });

  it('SPEC R-OFF-3/4: a code used offline is refused again here, for anyone sharing the token; failures lock offline', async () => {
    const d = await desktop();
    await w.loginAt(d, 'kmb05871');
    await w.loginAt(d, 'test12345');
    await w.loginAt(d, 'ippan001', NEAR);
    await d.cut();
    nextStep(h);
    const code = await h.codeOf(SHARED);
    expect(await otpFor(d, 'kmb05871', code)).toMatchObject({ ok: true, value: { offline: true } });
    expect(await otpFor(d, 'kmb05871', code)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    expect(await otpFor(d, 'test12345', code)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    for (let i = 1; i < RULES.maxConsecutiveFailures; i++) expect(await otpFor(d, 'ippan001', '000000')).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    expect(await otpFor(d, 'ippan001', '000000')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await d.call('auth:login', { loginId: 'ippan001', password: PASSWORDS.login })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // The lock survives a restart of the desktop: the ledger is on disk, sealed.
    const again = await d.restart();
    w.desktops.splice(w.desktops.indexOf(d), 1, again);
    await again.cut();
    expect(await again.call('auth:login', { loginId: 'ippan001', password: PASSWORDS.login })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await otpFor(again, 'kmb05871', code)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    // At the sync the failures join the server's count: the user is locked there too and the block dropped.
    await again.restore();
    expect((await userRecord(h, 'ippan001'))!.locked_at).not.toBeNull();
  });

  it('SPEC R-OTP-2, R-OFF-3: one offline challenge submitted at once with two valid codes opens one session', async () => {
    const d = await desktop();
    await w.loginAt(d, 'kmb05871');
    await d.cut();
    nextStep(h);
    const step = await d.call('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login });
    const challengeId = (step.value as { challengeId: string }).challengeId;
    const codes = [await h.codeOf(SHARED), await h.codeOf(SHARED, 1)];
    const answers = await Promise.all(codes.map((otp) => d.call('auth:verify-otp', { challengeId, otp })));
    expect(answers.filter((a) => a.ok), JSON.stringify(answers)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'CHALLENGE_INVALID' } });
  });

  it('SPEC R-OFF-6/7: a queued revocation takes effect here at once, and lands at the next sync', async () => {
    const d = await desktop();
    await w.loginAt(d, 'kmb05871');
    await w.loginAt(d, 'ippan001', NEAR);
    await d.cut();
    const { sessionId } = await w.loginAt(d, 'kmb05871');
    const revoked = await d.call('tokens:revoke', { sessionId, loginIds: ['ippan001'], ...(await w.stepUp()) });
    expect(revoked).toMatchObject({ ok: true, value: { revoked: [{ loginId: 'ippan001', otpState: 'revoked' }], selfRevoked: false } });
    expect(await status(d)).toMatchObject({ link: 'offline', waiting: 1 });
    expect(await d.call('auth:login', { loginId: 'ippan001', password: PASSWORDS.login })).toMatchObject({ ok: false, error: { code: 'OFFLINE_NO_BLOCK' } });
    const list = await d.call('users:list', { sessionId, sort: 'loginId-asc' });
    expect((list.value as { users: { loginId: string; otpState: string }[] }).users.find((u) => u.loginId === 'ippan001')?.otpState).toBe('revoked');
    await d.restore();
    expect(await status(d)).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    const online = await w.loginAt(d, 'kmb05871');
    const server = await d.call('users:list', { sessionId: online.sessionId, sort: 'loginId-asc' });
    expect((server.value as { users: { loginId: string; otpState: string }[] }).users.find((u) => u.loginId === 'ippan001')?.otpState).toBe('revoked');
  });

  it('SPEC R-OFF-3/7: a code used offline on desktop 1 is refused online on desktop 2 once desktop 1 synced, and the reverse', async () => {
    const d1 = await desktop();
    const d2 = await desktop();
    await w.loginAt(d1, 'kmb05871');
    await d1.cut();
    nextStep(h);
    const offlineCode = await h.codeOf(SHARED);
    expect(await otpFor(d1, 'kmb05871', offlineCode)).toMatchObject({ ok: true, value: { offline: true } });
    await d1.restore();
    expect(await otpFor(d2, 'kmb05871', offlineCode)).toMatchObject({ ok: false });
    // A code used online on desktop 2; desktop 1 syncs after it, then goes offline: the code is refused there.
    nextStep(h);
    const onlineCode = await h.codeOf(SHARED);
    expect(await otpFor(d2, 'kmb05871', onlineCode)).toMatchObject({ ok: true });
    await d1.cut();
    await d1.restore();
    await d1.cut();
    expect(await otpFor(d1, 'kmb05871', onlineCode)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
  });

  it('SPEC R-OFF-8: revocation offline wins over a change online; an offline change of a user removed online is refused and listed', async () => {
    const d1 = await desktop();
    const d2 = await desktop();
    const off = await w.offlineLogin(d1);
    expect(await d1.call('tokens:revoke', { sessionId: off.sessionId, loginIds: ['ippan001'], ...(await w.stepUp()) })).toMatchObject({ ok: true });
    expect(await d1.call('users:update', { sessionId: off.sessionId, loginId: 'shinki01', name: '新規 改名', ...(await w.stepUp()) })).toMatchObject({
      ok: true,
      value: { loginId: 'shinki01', name: '新規 改名' },
    });
    const on = await w.loginAt(d2, 'test12345');
    expect(await d2.call('users:update', { sessionId: on.sessionId, loginId: 'ippan001', name: '一般 改名', ...(await w.stepUp()) })).toMatchObject({ ok: true });
    expect(await d2.call('users:remove', { sessionId: on.sessionId, loginId: 'shinki01', ...(await w.stepUp()) })).toMatchObject({ ok: true });
    await d1.restore();
    expect(await status(d1)).toMatchObject({ link: 'online', waiting: 0, failed: 1 });
    const server = await d2.call('users:list', { sessionId: on.sessionId, sort: 'loginId-asc' });
    expect((server.value as { users: { loginId: string; otpState: string }[] }).users.find((u) => u.loginId === 'ippan001')?.otpState).toBe('revoked');
    const failed = await d1.call('offline:failed', { sessionId: off.sessionId });
    expect(failed).toMatchObject({
      ok: true,
      value: { operations: [{ channel: 'users:update', targets: ['shinki01'], operator: 'kmb05871', reason: expect.stringMatching(/^(OFFLINE_TARGET_GONE|USER_NOT_FOUND)$/) as string }] },
    });
    // Redone now (online, the user still gone): the server refuses it again and it stays listed; discarded, it goes.
    const key = (failed.value as { operations: { key: string }[] }).operations[0]!.key;
    const online = await w.loginAt(d1, 'kmb05871');
    expect(await d1.call('offline:redo', { sessionId: online.sessionId, key, ...(await w.stepUp()) })).toMatchObject({ ok: false, error: { code: 'USER_NOT_FOUND' } });
    expect(await d1.call('offline:discard', { sessionId: online.sessionId, key })).toEqual({ ok: true, value: {} });
    expect(await d1.call('offline:failed', { sessionId: online.sessionId })).toEqual({ ok: true, value: { operations: [] } });
    expect(await d1.call('offline:failed', { sessionId: (await w.loginAt(d1, 'ippan001', NEAR).catch(() => ({ sessionId: 'x'.repeat(43) }))).sessionId })).toMatchObject({ ok: false });
  });

  it('SPEC R-OFF-6, R-OTP-3 (issue 19 finding 8): offline, an unlock of a user the replica shows not locked is refused at once, NOT_LOCKED as online', async () => {
    const d = await desktop();
    await h.store.db.updateTable('users').set({ locked_at: h.clock.now().getTime(), failed_attempts: 5 }).where('login_id', '=', 'ippan001').execute();
    const { sessionId } = await w.offlineLogin(d);
    // The refusal spends no step: the unlock after it is proved by the same one.
    const proof = await w.stepUp();
    expect(await d.call('users:unlock', { sessionId, loginId: 'shinki01', ...proof })).toEqual({ ok: false, error: { code: 'NOT_LOCKED', loginIds: ['shinki01'] } });
    expect(await status(d)).toMatchObject({ waiting: 0 });
    expect(await d.call('users:unlock', { sessionId, loginId: 'ippan001', ...proof })).toEqual({ ok: true, value: {} });
    // Unlocked here already: a second unlock is refused as the server would refuse it.
    expect(await d.call('users:unlock', { sessionId, loginId: 'ippan001', ...(await w.stepUp()) })).toMatchObject({ ok: false, error: { code: 'NOT_LOCKED' } });
    await d.restore();
    expect(await status(d)).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    expect(await userRecord(h, 'ippan001')).toMatchObject({ locked_at: null });
  });

  it('SPEC R-OFF-6 (issue 19 finding 8): offline, a registration of a login ID the replica knows as used, removed ones too, is refused at once, LOGIN_ID_TAKEN', async () => {
    const d = await desktop();
    const online = await w.loginAt(d, 'kmb05871');
    expect(await d.call('users:remove', { sessionId: online.sessionId, loginId: 'kigen001', ...(await w.stepUp()) })).toMatchObject({ ok: true });
    // The replica this login's sync brings knows kigen001 as removed.
    const { sessionId } = await w.offlineLogin(d);
    const newcomer = (loginId: string) => ({ sessionId, loginId, name: '新人 一郎', userType: 'general', initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1' });
    const taken = { ok: false, error: { code: 'LOGIN_ID_TAKEN', field: 'loginId' } };
    const proof = await w.stepUp();
    for (const used of ['kigen001', 'ippan001']) expect(await d.call('users:register', { ...newcomer(used), ...proof })).toEqual(taken);
    expect(await status(d)).toMatchObject({ waiting: 0 });
    // A login ID removed here offline stays used; the step the refusals left unspent proves the removal.
    expect(await d.call('users:remove', { sessionId, loginId: 'shinki01', ...proof })).toMatchObject({ ok: true });
    expect(await d.call('users:register', { ...newcomer('shinki01'), ...(await w.stepUp()) })).toEqual(taken);
    expect(await status(d)).toMatchObject({ waiting: 1 });
    await d.restore();
    expect(await status(d)).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
  });

  it('SPEC R-OFF-2: the block file holds no seed and no password; copied to another desktop it does not open', async () => {
    const d1 = await desktop();
    const d2 = await desktop();
    await w.loginAt(d1, 'kmb05871');
    await w.loginAt(d2, 'ippan001', NEAR);
    expect(readdirSync(join(d1.dir, 'offline'))).toEqual(expect.arrayContaining(['registration', 'ledger', 'replica', 'blocks']));
    const folder = join(d1.dir, 'offline', 'blocks');
    const [name] = readdirSync(folder);
    const bytes = readFileSync(join(folder, name!));
    expect(statSync(join(folder, name!)).mode & 0o777).toBe(0o600);
    const token = (await findTokenBySerial(h.store.db, SHARED))!;
    const secrets = [
      { label: 'seed', value: withSeed(h.sealKey, token, (raw) => Buffer.from(raw)) },
      { label: 'login password', value: PASSWORDS.login },
      { label: 'auth password', value: PASSWORDS.auth },
    ];
    expect(scan({ file: bytes }, secrets)).toEqual([]);
    // Opened with its key, the block itself holds password settings, check values and keyed step hashes only.
    const opened = openBlock(d1.key, d1.offline.desktopId()!, bytes);
    expect(opened).toMatchObject({ loginId: 'kmb05871', tokenSerial: SHARED });
    expect(scan({ block: Buffer.from(JSON.stringify(opened)) }, secrets)).toEqual([]);
    // Copied into desktop 2's folder, it opens nowhere else: another key, another registration.
    expect(openBlock(d2.key, d2.offline.desktopId()!, bytes)).toBeNull();
    copyFileSync(join(folder, name!), join(d2.dir, 'offline', 'blocks', name!));
    const d2b = await d2.restart();
    w.desktops.splice(w.desktops.indexOf(d2), 1, d2b);
    await d2b.cut();
    expect(await d2b.call('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login })).toMatchObject({ ok: false, error: { code: 'OFFLINE_NO_BLOCK' } });
  });
});
