import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules, type RulesConfig } from '../../../main/config/rules';
import { hashPassword, storedKeyFor } from '../../../main/crypto/password';
import { issueBlock, lastStepOf, stepParamsOf, type OfflineBlock } from '../../../main/offline/block';
import { stepCodeMatches } from '../../../main/offline/stepHash';
import { emptyLedger, failuresOf, ledgerFile, withFloor } from '../../../main/offline/ledger';
import { readSealed, writeSealed } from '../../../main/offline/sealedFile';
import { checkOfflineCode, checkOfflinePassword, codeKeyFor } from '../../../main/offline/offlineCheck';
import { emptyOutbox, enqueue, revokedHere, type Queued } from '../../../main/offline/outbox';
import { openBlock, sealBlock } from '../../../main/offline/sealedBlock';
import { codeAtStep, stepAt } from '../../../main/otp/totp';
import type { TokenParams } from '../../../main/store/schema';
import { TEST_KDF } from '../../support/harness';
import { scan } from '../../support/secrets';

const NONE: ReadonlySet<string> = new Set();
const RULES: RulesConfig = { ...defaultRules, offline: { ...defaultRules.offline, blockSteps: 480, stepHashIterations: 10 } };
const PARAMS: TokenParams = { algorithm: 'SHA1', digits: 6, period: 60 };
const NOW = new Date('2026-12-01T01:00:00Z');
const SEED = randomBytes(20);
const LOGIN_PW = 'Login#2026';
const AUTH_PW = 'Auth#2026';
const at = (step: number) => new Date(step * 60_000 + 1_000);
const code = (step: number) => codeAtStep(SEED, step, PARAMS);
const dir = mkdtempSync(join(tmpdir(), 'offline-block-'));

let block: OfflineBlock;
const revocation: Queued = { channel: 'tokens:revoke', operator: 'test12345', proof: { serial: '523405696', step: 1 }, baseVersions: {}, request: { loginIds: ['kmb05871'] } };

async function issue(loginId: string, lastStep = 0): Promise<OfflineBlock> {
  const user = {
    companyId: 1,
    companyName: '熊瀬商事',
    userId: loginId === 'kmb05871' ? 1 : 2,
    loginId,
    name: '熊瀬 太郎',
    userType: 'master' as const,
  };
  const hashes = { login: await hashPassword(LOGIN_PW, TEST_KDF), auth: await hashPassword(AUTH_PW, TEST_KDF) };
  const token = { serial: '523405696', params: PARAMS, drift: 0, lastStep };
  return (await issueBlock({ desktopId: 'desk-1', user, hashes, token, codesAt: (steps) => steps.map(code), now: NOW, rules: RULES }))!;
}

/** The code key the login password gives at an offline login (what OfflineDesk keeps in memory). */
const keyOf = async (b: OfflineBlock, password = LOGIN_PW) => codeKeyFor(b, (await storedKeyFor(password, b.login.setting))!);

