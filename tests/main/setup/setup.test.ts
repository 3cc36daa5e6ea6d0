import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/createCore';
import { codeAtStep, stepAt } from '../../../main/otp/totp';
import { PRODUCT_TOKEN } from '../../../main/store/repos/provision';
import { asFile, entraCsv, value } from '../../support/admin';
import { eachHarness } from '../../support/companyWorld';
import { auditRows, createHarness, type Harness } from '../../support/harness';
import { countKdfRunsInTransactions } from '../../support/kdfCount';
import { pskc } from '../seedFiles/pskcBuilder';

let h: Harness;
eachHarness((harness) => (h = harness), { seed: false });

const MASTER = { masterLoginId: 'shacho01', masterName: '新社 一郎', loginPassword: 'Login#2026a', authPassword: 'Auth#2026b' };
const create = (over: Partial<typeof MASTER> = {}) =>
  h.core.api.setup.create({ companyCode: 'C0100', companyName: '新設商事株式会社', ...MASTER, ...over });

describe('first run on an empty store (issue: provisioning)', () => {
  it('an empty store needs setup; no account exists to log in with', async () => {
    expect(await h.core.api.setup.status({})).toEqual({ ok: true, value: { needsSetup: true, canResume: false } });
    expect(await h.core.api.auth.login({ loginId: 'kmb05871', password: 'Login#2026' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('SPEC Actors: the password rules refuse each weak password by field and rule, and the two must differ', async () => {
    expect(await create({ loginPassword: 'short1' })).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'loginPassword', rules: ['length'] } });
    expect(await create({ authPassword: 'shacho01x9' })).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'authPassword', rules: ['notLoginId'] } });
    expect(await create({ authPassword: 'Login#2026a' })).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'loginPassword', rules: ['differs'] } });
    expect(await create({ loginPassword: '12345678', authPassword: 'abcdefgh' })).toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'loginPassword', rules: ['letter'] } });
    expect(await h.core.api.setup.status({})).toEqual({ ok: true, value: { needsSetup: true, canResume: false } });
    expect(await h.store.db.selectFrom('users').select('id').execute()).toEqual([]);
  });

  it('creates the company and its master in one audited step; a second setup is refused', async () => {
    const { setupId } = value(await create());
    expect(setupId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await h.core.api.setup.status({})).toEqual({ ok: true, value: { needsSetup: false, canResume: true } });
    expect(await h.store.db.selectFrom('users').select(['login_id', 'user_type', 'login_password_initial', 'auth_password_initial']).execute()).toEqual([
      { login_id: 'shacho01', user_type: 'master', login_password_initial: 0, auth_password_initial: 0 },
    ]);
    expect((await auditRows(h)).map((r) => [r.actor_login_id, r.action, r.result])).toEqual([['shacho01', 'setup.create', 'success']]);
    expect(await create({ masterLoginId: 'intruder1', loginPassword: 'Other#2026a' })).toEqual({ ok: false, error: { code: 'SETUP_ALREADY_DONE' } });
    expect(await h.store.db.selectFrom('companies').select('code').execute()).toEqual([{ code: 'C0100' }]);
  });

  it('both passwords are hashed before the transaction: no KDF holds the write lock or runs again with a retry', async () => {
    const { result, runs, inside } = await countKdfRunsInTransactions(h.location, () => create());
    expect(result).toMatchObject({ ok: true });
    expect({ runs, inside }).toEqual({ runs: 2, inside: 0 });
  });

  it('SPEC R-TOK-3, R-LOG-3: imports a CSV and a PSKC with the setup ID, finishes, and the master registers an imported token', async () => {
    const { setupId } = value(await create());
    const seeds = [randomBytes(20), randomBytes(20), randomBytes(20)];
    const csv = entraCsv([{ serial: '800000001', seed: seeds[0] }, { serial: '800000002', seed: seeds[1] }, { serial: '8000', seed: seeds[2] }]);
    const csvPreview = value(await h.core.api.setup.previewImport({ setupId, ...asFile('csv', csv) }));
    expect(csvPreview).toMatchObject({ total: 3, newCount: 2, malformedCount: 1, sampleTokens: [expect.objectContaining({ serial: '800000001' }), expect.objectContaining({ serial: '800000002' })] });
    expect(csvPreview.problems).toEqual([{ where: 'line 4', reason: 'BAD_SERIAL', detail: 'not 8-12 digits' }]);
    expect(await h.core.api.setup.commitImport({ setupId, previewId: csvPreview.previewId })).toEqual({ ok: true, value: { imported: 2 } });

    const expiry = '<ExpiryDate>2031-03-31T14:59:00Z</ExpiryDate>';
    const xml = pskc([{ serial: '800000003', seed: seeds[2], device: expiry }, { serial: '800000001', device: expiry }]);
    const pskcPreview = value(await h.core.api.setup.previewImport({ setupId, ...asFile('pskc', xml) }));
    expect(pskcPreview).toMatchObject({ total: 2, newCount: 1, duplicateCount: 1, sampleTokens: [{ serial: '800000003', periodSeconds: 60, digits: 6, flagged: false }] });
    expect(await h.core.api.setup.commitImport({ setupId, previewId: pskcPreview.previewId })).toEqual({ ok: true, value: { imported: 1 } });
    expect(await h.core.api.setup.finish({ setupId })).toEqual({ ok: true, value: {} });
    expect(await h.core.api.setup.previewImport({ setupId, ...asFile('csv', csv) })).toEqual({ ok: false, error: { code: 'SETUP_INVALID' } });

    const tokens = await h.store.db.selectFrom('tokens as t').innerJoin('companies as c', 'c.id', 't.company_id').select(['t.serial', 'c.code']).orderBy('t.serial').execute();
    expect(tokens).toEqual(['800000001', '800000002', '800000003'].map((serial) => ({ serial, code: 'C0100' })));
    const imports = (await auditRows(h)).filter((r) => r.action === 'token.import');
    expect(imports.map((r) => [r.actor_login_id, r.result, r.detail])).toEqual([
      ['shacho01', 'success', '{"imported":2}'],
      ['shacho01', 'success', '{"imported":1}'],
    ]);

    const step = value(await h.core.api.auth.login({ loginId: 'shacho01', password: MASTER.loginPassword }));
    expect(step.kind).toBe('needsTokenRegistration');
    const otp = codeAtStep(seeds[2]!, stepAt(h.clock.now(), 60), PRODUCT_TOKEN);
    const session = value(await h.core.api.tokens.register({ challengeId: step.challengeId, serial: '800000003', otp }));
    expect(session).toMatchObject({ loginId: 'shacho01', userType: 'master', companyName: '新設商事株式会社', mustChangePasswords: false });
  });

  it('a setup ID is good for 30 minutes, and only the one answered: else SETUP_INVALID', async () => {
    const { setupId } = value(await create());
    const file = asFile('csv', entraCsv([{ serial: '800000001' }]));
    expect(await h.core.api.setup.previewImport({ setupId: 'A'.repeat(43), ...file })).toEqual({ ok: false, error: { code: 'SETUP_INVALID' } });
    h.clock.advance(29 * 60_000);
    const preview = value(await h.core.api.setup.previewImport({ setupId, ...file }));
    h.clock.advance(60_000);
    expect(await h.core.api.setup.commitImport({ setupId, previewId: preview.previewId })).toEqual({ ok: false, error: { code: 'SETUP_INVALID' } });
    expect(await h.core.api.setup.finish({ setupId })).toEqual({ ok: false, error: { code: 'SETUP_INVALID' } });
    expect(await h.store.db.selectFrom('tokens').select('serial').execute()).toEqual([]);
  });
});

