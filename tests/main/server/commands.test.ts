import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompanyCommand } from '../../../main/server/commands';
import { serverConfigSchema, type ServerConfig } from '../../../main/server/config';
import { dumpTables } from '../../support/db';
import { auditRows, createHarness, type Harness } from '../../support/harness';
import { DIALECT } from '../../support/stores';

/** `npm run server -- create-company` against the real PostgreSQL of the postgres project (the command's only store). */
const skip = DIALECT !== 'postgres';
if (skip) console.log('skipped on SQLite: the server commands speak to PostgreSQL (the postgres project runs this file)');

const KEY_ENV = 'OTP_TEST_COMMANDS_SEAL_KEY';
let h: Harness;
let config: ServerConfig;
beforeEach(async () => {
  if (skip) return;
  h = await createHarness({ seed: false });
  process.env[KEY_ENV] = randomBytes(32).toString('hex');
  config = serverConfigSchema.parse({
    postgres: { url: h.location },
    tls: { certFile: 'unused-cert.pem', keyFile: 'unused-key.pem' },
    listen: {},
    sealKey: { env: KEY_ENV },
    logLevel: 'warn',
  });
});
afterEach(async () => {
  if (skip) return;
  delete process.env[KEY_ENV];
  await h.close();
});

const PASSWORDS = { loginPassword: 'Shinsha#2026a', authPassword: 'ShinAuth#2026' };
const company = (over: Record<string, string> = {}) => ({ companyCode: 'C0003', companyName: '新会社', masterLoginId: 'shinsha01', masterName: '新社 太郎', ...PASSWORDS, ...over });

describe.skipIf(skip)('the create-company server command parses as setup:create does (issue 13)', () => {
  it('issue 13: the login ID typed full-width is normalised and the names trimmed, as the contract parses them', async () => {
    const said = await createCompanyCommand(config, company({ masterLoginId: 'ｓｈｉｎｓｈａ０１', companyName: '  新会社  ', masterName: ' 新社 太郎 ' }));
    expect(said).toContain('company C0003 (新会社) created with master shinsha01');
    expect(await h.store.db.selectFrom('companies').select(['code', 'name']).execute()).toEqual([{ code: 'C0003', name: '新会社' }]);
    expect(await h.store.db.selectFrom('users').select(['login_id', 'name', 'user_type']).execute()).toEqual([{ login_id: 'shinsha01', name: '新社 太郎', user_type: 'master' }]);
  });

  it('issue 13: a company code or login ID outside the contract pattern is refused by its flag, nothing written', async () => {
    const before = await dumpTables(h.store.db);
    await expect(createCompanyCommand(config, company({ companyCode: 'C-0003' }))).rejects.toThrow(/^refused: --code is not valid/);
    await expect(createCompanyCommand(config, company({ masterLoginId: 'sh' }))).rejects.toThrow(/^refused: --master-login-id is not valid/);
    await expect(createCompanyCommand(config, company({ masterName: '   ' }))).rejects.toThrow(/^refused: --master-name is not valid/);
    expect(await dumpTables(h.store.db)).toEqual(before);
  });

  it('SPEC R-SRV-3, issue 13: a company code or login ID already taken is a typed refusal, never the database error', async () => {
    await createCompanyCommand(config, company());
    const before = (await dumpTables(h.store.db)) as Record<string, unknown[]>;
    await expect(createCompanyCommand(config, company({ masterLoginId: 'other001' }))).rejects.toThrow('refused: a company with the code C0003 exists already');
    await expect(createCompanyCommand(config, company({ companyCode: 'C0004' }))).rejects.toThrow('refused: the login ID shinsha01 is taken');
    const after = (await dumpTables(h.store.db)) as Record<string, unknown[]>;
    expect({ ...after, audit_log: [] }).toEqual({ ...before, audit_log: [] });
    expect((await auditRows(h)).slice(-2).map((r) => [r.action, r.result, r.reason])).toEqual([
      ['setup.create', 'failure', 'COMPANY_CODE_TAKEN'],
      ['setup.create', 'failure', 'LOGIN_ID_TAKEN'],
    ]);
  });
});
