import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverChannels } from '../../shared/contract/api';
import { createCore, type Core } from '../../main/core/createCore';
import { bugChannels, captureOutput, type Capture } from '../support/capture';
import { forgedId, storeState } from '../support/fuzzing';
import { expectOnlyRefusalsAudited } from '../support/db';
import { createHarness, PASSWORDS, TEST_KDF, type Harness } from '../support/harness';
import { ADMIN_CHANNELS, requestTemplates, type TemplateIds } from '../support/templates';

/**
 * Sessions (DESIGN-NOTES 4, SPEC R-REV-1): every channel that needs a session refuses an expired, forged,
 * logged-out or pre-restart one before doing anything but its audit row; a general user is refused on every admin channel; and no
 * session ID reaches the logs. The core here logs bugs its default way (the shared logger on standard error), captured throughout.
 */
const MIN = 60_000;
const SESSION_CHANNELS = serverChannels().filter((c) => c.access !== 'public').map((c) => c.name);

let h: Harness;
let core: Core;
let capture: Capture;
const issued: string[] = [];
beforeAll(async () => {
  capture = captureOutput();
  h = await createHarness();
  core = createCore({ store: h.store, sealKey: h.sealKey, kdf: TEST_KDF, clock: h.clock.now });
});
afterAll(async () => {
  capture.restore();
  await h.close();
});

async function login(loginId: string, serial: string, on: Core = core): Promise<string> {
  const step = await on.api.auth.login({ loginId, password: PASSWORDS.login });
  if (!step.ok) throw new Error(`login ${loginId}: ${step.error.code}`);
  issued.push(step.value.challengeId);
  const session = await on.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: await h.codeOf(serial) });
  if (!session.ok) throw new Error(`OTP ${loginId}: ${session.error.code}`);
  issued.push(session.value.sessionId);
  h.clock.advance(MIN);
  return session.value.sessionId;
}

/** A valid request of each session channel, with step-up secrets that would work: refusal must come first. */
async function requestsFor(sessionId: string, serial = '523405696', desktop?: TemplateIds['desktop']): Promise<[string, Record<string, unknown>][]> {
  const resync = [await h.codeOf('523405697', 3), await h.codeOf('523405697', 4)] as const;
  const all = requestTemplates({ sessionId, otpChallenge: '', registration: '', otp: await h.codeOf(serial), resync, target: 'kigen001', desktop });
  const requests = Object.entries(all).filter(([name]) => SESSION_CHANNELS.includes(name));
  expect(requests.map(([name]) => name).sort()).toEqual([...SESSION_CHANNELS].sort());
  return requests;
}

/** Every session channel with `sessionId` → `expected`; nothing changes but one audit row per refusal (SPEC R-GEN-2). */
async function refusedEverywhere(sessionId: string, expected: { code: string; reason?: string }, on: Core = core): Promise<void> {
  const before = await storeState(h);
  const requests = await requestsFor(sessionId);
  for (const [name, request] of requests) {
    expect({ name, result: await on.dispatch(name, request) }).toEqual({ name, result: { ok: false, error: expected } });
  }
  const added = expectOnlyRefusalsAudited(before.tables, (await storeState(h)).tables, { count: requests.length, actor: null, reason: expected.code });
  expect(added.map((r) => JSON.parse(String(r.detail)).channel)).toEqual(requests.map(([name]) => name));
}

describe('every session channel refuses a session that is not live (DESIGN-NOTES 4)', () => {
  it('forged IDs (random, and a live ID with one character changed) → SESSION_INVALID, nothing changes', async () => {
    const live = await login('kmb05871', '523405696');
    await refusedEverywhere(forgedId(), { code: 'SESSION_INVALID' });
    await refusedEverywhere(live.slice(0, -1) + (live.endsWith('A') ? 'B' : 'A'), { code: 'SESSION_INVALID' });
    expect(await core.api.auth.session({ sessionId: live })).toMatchObject({ ok: true });
  });

  it('logged out → SESSION_EXPIRED logout, nothing changes', async () => {
    const sessionId = await login('kmb05871', '523405696');
    expect(await core.api.auth.logout({ sessionId })).toEqual({ ok: true, value: {} });
    await refusedEverywhere(sessionId, { code: 'SESSION_EXPIRED', reason: 'logout' });
  });

  it('idle for 15 minutes → SESSION_EXPIRED idle, nothing changes', async () => {
    const sessionId = await login('kmb05871', '523405696');
    h.clock.advance(15 * MIN);
    await refusedEverywhere(sessionId, { code: 'SESSION_EXPIRED', reason: 'idle' });
  });

  it('12 hours after login however active → SESSION_EXPIRED absolute, nothing changes', async () => {
    const sessionId = await login('kmb05871', '523405696');
    for (let t = MIN; t < 12 * 60 * MIN; t += 14 * MIN) {
      expect(await core.api.top.get({ sessionId })).toMatchObject({ ok: true });
      h.clock.advance(14 * MIN);
    }
    await refusedEverywhere(sessionId, { code: 'SESSION_EXPIRED', reason: 'absolute' });
  });

  it('a session of the app before a restart (another core on the same store) → SESSION_INVALID, nothing changes', async () => {
    const sessionId = await login('kmb05871', '523405696');
    const restarted = createCore({ store: h.store, sealKey: h.sealKey, kdf: TEST_KDF, clock: h.clock.now });
    await refusedEverywhere(sessionId, { code: 'SESSION_INVALID' }, restarted);
  });
});

