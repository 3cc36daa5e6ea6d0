import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERAL, generalSession } from '../../support/admin';
import { dumpTables } from '../../support/db';
import { createHarness, loginWithOtp, nextStep, PASSWORDS, type Harness } from '../../support/harness';
import { ADMIN_CHANNELS, requestTemplates } from '../../support/templates';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => h.close());

/** Operations: their refusal is audited against the users they were aimed at (SPEC R-GEN-2). Reads are not. */
const AUDITED = {
  'tokens:revoke': ['token.revoke', 'kigen001'],
  'tokens:resync': ['token.resync', '523405697'],
  'tokens:report-lost': ['token.lost', 'kigen001'],
  'users:unlock': ['user.unlock', 'kigen001'],
  'users:register': ['user.register', 'shinjin01'],
  'users:update': ['user.update', 'kigen001'],
  'users:remove': ['user.remove', 'kigen001'],
  'users:change-master-auth-password': ['user.masterAuthPassword', 'kmb05871'],
  'imports:commit': ['token.import', 'ippan001'],
};

describe('role rules on every admin channel (SPEC R-REV-1, R-REV-6, R-OTP-3)', () => {
  it('SPEC R-REV-1: a general user → FORBIDDEN on every admin channel; nothing changes but the audit rows; the step-up code stays unused', async () => {
    const sessionId = await generalSession(h);
    nextStep(h);
    const otp = await h.codeOf(GENERAL.serial);
    const templates = requestTemplates({ sessionId, otpChallenge: '', registration: '', otp, resync: [otp, otp], target: 'kigen001' });
    const before = await dumpTables(h.store.db);
    for (const name of ADMIN_CHANNELS) {
      expect({ name, result: await h.core.dispatch(name, templates[name]) }).toEqual({ name, result: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
    const { audit_log: audit, ...rest } = await dumpTables(h.store.db);
    const { audit_log: auditBefore, ...restBefore } = before;
    // The tokens table included: no code was consumed.
    expect(rest).toEqual(restBefore);
    const added = audit!.slice(auditBefore!.length).map((r) => [(r as { action: string }).action, (r as { target_login_id: string }).target_login_id]);
    expect(added).toEqual(ADMIN_CHANNELS.filter((n) => n in AUDITED).map((n) => AUDITED[n as keyof typeof AUDITED]));
  });

  it('SPEC R-REV-6: only an admin changes the master\'s authentication password; the master → FORBIDDEN (general users: above)', async () => {
    const master = (await loginWithOtp(h, 'kmb05871')).sessionId;
    nextStep(h);
    const otp = await h.codeOf('523405696');
    const request = { newAuthPassword: 'Auth#2099x', authPassword: PASSWORDS.auth, otp };
    expect(await h.core.api.users.changeMasterAuthPassword({ sessionId: master, ...request })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = (await loginWithOtp(h, 'test12345', '523405696')).sessionId;
    nextStep(h);
    expect(await h.core.api.users.changeMasterAuthPassword({ sessionId: admin, ...request, otp: await h.codeOf('523405696') })).toEqual({ ok: true, value: {} });
  });
});
