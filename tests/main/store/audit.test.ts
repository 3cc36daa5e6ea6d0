import { describe, expect, it } from 'vitest';
import { eachHarness } from '../../support/companyWorld';
import { auditRows, nextStep, PASSWORDS, passwordStep, stepUp, type Harness } from '../../support/harness';

let h: Harness;
eachHarness((harness) => (h = harness));

/** The audit rows written by `action()`, as [actor, action, target, result, reason], each stamped with the clock's time. */
async function audited(action: () => Promise<unknown>) {
  const before = (await auditRows(h)).length;
  await action();
  const rows = (await auditRows(h)).slice(before);
  for (const r of rows) expect(r.at).toBe(h.clock.now().getTime());
  return rows.map((r) => [r.actor_login_id, r.action, r.target_login_id, r.result, r.reason]);
}

describe('every sensitive operation is audited: who, what, on whom, when, result (SPEC R-GEN-2)', () => {
  it('SPEC R-GEN-2: login password success and failure, OTP success and failure', async () => {
    expect(await audited(() => h.core.api.auth.login({ loginId: 'kmb05871', password: 'wrong' }))).toEqual([
      [null, 'login.password', 'kmb05871', 'failure', 'BAD_CREDENTIALS'],
    ]);
    let challengeId = '';
    expect(await audited(async () => (challengeId = await passwordStep(h, 'kmb05871')))).toEqual([
      ['kmb05871', 'login.password', 'kmb05871', 'success', null],
    ]);
    expect(await audited(async () => h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405696', 3) }))).toEqual([
      [null, 'login.otp', 'kmb05871', 'failure', 'OTP_INVALID'],
    ]);
    expect(await audited(async () => h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405696') }))).toEqual([
      ['kmb05871', 'login.otp', 'kmb05871', 'success', null],
    ]);
  });

  it('SPEC R-GEN-2: token registration, revocation, lock, unlock and logout', async () => {
    const challengeId = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
    let sessionId = '';
    expect(
      await audited(async () => {
        const r = await h.core.api.tokens.register({ challengeId, serial: '600000001', otp: await h.codeOf('600000001') });
        if (r.ok) sessionId = r.value.sessionId;
      }),
    ).toEqual([['shinki01', 'token.register', 'shinki01', 'success', null]]);

    const master = await passwordStep(h, 'kmb05871');
    const m = await h.core.api.auth.verifyOtp({ challengeId: master, otp: await h.codeOf('523405696') });
    if (!m.ok) throw new Error('master login');
    nextStep(h);
    expect(await audited(async () => h.core.api.tokens.revoke({ sessionId: m.value.sessionId, loginIds: ['ippan001'], ...(await stepUp(h)) }))).toEqual([
      ['kmb05871', 'token.revoke', 'ippan001', 'success', null],
    ]);

    h.clock.advance(1_000);
    for (let i = 0; i < 4; i++) await h.core.api.auth.login({ loginId: 'kigen001', password: 'wrong' });
    expect(await audited(() => h.core.api.auth.login({ loginId: 'kigen001', password: 'wrong' }))).toEqual([
      [null, 'login.password', 'kigen001', 'failure', 'BAD_CREDENTIALS'],
      [null, 'user.lock', 'kigen001', 'success', 'FAILURE_LIMIT'],
    ]);

    nextStep(h);
    expect(await audited(async () => h.core.api.users.unlock({ sessionId: m.value.sessionId, loginId: 'kigen001', ...(await stepUp(h)) }))).toEqual([
      ['kmb05871', 'user.unlock', 'kigen001', 'success', null],
    ]);
    expect(await audited(() => h.core.api.auth.logout({ sessionId }))).toEqual([['shinki01', 'session.logout', 'shinki01', 'success', null]]);
  });

  it('SPEC R-GEN-2: refused step-ups are audited under the step that failed, refused operations on each target', async () => {
    const challengeId = await passwordStep(h, 'kmb05871');
    const m = await h.core.api.auth.verifyOtp({ challengeId, otp: await h.codeOf('523405696') });
    if (!m.ok) throw new Error('login');
    nextStep(h);
    const sessionId = m.value.sessionId;
    expect(await audited(async () => h.core.api.tokens.revoke({ sessionId, loginIds: ['ippan001'], authPassword: 'wrong', otp: await h.codeOf('523405696') }))).toEqual([
      ['kmb05871', 'stepup.password', 'kmb05871', 'failure', 'BAD_AUTH_PASSWORD'],
    ]);
    expect(
      await audited(async () => h.core.api.tokens.revoke({ sessionId, loginIds: ['ippan001'], authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696', 4) })),
    ).toEqual([['kmb05871', 'stepup.otp', 'kmb05871', 'failure', 'OTP_INVALID']]);
    const refused = await audited(async () => h.core.api.tokens.revoke({ sessionId, loginIds: ['ippan001', 'shinki01'], ...(await stepUp(h)) }));
    expect(refused).toEqual([
      ['kmb05871', 'token.revoke', 'ippan001', 'failure', 'NOT_REVOCABLE'],
      ['kmb05871', 'token.revoke', 'shinki01', 'failure', 'NOT_REVOCABLE'],
    ]);
  });

  it('SPEC R-GEN-2: an audit row never holds a password or a code', async () => {
    const code = await h.codeOf('523405696');
    await h.core.api.auth.login({ loginId: 'kmb05871', password: 'Secret-typo-1' });
    const challengeId = await passwordStep(h, 'kmb05871');
    await h.core.api.auth.verifyOtp({ challengeId, otp: code });
    const text = JSON.stringify(await auditRows(h));
    expect(text).not.toContain('Secret-typo-1');
    expect(text).not.toContain(PASSWORDS.login);
    expect(text).not.toContain(code);
  });
});
