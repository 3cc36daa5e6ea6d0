import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unseal } from '../../../main/crypto/seal';
import { codeAtStep, stepAt } from '../../../main/otp/totp';
import { addToken, PRODUCT_TOKEN } from '../../../main/store/repos/provision';
import { asFile, entraCsv, value } from '../../support/admin';
import { eachCompanyWorld } from '../../support/companyWorld';
import { dumpTables, tokenRow } from '../../support/db';
import { auditRows, loginWithOtp, nextStep, PASSWORDS, passwordStep, stepUp, type Harness } from '../../support/harness';

let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w));

const previewOf = async (tokens: Parameters<typeof entraCsv>[0]) =>
  value(await h.core.api.imports.preview({ sessionId: master, ...asFile('csv', entraCsv(tokens)) })).previewId;
const commit = async (previewId: string, credentials?: { authPassword: string; otp: string }) =>
  h.core.api.imports.commit({ sessionId: master, previewId, ...(credentials ?? (await stepUp(h))) });

describe('seed import commit (SPEC R-OTP-4, R-TOK-3, DESIGN-NOTES 3, 6)', () => {
  it('imports after step-up: sealed at rest, bound to the company, one audit row; the token then registers (SPEC R-LOG-3)', async () => {
    const seed = randomBytes(20);
    const previewId = await previewOf([{ serial: '900000001', seed }, { serial: '900000002' }]);
    expect(await commit(previewId)).toEqual({ ok: true, value: { imported: 2 } });
    const row = await tokenRow(h, '900000001');
    expect(row).toMatchObject({ company_id: 1, algorithm: 'SHA1', digits: 6, period: 60, expires_at: new Date('2031-03-31T23:59:00+09:00').getTime() });
    expect(row.seed_sealed.includes(seed)).toBe(false);
    expect(unseal(h.sealKey, row.seed_sealed, '900000001').equals(seed)).toBe(true);
    expect((await auditRows(h)).at(-1)).toMatchObject({ actor_login_id: 'kmb05871', action: 'token.import', result: 'success', detail: '{"imported":2}' });
    expect(await h.core.api.imports.progress({ sessionId: master, previewId })).toEqual({ ok: true, value: { state: 'done', done: 2, total: 2 } });
    expect(await commit(previewId)).toEqual({ ok: false, error: { code: 'PREVIEW_INVALID' } });

    const challengeId = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
    const otp = codeAtStep(seed, stepAt(h.clock.now(), 60), PRODUCT_TOKEN);
    expect(await h.core.api.tokens.register({ challengeId, serial: '900000001', otp })).toMatchObject({ ok: true, value: { loginId: 'shinki01' } });
  });

  it('SPEC R-OTP-4: a wrong OTP imports nothing and leaves the preview for another try', async () => {
    const previewId = await previewOf([{ serial: '900000001' }]);
    const before = await dumpTables(h.store.db);
    expect(await commit(previewId, { authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696', 5) })).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    expect((await dumpTables(h.store.db)).tokens).toEqual(before.tokens);
    expect(await h.core.api.imports.progress({ sessionId: master, previewId })).toEqual({ ok: true, value: { state: 'idle', done: 0, total: 1 } });
    expect(await commit(previewId)).toEqual({ ok: true, value: { imported: 1 } });
  });

  it('atomic: a serial stored since the preview refuses the whole import (PREVIEW_INVALID); nothing written, the OTP unused', async () => {
    const previewId = await previewOf([{ serial: '900000001' }, { serial: '900000002' }, { serial: '900000003' }]);
    await addToken(h.store.db, h.sealKey, { ...PRODUCT_TOKEN, serial: '900000003', seed: randomBytes(20), expiresAt: new Date('2031-01-01'), companyId: null }, h.clock.now());
    const before = await dumpTables(h.store.db);
    const credentials = await stepUp(h);
    expect(await commit(previewId, credentials)).toEqual({ ok: false, error: { code: 'PREVIEW_INVALID' } });
    const after = await dumpTables(h.store.db);
    expect(after.tokens).toEqual(before.tokens);
    expect(after.audit_log!.slice(before.audit_log!.length)).toEqual([
      expect.objectContaining({ actor_login_id: 'kmb05871', action: 'token.import', result: 'failure', reason: 'PREVIEW_INVALID' }),
    ]);
    expect(await h.core.api.imports.progress({ sessionId: master, previewId })).toEqual({ ok: true, value: { state: 'failed', done: 0, total: 3 } });
    // The refused import rolled the code's use back with it.
    expect(await h.core.api.users.unlock({ sessionId: master, loginId: 'ippan001', ...credentials })).toEqual({ ok: false, error: { code: 'NOT_LOCKED', loginIds: ['ippan001'] } });
    expect(await h.core.api.tokens.revoke({ sessionId: master, loginIds: ['ippan001'], ...credentials })).toMatchObject({ ok: true });
  });

  it('a preview with nothing new → NOTHING_TO_IMPORT, before any step-up', async () => {
    const previewId = await previewOf([{ serial: '523405696' }, { serial: '700000001' }]);
    const before = await dumpTables(h.store.db);
    expect(await commit(previewId)).toEqual({ ok: false, error: { code: 'NOTHING_TO_IMPORT' } });
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it("another session (the same company's admin) cannot commit the master's preview → PREVIEW_INVALID", async () => {
    const previewId = await previewOf([{ serial: '900000001' }]);
    const admin = (await loginWithOtp(h, 'test12345')).sessionId;
    nextStep(h);
    expect(await h.core.api.imports.commit({ sessionId: admin, previewId, ...(await stepUp(h)) })).toEqual({ ok: false, error: { code: 'PREVIEW_INVALID' } });
    expect(await commit(previewId)).toEqual({ ok: true, value: { imported: 1 } });
  });
});