describe("a general user's session on the admin channels (SPEC R-REV-1, R-OTP-3)", () => {
  it('ippan001 (一般) → FORBIDDEN on every admin channel, each refusal audited, reads included; the step-up code stays unused', async () => {
    const sessionId = await login('ippan001', '523405697');
    // A desktop of the user's company, so sync:issue-block answers the user's block (SPEC R-OFF-1).
    const registered = (await core.dispatch('sync:register-desktop', { sessionId })) as { value: { desktopId: string; desktopSecret: string } };
    const desktop = { id: registered.value.desktopId, secret: registered.value.desktopSecret };
    const before = await storeState(h);
    const requests = await requestsFor(sessionId, '523405697', desktop);
    for (const [name, request] of requests.filter(([n]) => ADMIN_CHANNELS.includes(n))) {
      expect({ name, result: await core.dispatch(name, request) }).toEqual({ name, result: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
    const added = expectOnlyRefusalsAudited(before.tables, (await storeState(h)).tables, { count: 16, actor: 'ippan001', reason: 'FORBIDDEN' });
    // In request order, reads included: who, what, on whom (the user the request names, else the actor).
    expect(added.map((r) => [r.action, r.target_login_id])).toEqual([
      ['token.revoke', 'kigen001'],
      ['token.resync', '523405697'],
      ['user.list', 'ippan001'],
      ['user.unlock', 'kigen001'],
      ['token.lost', 'kigen001'],
      ['user.register', 'shinjin01'],
      ['user.update', 'kigen001'],
      ['user.remove', 'kigen001'],
      ['user.masterAuthPassword', 'ippan001'],
      ['token.importPreview', 'ippan001'],
      ['token.import', 'ippan001'],
      ['token.importProgress', 'ippan001'],
      ['account.authPassword', 'ippan001'],
      ['audit.list', 'ippan001'],
      ['audit.export', 'ippan001'],
      ['backup.create', 'ippan001'],
    ]);
    const open = requests.filter(([n]) => !ADMIN_CHANNELS.includes(n) && n !== 'auth:logout');
    for (const [name, request] of open) {
      expect({ name, result: await core.dispatch(name, request) }).toMatchObject({ name, result: { ok: true } });
    }
  });
});

describe('session IDs never reach the logs', () => {
  it('a bug inside a session channel is logged (standard error) without the session ID, password or code', async () => {
    const sessionId = await login('kmb05871', '523405696');
    await sql`alter table notices rename to notices_gone`.execute(h.store.db);
    try {
      expect(await core.api.top.get({ sessionId })).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      await sql`alter table notices_gone rename to notices`.execute(h.store.db);
    }
    await sql`alter table audit_log rename to audit_gone`.execute(h.store.db);
    try {
      const request = { sessionId, loginIds: ['kigen001'], authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696') };
      expect(await core.api.tokens.revoke(request)).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      await sql`alter table audit_gone rename to audit_log`.execute(h.store.db);
    }
    const logged = capture.text();
    expect(bugChannels(logged)).toEqual(expect.arrayContaining(['top:get', 'tokens:revoke']));
    expect(logged).not.toContain(PASSWORDS.auth);
  });

  it(`none of the session and challenge IDs issued in this file appears in anything logged`, () => {
    expect(issued.length).toBeGreaterThan(10);
    const logged = capture.text();
    expect(issued.filter((id) => logged.includes(id))).toEqual([]);
  });
});
