import { describe, expect, it } from 'vitest';
import { asFile, entraCsv, GENERAL, value } from '../../support/admin';
import { eachHarness } from '../../support/companyWorld';
import { assignments, tokenRow } from '../../support/db';
import { auditRows, loginWithOtp, nextStep, passwordStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';

/**
 * Issue 11 finding 1 (SPEC R-TOK-6, R-TOK-1): a lost-token report disables the token itself. The attack: a thief
 * with the device and a user's login password waits out the cool-down and registers the same token again on
 * BLGI020, while everyone else sharing it goes on using it.
 */
let h: Harness;
eachHarness((harness) => (h = harness));

const COOL_DOWN = 31 * 60_000;
const report = async (sessionId: string, loginId: string) => h.core.api.tokens.reportLost({ sessionId, loginId, ...(await stepUp(h)) });

describe('issue 11 finding 1: a lost token is disabled for everyone sharing it', () => {
  it('SPEC R-TOK-6: the report disables 523405696, revokes both holders in one go, ends their sessions and names the other holder', async () => {
    const master = (await loginWithOtp(h, 'kmb05871')).sessionId;
    nextStep(h);
    const admin = (await loginWithOtp(h, 'test12345')).sessionId;
    nextStep(h);
    const reported = value(await report(admin, 'kmb05871'));
    expect(reported).toMatchObject({ revoked: { loginId: 'kmb05871', otpState: 'revoked', revokedReason: 'lost' }, selfRevoked: true });
    expect(reported.alsoAffected.map((r) => [r.loginId, r.otpState, r.revokedReason])).toEqual([['test12345', 'revoked', 'lost']]);
    expect(await tokenRow(h, '523405696')).toMatchObject({ state: 'disabled', disabled_reason: 'lost' });
    const lost = (await auditRows(h)).filter((r) => r.action === 'token.lost');
    expect(lost.map((r) => [r.actor_login_id, r.target_login_id, r.result])).toEqual([
      ['test12345', 'kmb05871', 'success'],
      ['test12345', 'test12345', 'success'],
    ]);
    // Per holder, as the README says: the report's token.lost row and the revocation's token.revoke row, nothing else.
    const reportRows = (await auditRows(h)).filter((r) => r.actor_login_id === 'test12345' && r.action.startsWith('token.') && r.result === 'success');
    expect(reportRows.map((r) => [r.action, r.target_login_id]).sort()).toEqual([
      ['token.lost', 'kmb05871'],
      ['token.lost', 'test12345'],
      ['token.revoke', 'kmb05871'],
      ['token.revoke', 'test12345'],
    ]);
    for (const sessionId of [master, admin]) {
      expect(await h.core.api.auth.session({ sessionId })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
    }
  });

  it('SPEC R-TOK-6: after the cool-down the thief cannot register the lost token again on BLGI020, nor anyone who shared it', async () => {
    const admin = (await loginWithOtp(h, 'test12345')).sessionId;
    nextStep(h);
    value(await report(admin, 'kmb05871'));
    h.clock.advance(COOL_DOWN);
    for (const loginId of ['kmb05871', 'test12345']) {
      const challengeId = await passwordStep(h, loginId, 'needsTokenRegistration');
      const again = await h.core.api.tokens.register({ challengeId, serial: '523405696', otp: await h.codeOf('523405696') });
      expect(again).toEqual({ ok: false, error: { code: 'TOKEN_DISABLED', field: 'serial' } });
    }
    const lostId = (await tokenRow(h, '523405696')).id;
    expect((await assignments(h)).filter((a) => a.state === 'active' && a.token_id === lostId)).toEqual([]);
  });

  it('SPEC R-TOK-6: its serial is refused by resync and by a re-import (a reissued token has a new serial); BRSK027 shows 失効中, 紛失', async () => {
    const master = (await loginWithOtp(h, 'kmb05871')).sessionId;
    nextStep(h);
    value(await report(master, GENERAL.loginId));
    nextStep(h);
    const resync = await h.core.api.tokens.resync({
      sessionId: master,
      serial: GENERAL.serial,
      firstOtp: await h.codeOf(GENERAL.serial),
      secondOtp: await h.codeOf(GENERAL.serial, 1),
      authPassword: PASSWORDS.auth,
    });
    expect(resync).toEqual({ ok: false, error: { code: 'TOKEN_DISABLED', field: 'serial' } });
    const preview = value(await h.core.api.imports.preview({ sessionId: master, ...asFile('csv', entraCsv([{ serial: GENERAL.serial }])) }));
    expect(preview).toMatchObject({ newCount: 0, problems: [{ where: 'line 2', reason: 'TOKEN_DISABLED' }] });
    const listed = value(await h.core.api.users.list({ sessionId: master, sort: 'loginId-asc' })).users.find((u) => u.loginId === GENERAL.loginId);
    expect(listed).toMatchObject({ otpState: 'revoked', revokedReason: 'lost' });
  });
});
