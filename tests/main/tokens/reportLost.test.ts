import { describe, expect, it } from 'vitest';
import { GENERAL, generalSession } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { dumpTables } from '../../support/db';
import { jst } from '../../support/clock';
import { auditRows, loginWithOtp, nextStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let admin: string;
eachCompanyWorld('test12345', (w) => ({ h, sessionId: admin } = w));

const report = async (loginId: string, sessionId = admin) => h.core.api.tokens.reportLost({ sessionId, loginId, ...(await stepUp(h)) });

describe('紛失 report (SPEC R-TOK-6, R-REV-3..5)', () => {
  it('SPEC R-TOK-6: an admin reports a user\'s token lost: revoked as BRSK027 does, report and revocation audited together, the user\'s session ended', async () => {
    const general = await generalSession(h);
    nextStep(h);
    const at = h.clock.now();
    const opensAt = new Date(at.getTime() + 30 * 60_000).toISOString();
    expect(await report(GENERAL.loginId)).toEqual({
      ok: true,
      value: {
        revoked: expect.objectContaining({ loginId: GENERAL.loginId, serial: GENERAL.serial, otpState: 'revoked', reRegistrationAt: opensAt }),
        alsoAffected: [],
        selfRevoked: false,
      },
    });
    expect((await auditRows(h)).slice(-2).map((r) => [r.actor_login_id, r.action, r.target_login_id, r.at])).toEqual([
      ['test12345', 'token.lost', GENERAL.loginId, at.getTime()],
      ['test12345', 'token.revoke', GENERAL.loginId, at.getTime()],
    ]);
    expect(await h.core.api.top.get({ sessionId: general })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
    expect(await h.core.api.auth.login({ loginId: GENERAL.loginId, password: PASSWORDS.login })).toEqual({ ok: false, error: { code: 'REVOKED_COOLING_DOWN', reRegistrationAt: opensAt } });
  });

  it('SPEC R-REV-5: reported at 21:00 JST, the user registers a new token from 08:10 the next morning', async () => {
    h.clock.set(jst('2026-11-24T21:00:00'));
    admin = (await loginWithOtp(h, 'test12345')).sessionId;
    nextStep(h);
    expect(await report(GENERAL.loginId)).toMatchObject({ ok: true, value: { revoked: { reRegistrationAt: jst('2026-11-25T08:10:00').toISOString() } } });
  });

  it('a user without an active token → NOT_REVOCABLE, and neither the report nor a revocation is recorded as done', async () => {
    const before = await dumpTables(h.store.db);
    expect(await report('shinki01')).toEqual({ ok: false, error: { code: 'NOT_REVOCABLE', loginIds: ['shinki01'] } });
    const after = await dumpTables(h.store.db);
    expect(after.token_assignments).toEqual(before.token_assignments);
    expect(after.audit_log!.slice(before.audit_log!.length)).toEqual([
      expect.objectContaining({ actor_login_id: 'test12345', action: 'token.lost', target_login_id: 'shinki01', result: 'failure', reason: 'NOT_REVOCABLE' }),
    ]);
  });

  it('not for oneself → FORBIDDEN (BRSK027 revokes one\'s own token); not for a general user → FORBIDDEN', async () => {
    expect(await report('test12345')).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.core.api.auth.session({ sessionId: admin })).toMatchObject({ ok: true });
    const general = await generalSession(h);
    nextStep(h);
    expect(await h.core.api.tokens.reportLost({ sessionId: general, loginId: 'kigen001', ...(await stepUp(h, GENERAL.serial)) })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
