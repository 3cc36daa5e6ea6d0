import { describe, expect, it } from 'vitest';
import { value } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { dumpTables, userRecord } from '../../support/db';
import { auditRows, loginWithOtp, nextStep, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w));

const INITIAL = { initialLoginPassword: 'Init#Login1', initialAuthPassword: 'Init#Auth1' };
const register = async (over: Record<string, unknown> = {}, sessionId = master) =>
  h.core.dispatch('users:register', { sessionId, loginId: 'shinjin01', name: '新人 一郎', userType: 'general', ...INITIAL, ...(await stepUp(h)), ...over });

describe('利用者登録 (SPEC R-OTP-4, Actors)', () => {
  it('SPEC R-OTP-4: a master registers a general user after step-up; both passwords initial; the row and an audit row', async () => {
    expect(await register()).toEqual({
      ok: true,
      value: { loginId: 'shinjin01', name: '新人 一郎', userType: 'general', serial: null, otpState: 'none', tokenExpiresAt: null, tokenExpiry: null, reRegistrationAt: null },
    });
    expect(await userRecord(h, 'shinjin01')).toMatchObject({ company_id: 1, login_password_initial: 1, auth_password_initial: 1, deleted_at: null });
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'kmb05871', action: 'user.register', target_login_id: 'shinjin01', result: 'success' });
    expect(await h.core.api.auth.login({ loginId: 'shinjin01', password: INITIAL.initialLoginPassword })).toMatchObject({ ok: true, value: { kind: 'needsTokenRegistration' } });
  });

  it('an admin registers another admin', async () => {
    const admin = (await loginWithOtp(h, 'test12345')).sessionId;
    nextStep(h);
    expect(await register({ userType: 'admin' }, admin)).toMatchObject({ ok: true, value: { userType: 'admin' } });
  });

  it('SPEC Actors: a second master cannot even be asked for (the contract refuses it)', async () => {
    expect(await register({ userType: 'master' })).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'userType' } });
  });

  it('LOGIN_ID_TAKEN for an ID of this company, of another company, or of a deleted user; nothing written, the code unused', async () => {
    const credentials = await stepUp(h);
    const before = await dumpTables(h.store.db);
    for (const loginId of ['test12345', 'tasha001']) {
      expect(await register({ loginId, ...credentials })).toEqual({ ok: false, error: { code: 'LOGIN_ID_TAKEN', field: 'loginId' } });
    }
    const { audit_log: _audit, ...after } = await dumpTables(h.store.db);
    const { audit_log: _before, ...unchanged } = before;
    expect(after).toEqual(unchanged);
    expect(await h.core.api.users.remove({ sessionId: master, loginId: 'shinki01', ...credentials })).toEqual({ ok: true, value: {} });
    nextStep(h);
    expect(await register({ loginId: 'shinki01' })).toEqual({ ok: false, error: { code: 'LOGIN_ID_TAKEN', field: 'loginId' } });
  });

  it('PASSWORD_POLICY for the initial passwords, by field and rule, audited, before the step-up', async () => {
    const credentials = await stepUp(h);
    expect(await register({ initialLoginPassword: 'My-SHINJIN01', ...credentials })).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'initialLoginPassword', rules: ['notLoginId'] } });
    expect(await register({ initialAuthPassword: INITIAL.initialLoginPassword, ...credentials })).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'initialLoginPassword', rules: ['differs'] } });
    expect(await register({ initialAuthPassword: 'abc', ...credentials })).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'initialAuthPassword', rules: ['length', 'digit'] } });
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'kmb05871', action: 'user.register', target_login_id: 'shinjin01', result: 'failure', reason: 'PASSWORD_POLICY' });
    expect(await register(credentials)).toMatchObject({ ok: true });
  });
});

describe('the first login of a registered user (issue: provisioning)', () => {
  it('registers their token, then must change both passwords before anything else', async () => {
    value(await register());
    const step = value(await h.core.api.auth.login({ loginId: 'shinjin01', password: INITIAL.initialLoginPassword }));
    const session = value(await h.core.api.tokens.register({ challengeId: step.challengeId, serial: '600000001', otp: await h.codeOf('600000001') }));
    expect(session).toMatchObject({ loginId: 'shinjin01', mustChangePasswords: true });
    expect(await h.core.api.top.get({ sessionId: session.sessionId })).toEqual({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
  });
});
