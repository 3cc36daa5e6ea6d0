import { describe, expect, it } from 'vitest';
import { eachHarness } from '../../support/companyWorld';
import { dumpTables } from '../../support/db';
import { serverChannels } from '../../../shared/contract/api';
import { typedLoginIdHmac } from '../../../main/crypto/keyedHash';
import { value } from '../../support/admin';
import { forgedId } from '../../support/fuzzing';
import { requestTemplates } from '../../support/templates';
import { auditRows, loginWithOtp, PASSWORDS, type Harness } from '../../support/harness';

/**
 * Issue 11 finding 4 (SPEC R-GEN-2: who, on whom): attempts made before anyone logged in are nobody's actions.
 * The attack: type wrong passwords for another user's ID, and a password into the login ID field.
 */
let h: Harness;
eachHarness((harness) => (h = harness));

/** A password of letters and digits only passes the login ID field's format. */
const typedPassword = 'Secret2026Pass';

describe('issue 11 finding 4: unauthenticated failures have no actor; an unknown typed ID is kept only as an HMAC', () => {
  it('SPEC R-GEN-2: wrong passwords typed for kmb05871 are recorded with no actor and kmb05871 as the target', async () => {
    for (let i = 0; i < 2; i++) await h.core.api.auth.login({ loginId: 'kmb05871', password: `guess${i}` });
    const rows = (await auditRows(h)).filter((r) => r.action === 'login.password');
    expect(rows.map((r) => [r.actor_login_id, r.target_login_id, r.result])).toEqual([
      [null, 'kmb05871', 'failure'],
      [null, 'kmb05871', 'failure'],
    ]);
  });

  it('SPEC R-GEN-2: a password typed as the login ID is stored nowhere in clear; repeats share one HMAC', async () => {
    await h.core.api.auth.login({ loginId: typedPassword, password: PASSWORDS.login });
    await h.core.api.auth.login({ loginId: typedPassword, password: 'x' });
    await h.core.api.auth.login({ loginId: 'nobody99', password: 'x' });
    expect(JSON.stringify(await dumpTables(h.store.db))).not.toContain(typedPassword);
    const rows = (await auditRows(h)).filter((r) => r.action === 'login.password');
    expect(rows.map((r) => [r.actor_login_id, r.target_login_id])).toEqual([[null, null], [null, null], [null, null]]);
    const [first, second, other] = rows.map((r) => r.typed_login_id_hmac);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('SPEC R-GEN-2: 操作履歴 and its CSV show such a row as 未認証, on the targeted user', async () => {
    await h.core.api.auth.login({ loginId: 'test12345', password: 'guess' });
    const { sessionId } = await loginWithOtp(h, 'kmb05871');
    const listed = value(await h.core.api.audit.list({ sessionId, filter: { action: 'login.password' }, offset: 0, limit: 10 }));
    expect(listed.rows.find((r) => r.result === 'failure')).toMatchObject({ actor: null, target: 'test12345', reason: 'BAD_CREDENTIALS' });
    const csv = Buffer.from(value(await h.core.api.audit.exportCsv({ sessionId, filter: { action: 'login.password' } })).csvBase64, 'base64').toString('utf8');
    expect(csv).toMatch(/,未認証,login\.password,test12345,失敗,BAD_CREDENTIALS\r\n/);
  });

  it('SPEC R-GEN-2: a refused setup.create is nobody\'s action: no actor; a typed master ID of no user only as its HMAC', async () => {
    const setup = (masterLoginId: string) =>
      h.core.api.setup.create({ companyCode: 'C0100', companyName: '新設商事株式会社', masterLoginId, masterName: '新社 一郎', loginPassword: 'Login#2026a', authPassword: 'Auth#2026b' });
    const typed = 'Intruder2026';
    expect(await setup(typed)).toEqual({ ok: false, error: { code: 'SETUP_ALREADY_DONE' } });
    expect(await setup('kmb05871')).toEqual({ ok: false, error: { code: 'SETUP_ALREADY_DONE' } });
    expect(JSON.stringify(await dumpTables(h.store.db))).not.toContain(typed);
    const rows = (await auditRows(h)).filter((r) => r.action === 'setup.create');
    expect(rows.map((r) => [r.actor_login_id, r.target_login_id, r.result, r.reason])).toEqual([
      [null, null, 'failure', 'SETUP_ALREADY_DONE'],
      [null, 'kmb05871', 'failure', 'SETUP_ALREADY_DONE'],
    ]);
    expect(rows[0]!.typed_login_id_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]!.typed_login_id_hmac).toBeNull();
  });

  it("SPEC R-SRV-3, R-GEN-2: a forged session naming another company's user writes no row that company's 操作履歴 shows", async () => {
    // 他社商事's master tasha001 (token 700000001) is the target; nobody is logged in: the session ID is forged.
    const forged = forgedId();
    const templates = requestTemplates({ sessionId: forged, otpChallenge: '', registration: '', otp: '123456', resync: ['123456', '234567'], target: 'tasha001' });
    const sessionChannels = serverChannels().filter((c) => c.access !== 'public').map((c) => c.name);
    const aimed: Record<string, unknown> = { ...templates, 'tokens:resync': { ...templates['tokens:resync'], serial: '700000001' } };
    for (const name of sessionChannels) {
      expect(await h.core.dispatch(name, aimed[name]), name).toEqual({ ok: false, error: { code: 'SESSION_INVALID' } });
    }
    // Company B's master sees none of them in its 操作履歴.
    const { sessionId } = await loginWithOtp(h, 'tasha001', '700000001');
    const listed = value(await h.core.api.audit.list({ sessionId, filter: {}, offset: 0, limit: 500 }));
    expect(listed.rows.filter((r) => r.reason === 'SESSION_INVALID')).toEqual([]);
    const refused = (await auditRows(h)).filter((r) => r.reason === 'SESSION_INVALID');
    expect(refused).toHaveLength(sessionChannels.length);
    // Nobody proven: no actor, no target of any company; the one login ID a request names only as its HMAC.
    expect(refused.map((r) => [r.actor_login_id, r.target_login_id])).toEqual(refused.map(() => [null, null]));
    expect(JSON.stringify(refused)).not.toMatch(/tasha001|700000001/);
    const aimedAtB = refused.filter((r) => r.typed_login_id_hmac === typedLoginIdHmac(h.core.deps.auditKey, 'tasha001'));
    expect(aimedAtB.map((r) => r.action).sort()).toEqual(['token.lost', 'token.revoke', 'user.remove', 'user.unlock', 'user.update']);
  });
});
