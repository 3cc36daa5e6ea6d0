import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../../support/admin';
import { userRecord } from '../../support/db';
import { createHarness, loginWithOtp, nextStep, stepUp, type Harness } from '../../support/harness';

/**
 * Issue 11 finding 5 (SPEC Actors: two different secrets; R-OTP-3): a forced password change must change the
 * passwords. The attack: a user created with initial passwords "changes" both to the same values, so the admin
 * who set them keeps knowing them; and the "must differ" answer used to test guesses of the other password.
 */
const INITIAL = { login: 'Init#Login1', auth: 'Init#Auth1' };
let h: Harness;
let sessionId: string;
beforeEach(async () => {
  h = await createHarness();
  const master = (await loginWithOtp(h, 'kmb05871')).sessionId;
  nextStep(h);
  const initial = { initialLoginPassword: INITIAL.login, initialAuthPassword: INITIAL.auth };
  value(await h.core.api.users.register({ sessionId: master, loginId: 'shinjin01', name: '新人 一郎', userType: 'general', ...initial, ...(await stepUp(h)) }));
  const step = value(await h.core.api.auth.login({ loginId: 'shinjin01', password: INITIAL.login }));
  nextStep(h);
  sessionId = value(await h.core.api.tokens.register({ challengeId: step.challengeId, serial: '600000001', otp: await h.codeOf('600000001') })).sessionId;
});
afterEach(() => h.close());

describe('issue 11 finding 5: a forced change refuses the same password and is no oracle for the other one', () => {
  it('SPEC R-OTP-3: the same login and authentication passwords again → PASSWORD_UNCHANGED at the new field; the gate stays', async () => {
    const unchanged = { ok: false, error: { code: 'PASSWORD_UNCHANGED', field: 'next' } };
    expect(await h.core.api.account.changeLoginPassword({ sessionId, current: INITIAL.login, next: INITIAL.login })).toEqual(unchanged);
    expect(await h.core.api.account.changeAuthPassword({ sessionId, current: INITIAL.auth, next: INITIAL.auth })).toEqual(unchanged);
    expect(await userRecord(h, 'shinjin01')).toMatchObject({ login_password_initial: 1, auth_password_initial: 1 });
    expect(value(await h.core.api.auth.session({ sessionId })).mustChangePasswords).toBe(true);
  });

  it('SPEC Actors: "must differ" is answered only with the right current password; a wrong one counts as a failure', async () => {
    const guess = await h.core.api.account.changeLoginPassword({ sessionId, current: 'Wrong#2026x', next: INITIAL.auth });
    expect(guess).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'current', attemptsLeft: 4 } });
    const proven = await h.core.api.account.changeLoginPassword({ sessionId, current: INITIAL.login, next: INITIAL.auth });
    expect(proven).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'next', rules: ['differs'] } });
  });
});
