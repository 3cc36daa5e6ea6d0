import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules, type RulesConfig } from '../../../main/config/rules';
import { issueForDesktop } from '../../../main/offline/atServer/issueForDesktop';
import { emptyLedger } from '../../../main/offline/ledger';
import { checkOfflineCode, checkOfflinePassword, codeKeyFor } from '../../../main/offline/offlineCheck';
import { openBlock, sealBlock } from '../../../main/offline/sealedBlock';
import { withSeed } from '../../../main/otp/consume';
import { findDesktop, registerDesktop, type DesktopRegistration } from '../../../main/store/repos/desktops';
import { findTokenBySerial } from '../../../main/store/repos/tokens';
import { createHarness, loginWithOtp, PASSWORDS, type Harness } from '../../support/harness';
import { userRecord } from '../../support/db';
import { scan } from '../../support/secrets';

const NONE: ReadonlySet<string> = new Set();
const RULES: RulesConfig = { ...defaultRules, offline: { ...defaultRules.offline, blockSteps: 60, stepHashIterations: 10 } };
const SHARED = '523405696';
let h: Harness;
let desk: DesktopRegistration & { secret: string };

const issueFor = async (loginId: string, d: DesktopRegistration = desk) =>
  issueForDesktop(h.store.db, h.sealKey, RULES, d, (await userRecord(h, loginId))!.id, h.clock.now());

beforeEach(async () => {
  h = await createHarness();
  const master = await userRecord(h, 'kmb05871');
  desk = await registerDesktop(h.store.db, master!.company_id, h.clock.now());
});
afterEach(() => h.close());

describe('issuing a block to a registered desktop (main/offline/issueForDesktop)', () => {
  it('SPEC R-OFF-1/2: after an online login the block checks the passwords and the next codes, sealed for this desktop', async () => {
    await loginWithOtp(h, 'kmb05871');
    const block = (await issueFor('kmb05871'))!;
    const key = randomBytes(32);
    const opened = openBlock(key, desk.id, sealBlock(key, block))!;
    const login = await checkOfflinePassword(opened, 'login', PASSWORDS.login, emptyLedger(), RULES, h.clock.now(), NONE);
    if (!login.result.ok) throw new Error('login password refused');
    h.clock.advance(60_000);
    expect((await checkOfflineCode(opened, codeKeyFor(opened, login.result.value), await h.codeOf(SHARED), emptyLedger(), RULES, h.clock.now())).result.ok).toBe(true);
  });

  it('SPEC R-OFF-3: the code used at the online login is not in the block: refused offline', async () => {
    await loginWithOtp(h, 'kmb05871');
    const block = (await issueFor('test12345'))!;
    const login = await checkOfflinePassword(block, 'login', PASSWORDS.login, emptyLedger(), RULES, h.clock.now(), NONE);
    if (!login.result.ok) throw new Error('login password refused');
    expect((await checkOfflineCode(block, codeKeyFor(block, login.result.value), await h.codeOf(SHARED), emptyLedger(), RULES, h.clock.now())).result).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
  });

  it('SPEC R-OFF-2: the issued block holds no seed and no password (byte scan)', async () => {
    const token = (await findTokenBySerial(h.store.db, SHARED))!;
    const seed = withSeed(h.sealKey, token, (s) => Buffer.from(s));
    const bytes = Buffer.from(JSON.stringify(await issueFor('kmb05871')), 'utf8');
    expect(scan({ block: bytes }, [{ label: 'seed', value: seed }, { label: 'login', value: PASSWORDS.login }, { label: 'auth', value: PASSWORDS.auth }])).toEqual([]);
  });

  it('SPEC R-OFF-1: no block for a locked user, a user without a token, or a desktop of another company', async () => {
    await h.store.db.updateTable('users').set({ locked_at: h.clock.now().getTime() }).where('login_id', '=', 'ippan001').execute();
    expect(await issueFor('ippan001')).toBeNull();
    expect(await issueFor('shinki01')).toBeNull();
    const other = await userRecord(h, 'tasha001');
    expect(await issueFor('kmb05871', { id: desk.id, companyId: other!.company_id })).toBeNull();
  });

  it('SPEC R-OFF-1: no block while the user still has the initial passwords an admin set', async () => {
    await h.store.db.updateTable('users').set({ auth_password_initial: 1 }).where('login_id', '=', 'kmb05871').execute();
    expect(await issueFor('kmb05871')).toBeNull();
    await h.store.db.updateTable('users').set({ auth_password_initial: 0 }).where('login_id', '=', 'kmb05871').execute();
    expect(await issueFor('kmb05871')).not.toBeNull();
  });

  it('a desktop is found by its ID and secret only; the server keeps the secret\'s hash, not the secret', async () => {
    expect(await findDesktop(h.store.db, desk.id, desk.secret)).toEqual({ id: desk.id, companyId: desk.companyId });
    expect(await findDesktop(h.store.db, desk.id, 'x'.repeat(43))).toBeUndefined();
    const row = await h.store.db.selectFrom('desktops').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(desk.secret);
  });
});
