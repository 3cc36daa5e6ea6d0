import { describe, expect, it } from 'vitest';
import { GENERAL, generalSession } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { userRecord } from '../../support/db';
import { auditRows, nextStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let admin: string;
eachCompanyWorld('test12345', (w) => ({ h, sessionId: admin } = w));

const remove = async (loginId: string, sessionId = admin) => h.core.api.users.remove({ sessionId, loginId, ...(await stepUp(h)) });

describe('利用者削除 (SPEC R-OTP-4, R-REV-5)', () => {
  it('SPEC R-REV-5: the user is marked deleted, their token revoked as usual, their session ended; both audited together', async () => {
    const general = await generalSession(h);
    nextStep(h);
    expect(await remove(GENERAL.loginId)).toEqual({ ok: true, value: {} });
    expect((await userRecord(h, GENERAL.loginId)).deleted_at).toBe(h.clock.now().getTime());
    const assignment = await h.store.db.selectFrom('token_assignments as a').innerJoin('users as u', 'u.id', 'a.user_id').selectAll('a').where('u.login_id', '=', GENERAL.loginId).executeTakeFirstOrThrow();
    expect(assignment).toMatchObject({ state: 'revoked', revoked_at: h.clock.now().getTime(), reregistration_at: h.clock.now().getTime() + 30 * 60_000 });
    expect((await auditRows(h)).slice(-2).map((r) => [r.action, r.target_login_id, r.at])).toEqual([
      ['user.remove', GENERAL.loginId, h.clock.now().getTime()],
      ['token.revoke', GENERAL.loginId, h.clock.now().getTime()],
    ]);
    expect(await h.core.api.top.get({ sessionId: general })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
  });

  it('a deleted user vanishes: not listed, their login answered as an unknown ID, unlock and revocation → USER_NOT_FOUND', async () => {
    expect(await remove(GENERAL.loginId)).toMatchObject({ ok: true });
    const listed = await h.core.api.users.list({ sessionId: admin, sort: 'loginId-asc' });
    expect(listed.ok && listed.value.users.map((u) => u.loginId)).toEqual(['kigen001', 'kmb05871', 'shinki01', 'test12345']);
    const deleted = await h.core.api.auth.login({ loginId: GENERAL.loginId, password: PASSWORDS.login });
    const unknown = await h.core.api.auth.login({ loginId: 'nobody01', password: PASSWORDS.login });
    expect(deleted).toEqual(unknown);
    expect(deleted).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password' } });
    nextStep(h);
    const credentials = await stepUp(h);
    expect(await h.core.api.users.unlock({ sessionId: admin, loginId: GENERAL.loginId, ...credentials })).toEqual({ ok: false, error: { code: 'USER_NOT_FOUND', loginIds: [GENERAL.loginId] } });
    expect(await h.core.api.tokens.revoke({ sessionId: admin, loginIds: [GENERAL.loginId], ...credentials })).toEqual({ ok: false, error: { code: 'USER_NOT_FOUND', loginIds: [GENERAL.loginId] } });
    expect(await remove(GENERAL.loginId)).toEqual({ ok: false, error: { code: 'USER_NOT_FOUND', loginIds: [GENERAL.loginId] } });
  });

  it('a user without a token is removed with one audit row', async () => {
    const before = (await auditRows(h)).length;
    expect(await remove('shinki01')).toEqual({ ok: true, value: {} });
    expect((await auditRows(h)).slice(before)).toEqual([expect.objectContaining({ action: 'user.remove', target_login_id: 'shinki01', result: 'success' })]);
  });

  it('Actors: the master cannot be removed → MASTER_RULE; nobody removes themself → FORBIDDEN', async () => {
    expect(await remove('kmb05871')).toEqual({ ok: false, error: { code: 'MASTER_RULE', loginIds: ['kmb05871'] } });
    expect(await remove('test12345')).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'test12345', action: 'user.remove', target_login_id: 'test12345', result: 'failure', reason: 'FORBIDDEN' });
    expect((await userRecord(h, 'kmb05871')).deleted_at).toBeNull();
    expect((await userRecord(h, 'test12345')).deleted_at).toBeNull();
    expect(await h.core.api.auth.session({ sessionId: admin })).toMatchObject({ ok: true });
  });
});
