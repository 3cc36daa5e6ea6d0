import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/createCore';
import { MemorySessionStore, type NewSession, type Session } from '../../../main/session/sessions';
import { jst } from '../../support/clock';
import { createHarness, loginWithOtp, passwordStep, stepUp, type Harness } from '../../support/harness';

/**
 * The real session store with one pause: a session of `held` waits, before it is written, until the test lets
 * it go. That is the moment a revocation on another instance (or another IPC call) can commit and end the
 * user's sessions, between the login's commit and its session's write.
 */
function signal() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve: () => resolve() };
}

class HeldSessions extends MemorySessionStore {
  held: string | null = null;
  readonly reached = signal();
  readonly release = signal();

  override async open(user: NewSession, now: Date): Promise<Session> {
    if (user.loginId === this.held) {
      this.reached.resolve();
      await this.release.promise;
    }
    return super.open(user, now);
  }
}

let h: Harness;
let sessions: HeldSessions;
afterEach(async () => h.close());

/** ippan001 revoked at 14:00 by the master, who logs in again at `then`: that session is answered, a step later. */
async function revokedEarlier(then: string): Promise<string> {
  h = await createHarness({
    start: jst('2026-11-24T13:59:00'),
    makeCore: (options) => createCore({ ...options, sessions: (timeouts) => (sessions = new HeldSessions(timeouts)) }),
  });
  const master = await loginWithOtp(h, 'kmb05871');
  h.clock.set(jst('2026-11-24T14:00:00'));
  expect(await h.core.api.tokens.revoke({ sessionId: master.sessionId, loginIds: ['ippan001'], ...(await stepUp(h)) })).toMatchObject({ ok: true });
  h.clock.set(jst(then));
  const again = await loginWithOtp(h, 'kmb05871');
  h.clock.advance(60_000);
  return again.sessionId;
}

/** While ippan001's new session waits to be written, the master revokes ippan001 again, to the end. */
async function revokeWhileHeld(master: string, finishing: Promise<unknown>) {
  await sessions.reached.promise;
  const revoked = await h.core.api.tokens.revoke({ sessionId: master, loginIds: ['ippan001'], ...(await stepUp(h)) });
  expect(revoked).toMatchObject({ ok: true });
  sessions.release.resolve();
  return finishing;
}

describe('a revocation landing between a login and its session (SPEC R-REV-3, R-LOG-4, DESIGN-NOTES 2)', () => {
  it('SPEC R-LOG-3, R-LOG-4: BLGI020 registration committed, then revoked before its session is written → no live session, the revocation message', async () => {
    const master = await revokedEarlier('2026-11-24T14:31:00');
    const challengeId = await passwordStep(h, 'ippan001', 'needsTokenRegistration');
    sessions.held = 'ippan001';
    const registering = h.core.api.tokens.register({ challengeId, serial: '523405697', otp: await h.codeOf('523405697') });
    const registered = await revokeWhileHeld(master, registering);
    expect(registered).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
    expect([...sessions['live'].values()].filter((s) => s.loginId === 'ippan001')).toEqual([]);
  });

  it('SPEC R-LOG-4: an OTP login committed, then revoked before its session is written → no live session', async () => {
    const master = await revokedEarlier('2026-11-24T14:31:00');
    const challengeId = await passwordStep(h, 'ippan001', 'needsTokenRegistration');
    expect(await h.core.api.tokens.register({ challengeId, serial: '523405697', otp: await h.codeOf('523405697') })).toMatchObject({ ok: true });
    h.clock.advance(60_000);
    const otpStep = await passwordStep(h, 'ippan001');
    sessions.held = 'ippan001';
    const loggingIn = h.core.api.auth.verifyOtp({ challengeId: otpStep, otp: await h.codeOf('523405697') });
    expect(await revokeWhileHeld(master, loggingIn)).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
  });
});
