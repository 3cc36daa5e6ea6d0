import { describe, expect, it } from 'vitest';
import { value } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { userRecord } from '../../support/db';
import { auditRows, loginWithOtp, nextStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let admin: string;
eachCompanyWorld('test12345', (w) => ({ h, sessionId: admin } = w));

const change = async (newAuthPassword: string, credentials?: { authPassword: string; otp: string }) =>
  h.core.api.users.changeMasterAuthPassword({ sessionId: admin, newAuthPassword, ...(credentials ?? (await stepUp(h))) });

describe("an admin sets the master's authentication password (SPEC R-REV-6)", () => {
  it('SPEC R-REV-6: after step-up the master confirms with the new password, which is temporary until they replace it', async () => {
    const before = (await userRecord(h, 'kmb05871')).auth_password_hash;
    expect(await change('Given#2026x')).toEqual({ ok: true, value: {} });
    expect(await userRecord(h, 'kmb05871')).toMatchObject({ auth_password_initial: 0, login_password_initial: 0, auth_password_reset_by: 'test12345' });
    expect((await userRecord(h, 'kmb05871')).auth_password_hash).not.toBe(before);
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'test12345', action: 'user.masterAuthPassword', target_login_id: 'kmb05871', result: 'success' });
    nextStep(h);
    const master = await loginWithOtp(h, 'kmb05871');
    expect(master.mustChangePasswords).toBe(false);
    expect(await h.core.api.account.changeAuthPassword({ sessionId: master.sessionId, current: PASSWORDS.auth, next: 'Mine#2026x' })).toMatchObject({ ok: false, error: { code: 'BAD_AUTH_PASSWORD' } });
    expect(await h.core.api.account.changeAuthPassword({ sessionId: master.sessionId, current: 'Given#2026x', next: 'Mine#2026x' })).toEqual({ ok: true, value: {} });
    expect(value(await h.core.api.auth.session({ sessionId: master.sessionId })).authPasswordReset).toBeNull();
    nextStep(h);
    const revoke = await h.core.api.tokens.revoke({ sessionId: master.sessionId, loginIds: ['kigen001'], authPassword: 'Mine#2026x', otp: await h.codeOf('523405696') });
    expect(revoke).toMatchObject({ ok: true });
  });

  it("the rules hold with the master's login ID, before the step-up, the code unused", async () => {
    const credentials = await stepUp(h);
    expect(await change('kmb05871#A', credentials)).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'newAuthPassword', rules: ['notLoginId'] } });
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'test12345', action: 'user.masterAuthPassword', target_login_id: 'kmb05871', result: 'failure', reason: 'PASSWORD_POLICY' });
    expect((await userRecord(h, 'kmb05871')).auth_password_reset_by).toBeNull();
    expect(await change('Given#2026x', credentials)).toEqual({ ok: true, value: {} });
  });

  it('SPEC R-OTP-4: without the right step-up nothing changes', async () => {
    const before = await userRecord(h, 'kmb05871');
    expect(await change('Given#2026x', { authPassword: 'wrong', otp: await h.codeOf('523405696') })).toMatchObject({ ok: false, error: { code: 'BAD_AUTH_PASSWORD' } });
    expect(await change('Given#2026x', { authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696', 5) })).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    expect((await userRecord(h, 'kmb05871')).auth_password_hash).toBe(before.auth_password_hash);
  });
});