beforeAll(async () => {
  block = await issue('kmb05871');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('offline code blocks (main/offline)', () => {
  it('SPEC R-OFF-1: a block covers 480 steps from now, widened by the drift window, and nothing at or below the last used step', async () => {
    const now = stepAt(NOW, 60);
    expect(block.firstStep).toBe(now - 1);
    expect(lastStepOf(block)).toBe(now + 480 + 1);
    expect((await issue('kmb05871', now + 5)).firstStep).toBe(now + 6);
  });

  it('SPEC R-OFF-2: the sealed block file holds no seed, no password and no code (byte scan)', () => {
    const file = sealBlock(randomBytes(32), block);
    const plain = Buffer.from(JSON.stringify(block), 'utf8');
    const codes = Array.from({ length: 20 }, (_, i) => ({ label: `code ${i}`, value: code(block.firstStep + i), digits: true }));
    const secrets = [{ label: 'seed', value: SEED }, { label: 'login password', value: LOGIN_PW }, { label: 'auth password', value: AUTH_PW }, ...codes];
    expect(scan({ sealed: file, unsealed: plain }, secrets)).toEqual([]);
  });

  it('SPEC R-OFF-2: a block copied to another desktop does not open (other keychain key, or other registration)', () => {
    const key = randomBytes(32);
    const file = join(dir, 'kmb05871.block');
    writeFileSync(file, sealBlock(key, block));
    const copied = readFileSync(file);
    expect(openBlock(key, 'desk-1', copied)?.loginId).toBe('kmb05871');
    expect(openBlock(randomBytes(32), 'desk-1', copied)).toBeNull();
    expect(openBlock(key, 'desk-2', copied)).toBeNull();
    copied.writeUInt8((copied.at(-1) ?? 0) ^ 1, copied.length - 1);
    expect(openBlock(key, 'desk-1', copied)).toBeNull();
  });

  it('SPEC R-OFF-2: a version-1 block on disk (stored hashes, unkeyed code hashes) opens as no block, so no offline login until the next online one', () => {
    const key = randomBytes(32);
    const { login: _l, auth: _a, ...rest } = block;
    const v1 = { ...rest, version: 1, loginVerifier: 'scrypt$1024$8$1$c2FsdA==$a2V5', authVerifier: 'scrypt$1024$8$1$c2FsdA==$a2V5' };
    expect(openBlock(key, 'desk-1', sealBlock(key, v1 as never))).toBeNull();
  });

  it('SPEC R-OFF-2: passwords are checked against the check values in the block, after the server\'s own KDF', async () => {
    const now = at(stepAt(NOW, 60));
    expect((await checkOfflinePassword(block, 'login', LOGIN_PW, emptyLedger(), RULES, now, NONE)).result.ok).toBe(true);
    expect((await checkOfflinePassword(block, 'auth', AUTH_PW, emptyLedger(), RULES, now, NONE)).result.ok).toBe(true);
    const wrong = await checkOfflinePassword(block, 'login', AUTH_PW, emptyLedger(), RULES, now, NONE);
    expect(wrong.result).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password', attemptsLeft: 4 } });
  });

  it('SPEC R-OFF-2: the block alone tests no code: without the login password the right code matches no step hash; with it, it does', async () => {
    const step = stepAt(NOW, 60) + 50;
    const hash = Buffer.from(block.hashes[step - block.firstStep]!, 'base64');
    // What a holder of the block (and the keychain) can key a guess with: a guessed password, the block's own check values, nothing.
    const keys = [await keyOf(block, 'Login#2025'), Buffer.from(block.login.check, 'base64'), Buffer.from(block.auth.check, 'base64'), Buffer.alloc(32)];
    for (const key of keys) expect(await stepCodeMatches(stepParamsOf(block, key), step, code(step), hash)).toBe(false);
    // Nor the version-1 scheme, PBKDF2 of the bare code under the block's salt and the step.
    const salt = Buffer.concat([Buffer.from(block.kdf.salt, 'base64'), Buffer.from(BigInt(step).toString(16).padStart(16, '0'), 'hex')]);
    expect(pbkdf2Sync(code(step), salt, block.kdf.iterations, 32, 'sha256').equals(hash)).toBe(false);
    expect((await checkOfflineCode(block, keys[0]!, code(step), emptyLedger(), RULES, at(step))).result).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    // With the login password (one run of the server's KDF), it matches.
    expect(await stepCodeMatches(stepParamsOf(block, await keyOf(block)), step, code(step), hash)).toBe(true);
    expect((await checkOfflineCode(block, await keyOf(block), code(step), emptyLedger(), RULES, at(step))).result).toEqual({ ok: true, value: { step } });
  });

  it('SPEC R-OFF-6: a user whose revocation waits in the outbox cannot log in offline here', async () => {
    const now = at(stepAt(NOW, 60));
    const answer = await checkOfflinePassword(block, 'login', LOGIN_PW, emptyLedger(), RULES, now, revokedHere(enqueue(emptyOutbox(), revocation, now, randomBytes(32)).outbox));
    expect(answer.result).toMatchObject({ ok: false, error: { code: 'OFFLINE_NO_BLOCK' } });
  });

  it('SPEC R-OFF-3: a code is accepted once on this desktop, for any user sharing the token', async () => {
    const step = stepAt(NOW, 60) + 100;
    const other = await issue('test12345');
    const first = await checkOfflineCode(block, await keyOf(block), code(step), emptyLedger(), RULES, at(step));
    expect(first.result).toEqual({ ok: true, value: { step } });
    const again = await checkOfflineCode(other, await keyOf(other), code(step), first.ledger, RULES, at(step));
    expect(again.result).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    const earlier = await checkOfflineCode(other, await keyOf(other), code(step - 1), first.ledger, RULES, at(step));
    expect(earlier.result).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    const next = await checkOfflineCode(other, await keyOf(other), code(step + 1), first.ledger, RULES, at(step + 1));
    expect(next.result).toEqual({ ok: true, value: { step: step + 1 } });
  });

  it('SPEC R-OFF-3: a step the server had seen at the last sync is refused offline', async () => {
    const step = stepAt(NOW, 60) + 10;
    const synced = withFloor(emptyLedger(), '523405696', step);
    expect((await checkOfflineCode(block, await keyOf(block), code(step), synced, RULES, at(step))).result).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    expect((await checkOfflineCode(block, await keyOf(block), code(step + 1), synced, RULES, at(step + 1))).result.ok).toBe(true);
  });

  it('SPEC R-OFF-4, R-OTP-3: a floor beyond the window (a step nobody could have used yet) refuses the code but counts no failure', async () => {
    const step = stepAt(NOW, 60) + 20;
    const ahead = withFloor(emptyLedger(), '523405696', step + 400);
    const answer = await checkOfflineCode(block, await keyOf(block), code(step), ahead, RULES, at(step));
    expect(answer.result).toMatchObject({ ok: false, error: { code: 'OTP_AHEAD_OF_CLOCK' } });
    expect(failuresOf(answer.ledger, block.loginId)).toBe(0);
  });

  it('SPEC R-OFF-4: failures are counted locally and lock the user offline, even for a right code', async () => {
    const step = stepAt(NOW, 60) + 200;
    const wrongCode = code(step) === '000000' ? '111111' : '000000';
    let ledger = emptyLedger();
    for (let i = 0; i < RULES.maxConsecutiveFailures - 1; i++) ledger = (await checkOfflineCode(block, await keyOf(block), wrongCode, ledger, RULES, at(step))).ledger;
    const last = await checkOfflinePassword(block, 'login', 'wrong', ledger, RULES, at(step), NONE);
    expect(last.result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await checkOfflineCode(block, await keyOf(block), code(step), last.ledger, RULES, at(step))).result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('SPEC R-OFF-1: outside the block lifetime there is no offline login', async () => {
    const after = lastStepOf(block) + 2;
    expect((await checkOfflineCode(block, await keyOf(block), code(after), emptyLedger(), RULES, at(after))).result).toMatchObject({ ok: false, error: { code: 'OFFLINE_NO_BLOCK' } });
  });

  it('SPEC R-OFF-3: the ledger survives a restart and a ledger that does not open is refused, not emptied', async () => {
    const file = ledgerFile(join(dir, 'ledger'), randomBytes(32), 'desk-1');
    const step = stepAt(NOW, 60) + 300;
    const used = await checkOfflineCode(block, await keyOf(block), code(step), emptyLedger(), RULES, at(step));
    writeSealed(file, used.ledger);
    const reread = readSealed(file);
    expect((await checkOfflineCode(block, await keyOf(block), code(step), reread, RULES, at(step))).result).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    expect(() => readSealed({ ...file, key: randomBytes(32) })).toThrow();
    expect(() => readSealed({ ...file, label: 'offline-outbox:v1:desk-1' })).toThrow();
  });
});
