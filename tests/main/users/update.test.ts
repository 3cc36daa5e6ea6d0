import { describe, expect, it } from 'vitest';
import { generalSession } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { userRecord } from '../../support/db';
import { auditRows, nextStep, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let admin: string;
eachCompanyWorld('test12345', (w) => ({ h, sessionId: admin } = w));

const update = async (change: Record<string, unknown>, sessionId = admin) => h.core.dispatch('users:update', { sessionId, ...change, ...(await stepUp(h)) });

describe('利用者情報変更 (SPEC R-OTP-4, Actors)', () => {
  it('SPEC R-OTP-4: name and type change after step-up, audited with what changed; the row is answered', async () => {
    expect(await update({ loginId: 'ippan001', name: '一般 花代', userType: 'admin' })).toMatchObject({ ok: true, value: { loginId: 'ippan001', name: '一般 花代', userType: 'admin' } });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      actor_login_id: 'test12345',
      action: 'user.update',
      target_login_id: 'ippan001',
      result: 'success',
      detail: '{"name":"一般 花代","userType":"admin","was":"general"}',
    });
  });

  it("a demoted admin's live session loses the admin channels at once; a promoted user's gains them", async () => {
    const general = await generalSession(h);
    expect(await h.core.api.users.list({ sessionId: general, sort: 'loginId-asc' })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    nextStep(h);
    expect(await update({ loginId: 'ippan001', userType: 'admin' })).toMatchObject({ ok: true });
    expect(await h.core.api.users.list({ sessionId: general, sort: 'loginId-asc' })).toMatchObject({ ok: true });
    expect(await h.core.api.auth.session({ sessionId: general })).toMatchObject({ ok: true, value: { userType: 'admin' } });
    nextStep(h);
    expect(await update({ loginId: 'test12345', userType: 'general' })).toMatchObject({ ok: true, value: { userType: 'general' } });
    expect(await h.core.api.users.list({ sessionId: admin, sort: 'loginId-asc' })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("Actors: the master's type never changes → MASTER_RULE (one master per company); the master's name may", async () => {
    expect(await update({ loginId: 'kmb05871', userType: 'admin' })).toEqual({ ok: false, error: { code: 'MASTER_RULE', field: 'userType' } });
    expect((await userRecord(h, 'kmb05871')).user_type).toBe('master');
    expect(await update({ loginId: 'kmb05871', name: '熊瀬 次郎' })).toMatchObject({ ok: true, value: { name: '熊瀬 次郎', userType: 'master' } });
  });

  it('never into a master: the contract refuses userType master', async () => {
    expect(await update({ loginId: 'ippan001', userType: 'master' })).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'userType' } });
  });

  it("a user of another company or a deleted user → USER_NOT_FOUND; nothing to change → VALIDATION", async () => {
    expect(await update({ loginId: 'tasha001', name: '他社' })).toEqual({ ok: false, error: { code: 'USER_NOT_FOUND', loginIds: ['tasha001'] } });
    expect(await h.core.api.users.remove({ sessionId: admin, loginId: 'shinki01', ...(await stepUp(h)) })).toEqual({ ok: true, value: {} });
    nextStep(h);
    expect(await update({ loginId: 'shinki01', name: '新規 三郎' })).toEqual({ ok: false, error: { code: 'USER_NOT_FOUND', loginIds: ['shinki01'] } });
    expect(await update({ loginId: 'ippan001' })).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'name' } });
  });
});
