import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../../support/admin';
import { userRecord } from '../../support/db';
import { auditRows, createHarness, loginWithOtp, nextStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';

/**
 * Issue 11 finding 2 (SPEC R-REV-6): an admin's reset of the master's authentication password cannot be turned
 * against the master. The attack: reset it at will to freeze the master's sessions behind a change only the admin
 * can make, and use the "must differ" answer to test guesses of the master's login password.
 */
let h: Harness;
let admin: string;
let master: string;
beforeEach(async () => {
  h = await createHarness();
  master = (await loginWithOtp(h, 'kmb05871')).sessionId;
  nextStep(h);
  admin = (await loginWithOtp(h, 'test12345')).sessionId;
  nextStep(h);
});
afterEach(() => h.close());

const TEMPORARY = 'Temp#2026x';
const reset = async (newAuthPassword: string) => h.core.api.users.changeMasterAuthPassword({ sessionId: admin, newAuthPassword, ...(await stepUp(h)) });
const replace = async (loginPassword: string, next: string) =>
  h.core.api.account.replaceAuthPassword({ sessionId: master, loginPassword, next, otp: await h.codeOf('523405696') });

describe("issue 11 finding 2: R-REV-6 sets a temporary password the master replaces; the master is never frozen", () => {
  it("SPEC R-REV-6: a guess equal to the master's login password is answered like any other: no oracle", async () => {
    expect(await reset(PASSWORDS.login)).toEqual({ ok: true, value: {} });
    nextStep(h);
    expect(await reset(TEMPORARY)).toEqual({ ok: true, value: {} });
    const rows = (await auditRows(h)).filter((r) => r.action === 'user.masterAuthPassword');
    expect(rows.map((r) => [r.actor_login_id, r.target_login_id, r.result])).toEqual([
      ['test12345', 'kmb05871', 'success'],
      ['test12345', 'kmb05871', 'success'],
    ]);
  });

  it("SPEC R-REV-6: the master's live session keeps working and shows who reset the password and when", async () => {
    const at = h.clock.now().toISOString();
    value(await reset(TEMPORARY));
    expect(value(await h.core.api.users.list({ sessionId: master, sort: 'loginId-asc' })).users.length).toBeGreaterThan(0);
    expect(value(await h.core.api.top.get({ sessionId: master })).authPasswordReset).toEqual({ by: 'test12345', at });
    expect(value(await h.core.api.auth.session({ sessionId: master }))).toMatchObject({ mustChangePasswords: false, authPasswordReset: { by: 'test12345', at } });
    nextStep(h);
    expect((await loginWithOtp(h, 'kmb05871')).authPasswordReset).toEqual({ by: 'test12345', at });
  });

  it('SPEC R-REV-6: the master replaces it with the login password and an OTP, never the temporary one; then the admin\'s password is gone', async () => {
    value(await reset(TEMPORARY));
    nextStep(h);
    expect(await replace(TEMPORARY, 'Mine#2026x')).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'loginPassword' } });
    expect(await replace(PASSWORDS.login, PASSWORDS.login)).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'next', rules: ['differs'] } });
    expect(await replace(PASSWORDS.login, 'Mine#2026x')).toEqual({ ok: true, value: {} });
    expect(await userRecord(h, 'kmb05871')).toMatchObject({ auth_password_reset_by: null, auth_password_reset_at: null, auth_password_initial: 0 });
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'kmb05871', action: 'account.authPassword', target_login_id: 'kmb05871', result: 'success' });
    nextStep(h);
    const withTemporary = await h.core.api.tokens.revoke({ sessionId: master, loginIds: ['kigen001'], authPassword: TEMPORARY, otp: await h.codeOf('523405696') });
    expect(withTemporary).toMatchObject({ ok: false, error: { code: 'BAD_AUTH_PASSWORD' } });
    nextStep(h);
    expect(await replace(PASSWORDS.login, 'Again#2026x')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
