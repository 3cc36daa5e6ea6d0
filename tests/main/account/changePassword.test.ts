import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../main/crypto/password';
import { GENERAL, generalSession } from '../../support/admin';
import { userRecord } from '../../support/db';
import { auditRows, createHarness, nextStep, PASSWORDS, type Harness } from '../../support/harness';

let h: Harness;
let sessionId: string;
beforeEach(async () => {
  h = await createHarness();
  sessionId = await generalSession(h);
  nextStep(h);
});
afterEach(async () => h.close());

const changeLogin = (current: string, next: string) => h.core.api.account.changeLoginPassword({ sessionId, current, next });
const changeAuth = (current: string, next: string) => h.core.api.account.changeAuthPassword({ sessionId, current, next });

describe('every user changes their own passwords (issue: provisioning, SPEC Actors, R-OTP-3)', () => {
  it('the login password: the new one logs in, the old one no longer; audited', async () => {
    expect(await changeLogin(PASSWORDS.login, 'Fresh#2026x')).toEqual({ ok: true, value: {} });
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: GENERAL.loginId, action: 'account.loginPassword', target_login_id: GENERAL.loginId, result: 'success' });
    expect(await h.core.api.auth.login({ loginId: GENERAL.loginId, password: 'Fresh#2026x' })).toMatchObject({ ok: true });
    expect(await h.core.api.auth.login({ loginId: GENERAL.loginId, password: PASSWORDS.login })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('the authentication password: the stored hash is the new one, no longer the old; audited', async () => {
    expect(await changeAuth(PASSWORDS.auth, 'Fresh#2026y')).toEqual({ ok: true, value: {} });
    const hash = (await userRecord(h, GENERAL.loginId)).auth_password_hash;
    expect(await verifyPassword('Fresh#2026y', hash)).toBe(true);
    expect(await verifyPassword(PASSWORDS.auth, hash)).toBe(false);
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: GENERAL.loginId, action: 'account.authPassword', result: 'success' });
  });

  it('SPEC R-OTP-3: a wrong current password counts towards the lock; the fifth locks the user and ends the session', async () => {
    for (let left = 4; left >= 1; left--) {
      expect(await changeLogin('wrong', 'Fresh#2026x')).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'current', attemptsLeft: left } });
    }
    expect(await changeAuth('wrong', 'Fresh#2026x')).toEqual({ ok: false, error: { code: 'LOCKED' } });
    expect((await userRecord(h, GENERAL.loginId)).locked_at).not.toBeNull();
    expect(await h.core.api.top.get({ sessionId })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'locked' } });
  });

  it('SPEC Actors: the new password meets the rules and differs from the other password (checked against its hash)', async () => {
    expect(await changeLogin(PASSWORDS.login, 'ippan001xyz')).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'next', rules: ['notLoginId'] } });
    expect(await changeLogin(PASSWORDS.login, PASSWORDS.auth)).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'next', rules: ['differs'] } });
    expect(await changeAuth(PASSWORDS.auth, PASSWORDS.login)).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'next', rules: ['differs'] } });
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'account.authPassword', result: 'failure', reason: 'PASSWORD_POLICY' });
    expect((await userRecord(h, GENERAL.loginId)).failed_attempts).toBe(0);
    expect(await h.core.api.auth.login({ loginId: GENERAL.loginId, password: PASSWORDS.login })).toMatchObject({ ok: true });
  });
});
