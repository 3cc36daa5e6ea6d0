import { describe, expect, it } from 'vitest';
import { eachCompanyWorld } from '../../support/companyWorld';
import { dumpTables, failSecondUpdate, loginIdsWithAssignment } from '../../support/db';
import { auditRows, loginWithOtp, nextStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w));

const revoke = async (loginIds: string[], credentials?: { authPassword: string; otp: string }) =>
  h.core.api.tokens.revoke({ sessionId: master, loginIds, ...(credentials ?? (await stepUp(h))) });

describe('revocation is atomic, after step-up (SPEC R-REV-3)', () => {
  it('SPEC R-REV-3: two users revoked at once are both 失効中, with an audit row each', async () => {
    const auditBefore = (await auditRows(h)).length;
    const result = await revoke(['ippan001', 'test12345']);
    expect(result).toMatchObject({ ok: true, value: { selfRevoked: false } });
    if (!result.ok) return;
    expect(result.value.revoked.map((r) => [r.loginId, r.otpState])).toEqual([
      ['ippan001', 'revoked'],
      ['test12345', 'revoked'],
    ]);
    expect(await loginIdsWithAssignment(h, 'revoked')).toEqual(['ippan001', 'test12345']);
    const added = (await auditRows(h)).slice(auditBefore).filter((r) => r.action === 'token.revoke');
    expect(added.map((r) => [r.actor_login_id, r.target_login_id, r.result])).toEqual([
      ['kmb05871', 'ippan001', 'success'],
      ['kmb05871', 'test12345', 'success'],
    ]);
  });

  it('SPEC R-REV-3: a wrong authentication password revokes nothing', async () => {
    const before = await dumpTables(h.store.db);
    const result = await revoke(['ippan001'], { authPassword: 'wrong', otp: await h.codeOf('523405696') });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_AUTH_PASSWORD', field: 'authPassword', attemptsLeft: 4 } });
    const after = await dumpTables(h.store.db);
    expect(after.token_assignments).toEqual(before.token_assignments);
    expect(after.tokens).toEqual(before.tokens);
  });

  it('SPEC R-REV-3: a wrong OTP revokes nothing', async () => {
    const before = await dumpTables(h.store.db);
    const result = await revoke(['ippan001'], { authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696', 5) });
    expect(result).toEqual({ ok: false, error: { code: 'OTP_INVALID', field: 'otp', attemptsLeft: 4 } });
    expect((await dumpTables(h.store.db)).token_assignments).toEqual(before.token_assignments);
  });

  it('SPEC R-REV-3: a selection with a user who has no active token revokes none and leaves the OTP unused', async () => {
    const credentials = await stepUp(h);
    const before = await dumpTables(h.store.db);
    const refused = await revoke(['ippan001', 'shinki01', 'test12345'], credentials);
    expect(refused).toEqual({ ok: false, error: { code: 'NOT_REVOCABLE', loginIds: ['shinki01'] } });
    const after = await dumpTables(h.store.db);
    expect(after.token_assignments).toEqual(before.token_assignments);
    expect(after.tokens).toEqual(before.tokens);
    // The same code still works: the refused revocation did not consume it.
    expect(await revoke(['ippan001'], credentials)).toMatchObject({ ok: true });
  });

  it('SPEC R-REV-3: a user of another company, or an unknown ID, refuses the whole selection', async () => {
    const refused = await revoke(['ippan001', 'tasha001', 'nobody01']);
    expect(refused).toEqual({ ok: false, error: { code: 'USER_NOT_FOUND', loginIds: ['tasha001', 'nobody01'] } });
    expect(await loginIdsWithAssignment(h, 'revoked')).toEqual([]);
  });

  it('SPEC R-REV-3: a DB error thrown part-way → INTERNAL, nothing changed, no audit row', async () => {
    // The second assignment update of the statement sequence fails, as a full disk or a bug would.
    await failSecondUpdate(h.store.db, 'token_assignments', 'disk on fire');
    const before = await dumpTables(h.store.db);
    const result = await revoke(['ippan001', 'test12345']);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(h.bugs.splice(0).map(String)).toEqual([expect.stringContaining('disk on fire')]);
    expect(await dumpTables(h.store.db)).toEqual(before);
  });
});

describe('general users cannot revoke (SPEC R-REV-1)', () => {
  it('SPEC R-REV-1: ippan001 calling users.list and tokens.revoke → FORBIDDEN, nothing changed', async () => {
    const general = await loginWithOtp(h, 'ippan001', '523405697');
    nextStep(h);
    const before = await dumpTables(h.store.db);
    expect(await h.core.api.users.list({ sessionId: general.sessionId, sort: 'loginId-asc' })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    const revoked = await h.core.api.tokens.revoke({
      sessionId: general.sessionId,
      loginIds: ['kmb05871', 'test12345'],
      ...(await stepUp(h, '523405697')),
    });
    expect(revoked).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    const after = await dumpTables(h.store.db);
    expect(after.token_assignments).toEqual(before.token_assignments);
    expect(after.tokens).toEqual(before.tokens);
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'ippan001', action: 'token.revoke', result: 'failure', reason: 'FORBIDDEN' });
  });
});

describe('sessions end with the revocation (SPEC R-REV-4)', () => {
  it('SPEC R-REV-4: a master who revokes themself gets selfRevoked and their session is refused afterwards', async () => {
    const result = await revoke(['kmb05871']);
    expect(result).toMatchObject({ ok: true, value: { selfRevoked: true, revoked: [{ loginId: 'kmb05871', otpState: 'revoked' }] } });
    expect(await h.core.api.auth.session({ sessionId: master })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
    expect(await h.core.api.users.list({ sessionId: master, sort: 'loginId-asc' })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  it('SPEC R-REV-4: revoking another user ends that user, not the operator', async () => {
    const admin = await loginWithOtp(h, 'test12345');
    nextStep(h);
    expect(await revoke(['test12345'])).toMatchObject({ ok: true, value: { selfRevoked: false } });
    expect(await h.core.api.auth.session({ sessionId: admin.sessionId })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
    expect(await h.core.api.auth.session({ sessionId: master })).toMatchObject({ ok: true, value: { loginId: 'kmb05871' } });
  });

  it('SPEC R-REV-4: the OTP of a performed revocation cannot be replayed', async () => {
    const credentials = await stepUp(h);
    expect(await revoke(['ippan001'], credentials)).toMatchObject({ ok: true });
    expect(await revoke(['kigen001'], credentials)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
  });
});