describe('a company server creating several companies (setupPolicy many, issue 13)', () => {
  it('SPEC R-SRV-3, issue 13: a taken company code or login ID is a typed refusal at its field, audited, nothing else written', async () => {
    const server = await createHarness({ seed: false, makeCore: (options) => createCore({ ...options, setupPolicy: 'many' }) });
    try {
      const make = (over: Record<string, string>) => server.core.api.setup.create({ companyCode: 'C0100', companyName: '新設商事株式会社', ...MASTER, ...over });
      value(await make({}));
      expect(await make({ masterLoginId: 'other001' })).toEqual({ ok: false, error: { code: 'COMPANY_CODE_TAKEN', field: 'companyCode' } });
      expect(await make({ companyCode: 'C0200' })).toEqual({ ok: false, error: { code: 'LOGIN_ID_TAKEN', field: 'masterLoginId' } });
      // Sharing neither: a second company beside the first.
      value(await make({ companyCode: 'C0200', masterLoginId: 'other001' }));
      expect(await server.store.db.selectFrom('companies').select('code').orderBy('code').execute()).toEqual([{ code: 'C0100' }, { code: 'C0200' }]);
      expect(await server.store.db.selectFrom('users').select('login_id').orderBy('login_id').execute()).toEqual([{ login_id: 'other001' }, { login_id: 'shacho01' }]);
      expect((await auditRows(server)).map((r) => [r.actor_login_id, r.action, r.result, r.reason])).toEqual([
        ['shacho01', 'setup.create', 'success', null],
        // Unauthenticated attempts (issue 11 finding 4): no actor.
        [null, 'setup.create', 'failure', 'COMPANY_CODE_TAKEN'],
        [null, 'setup.create', 'failure', 'LOGIN_ID_TAKEN'],
        ['other001', 'setup.create', 'success', null],
      ]);
    } finally {
      await server.close();
    }
  });
});
