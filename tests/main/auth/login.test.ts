import { describe, expect, it } from 'vitest';
import { eachHarness } from '../../support/companyWorld';
import { auditRows, loginWithOtp, nextStep, PASSWORDS, type Harness } from '../../support/harness';

let h: Harness;
eachHarness((harness) => (h = harness));

describe('login (SPEC R-LOG-1, R-LOG-2)', () => {
  it('asks a user with an active token for the OTP, then opens a session', async () => {
    const step = await h.core.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login });
    expect(step).toMatchObject({ ok: true, value: { kind: 'needsOtp', name: '熊瀬 太郎' } });
    if (!step.ok) return;
    const session = await h.core.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: await h.codeOf('523405696') });
    expect(session).toMatchObject({ ok: true, value: { loginId: 'kmb05871', userType: 'master', companyName: '熊本商事株式会社' } });
    if (!session.ok) return;
    expect(session.value.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await auditRows(h);
    expect(rows.map((r) => [r.action, r.result])).toEqual([
      ['login.password', 'success'],
      ['login.otp', 'success'],
    ]);
  });

  it('sends a user with no token to registration BLGI020', async () => {
    const step = await h.core.api.auth.login({ loginId: 'shinki01', password: PASSWORDS.login });
    expect(step).toMatchObject({ ok: true, value: { kind: 'needsTokenRegistration' } });
  });

  it('refuses a wrong password and an unknown ID alike, with no attempts left and no actor (issue 11 findings 3, 4)', async () => {
    const wrong = await h.core.api.auth.login({ loginId: 'kmb05871', password: 'nope' });
    expect(wrong).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password' } });
    const unknown = await h.core.api.auth.login({ loginId: 'nobody99', password: 'nope' });
    expect(unknown).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password' } });
    const audit = await auditRows(h);
    expect(audit.map((r) => [r.actor_login_id, r.target_login_id, r.result, r.reason])).toEqual([
      [null, 'kmb05871', 'failure', 'BAD_CREDENTIALS'],
      [null, null, 'failure', 'BAD_CREDENTIALS'],
    ]);
  });

  it('accepts full-width login IDs typed through an IME', async () => {
    const step = await h.core.api.auth.login({ loginId: 'ｋｍｂ０５８７１', password: PASSWORDS.login });
    expect(step.ok).toBe(true);
  });

  it('a used session ID works until logout, then is refused', async () => {
    const session = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    expect((await h.core.api.auth.session({ sessionId: session.sessionId })).ok).toBe(true);
    expect(await h.core.api.auth.logout({ sessionId: session.sessionId })).toEqual({ ok: true, value: {} });
    expect(await h.core.api.auth.session({ sessionId: session.sessionId })).toEqual({
      ok: false,
      error: { code: 'SESSION_EXPIRED', reason: 'logout' },
    });
  });
});
