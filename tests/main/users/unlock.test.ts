import { beforeEach, describe, expect, it } from 'vitest';
import { eachCompanyWorld } from '../../support/companyWorld';
import { userRecord } from '../../support/db';
import { auditRows, nextStep, PASSWORDS, passwordStep, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let admin: string;
eachCompanyWorld('test12345', (w) => ({ h, sessionId: admin } = w));
beforeEach(async () => {
  for (let i = 0; i < 5; i++) await h.core.api.auth.login({ loginId: 'ippan001', password: 'wrong' });
});

const unlock = async (loginId: string, sessionId = admin, serial = '523405696') =>
  h.core.api.users.unlock({ sessionId, loginId, ...(await stepUp(h, serial)) });

describe('unlocking (SPEC R-OTP-3, R-OTP-4)', () => {
  it('SPEC R-OTP-3: an admin unlocks a locked user with authentication password + OTP; the user can log in again', async () => {
    expect((await userRecord(h, 'ippan001')).locked_at).not.toBeNull();
    expect(await unlock('ippan001')).toEqual({ ok: true, value: {} });
    expect(await userRecord(h, 'ippan001')).toMatchObject({ locked_at: null, failed_attempts: 0 });
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'test12345', action: 'user.unlock', target_login_id: 'ippan001', result: 'success' });
    expect(await h.core.api.auth.login({ loginId: 'ippan001', password: PASSWORDS.login })).toMatchObject({ ok: true, value: { kind: 'needsOtp' } });
  });

  it('SPEC R-OTP-3: a general user cannot unlock → FORBIDDEN, the user stays locked', async () => {
    // shinki01 (general) registers the unassigned token 600000001 and so gets a session (SPEC R-LOG-3).
    const challengeId = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
    const general = await h.core.api.tokens.register({ challengeId, serial: '600000001', otp: await h.codeOf('600000001') });
    if (!general.ok) throw new Error(JSON.stringify(general));
    nextStep(h);
    expect(await unlock('ippan001', general.value.sessionId, '600000001')).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await userRecord(h, 'ippan001')).locked_at).not.toBeNull();
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'shinki01', action: 'user.unlock', result: 'failure', reason: 'FORBIDDEN' });
  });

  it('SPEC R-OTP-3: unlocking a user who is not locked → NOT_LOCKED, and the OTP stays unused', async () => {
    const credentials = await stepUp(h);
    expect(await h.core.api.users.unlock({ sessionId: admin, loginId: 'kmb05871', ...credentials })).toEqual({
      ok: false,
      error: { code: 'NOT_LOCKED', loginIds: ['kmb05871'] },
    });
    expect(await h.core.api.users.unlock({ sessionId: admin, loginId: 'ippan001', ...credentials })).toEqual({ ok: true, value: {} });
  });

  it('SPEC R-OTP-4: a wrong authentication password or OTP unlocks nothing', async () => {
    expect(await h.core.api.users.unlock({ sessionId: admin, loginId: 'ippan001', authPassword: 'wrong', otp: await h.codeOf('523405696') })).toMatchObject({
      ok: false,
      error: { code: 'BAD_AUTH_PASSWORD' },
    });
    expect(await h.core.api.users.unlock({ sessionId: admin, loginId: 'ippan001', authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696', 5) })).toMatchObject({
      ok: false,
      error: { code: 'OTP_INVALID' },
    });
    expect((await userRecord(h, 'ippan001')).locked_at).not.toBeNull();
  });

  it('a user of another company cannot be unlocked → USER_NOT_FOUND', async () => {
    expect(await unlock('tasha001')).toEqual({ ok: false, error: { code: 'USER_NOT_FOUND', loginIds: ['tasha001'] } });
  });
});
