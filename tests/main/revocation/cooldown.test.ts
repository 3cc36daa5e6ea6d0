import { afterEach, describe, expect, it } from 'vitest';
import { jst } from '../../support/clock';
import { loginIdsWithAssignment } from '../../support/db';
import { auditRows, createHarness, loginWithOtp, passwordStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';

let h: Harness;
afterEach(async () => h.close());

/** The master logs in one step before `at` and revokes `loginId` at exactly `at`. */
async function revokeAt(at: string, loginId: string, before?: () => Promise<void>) {
  h = await createHarness({ start: new Date(jst(at).getTime() - 60_000) });
  const master = await loginWithOtp(h, 'kmb05871');
  await before?.();
  h.clock.set(jst(at));
  const revoked = await h.core.api.tokens.revoke({ sessionId: master.sessionId, loginIds: [loginId], ...(await stepUp(h)) });
  expect(revoked).toMatchObject({ ok: true, value: { selfRevoked: false, revoked: [{ loginId, otpState: 'revoked' }] } });
}

const login = (loginId: string) => h.core.api.auth.login({ loginId, password: PASSWORDS.login });

describe('login after a revocation (SPEC R-LOG-4, R-REV-5)', () => {
  it('SPEC R-REV-5: revoked at 21:00 JST → refused at 07:59 next day, allowed at 08:10, then registration works', async () => {
    await revokeAt('2026-11-24T21:00:00', 'test12345');
    const opensAt = jst('2026-11-25T08:10:00').toISOString();

    h.clock.set(jst('2026-11-24T21:30:00'));
    expect(await login('test12345')).toEqual({ ok: false, error: { code: 'REVOKED_COOLING_DOWN', reRegistrationAt: opensAt } });
    h.clock.set(jst('2026-11-25T07:59:00'));
    expect(await login('test12345')).toEqual({ ok: false, error: { code: 'REVOKED_COOLING_DOWN', reRegistrationAt: opensAt } });
    h.clock.set(jst('2026-11-25T08:09:59'));
    expect(await login('test12345')).toMatchObject({ ok: false, error: { code: 'REVOKED_COOLING_DOWN' } });

    h.clock.set(jst('2026-11-25T08:10:00'));
    const challengeId = await passwordStep(h, 'test12345', 'needsTokenRegistration');
    const session = await h.core.api.tokens.register({ challengeId, serial: '523405696', otp: await h.codeOf('523405696') });
    expect(session).toMatchObject({ ok: true, value: { loginId: 'test12345', userType: 'admin' } });
    expect(await loginIdsWithAssignment(h, 'active')).toContain('test12345');
    expect(await loginIdsWithAssignment(h, 'revoked')).toEqual(['test12345']);
  });

  it('SPEC R-REV-5: revoked at 14:00 JST → refused at 14:29, allowed at 14:30', async () => {
    await revokeAt('2026-11-24T14:00:00', 'ippan001');
    h.clock.set(jst('2026-11-24T14:29:00'));
    expect(await login('ippan001')).toEqual({
      ok: false,
      error: { code: 'REVOKED_COOLING_DOWN', reRegistrationAt: jst('2026-11-24T14:30:00').toISOString() },
    });
    h.clock.set(jst('2026-11-24T14:30:00'));
    expect(await login('ippan001')).toMatchObject({ ok: true, value: { kind: 'needsTokenRegistration' } });
  });

  it('SPEC R-LOG-4: a login half-done before the revocation cannot be finished after it', async () => {
    let pending = '';
    await revokeAt('2026-11-24T14:00:00', 'ippan001', async () => {
      pending = await passwordStep(h, 'ippan001');
    });
    h.clock.set(jst('2026-11-24T14:02:00'));
    const refused = await h.core.api.auth.verifyOtp({ challengeId: pending, otp: await h.codeOf('523405697') });
    expect(refused).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
  });

  it('SPEC R-GEN-2: a refusal during the cool-down is audited with its reason', async () => {
    await revokeAt('2026-11-24T14:00:00', 'ippan001');
    h.clock.set(jst('2026-11-24T14:10:00'));
    await login('ippan001');
    const last = (await auditRows(h)).at(-1);
    expect(last).toMatchObject({ actor_login_id: null, target_login_id: 'ippan001', action: 'login.password', result: 'failure', reason: 'REVOKED_COOLING_DOWN' });
  });
});
