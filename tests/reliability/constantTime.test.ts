import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as nodeCrypto from 'node:crypto';
import { join } from 'node:path';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '../../main/crypto/password';
import { createHarness, loginWithOtp, passwordStep, PASSWORDS, TEST_KDF, type Harness } from '../support/harness';

/**
 * SPEC R-OTP-3: password and code comparisons are constant-time. Checked in the source and by watching the
 * comparison functions being called; never by timing (a timed assertion would be flaky, not evidence).
 */
vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const source = (path: string) => readFileSync(join(import.meta.dirname, '../..', path), 'utf8');
const filesUnder = (dir: string): string[] =>
  readdirSync(join(import.meta.dirname, '../..', dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(import.meta.dirname, '../..', path)).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('constant-time comparisons, in the source (SPEC R-OTP-3)', () => {
  it('passwords: the derived keys are compared with node:crypto timingSafeEqual, never with ===, equals or compare', () => {
    const text = source('main/crypto/password.ts');
    expect(text).toMatch(/import \{[^}]*\btimingSafeEqual\b[^}]*\} from 'node:crypto'/);
    expect(text).toMatch(/timingSafeEqual\(actual, expected\)/);
    expect(text).not.toMatch(/actual\s*[!=]==?\s*expected|\.equals\(|Buffer\.compare/);
  });

  it("codes: every candidate code is compared with the crypto plugin's constantTimeEqual, which is node:crypto timingSafeEqual", () => {
    expect(source('main/otp/totp.ts')).toMatch(/if \(codesEqual\(codeAtStep\(seed, step, params\), code\)\) return step;/);
    expect(source('main/otp/totp.ts')).toMatch(/codesEqual = \(computed: string, submitted: string\): boolean => crypto\.constantTimeEqual\(computed, submitted\)/);
    const plugin = readFileSync(join(import.meta.dirname, '../../node_modules/@otplib/plugin-crypto-node/dist/index.js'), 'utf8');
    expect(plugin).toMatch(/timingSafeEqual as (\w+)[\s\S]*constantTimeEqual\(\w+,\w+\)\{[^}]*\?\1\(/);
  });

  it('no module of main/ compares a submitted or computed code or password with === / !==', () => {
    const operand = String.raw`(?:(?:input|credentials)\.)?(?:otp|code|first|second|firstOtp|secondOtp|password|authPassword|loginPassword)(?![.\w(\[])|codeAtStep\([^)]*\)`;
    const comparison = new RegExp(String.raw`(?<![.\w])(?:${operand})\s*[!=]==(?!\s*(?:undefined|null)\b)|[!=]==\s*(?:${operand})`);
    const offenders = filesUnder('main')
      .flatMap((path) => source(path).split('\n').map((line, i) => [path, i + 1, line] as const))
      .filter(([, , line]) => comparison.test(line));
    expect(offenders.map(([path, n, line]) => `${path}:${n}: ${line.trim()}`)).toEqual([]);
    // The pattern does catch the comparison it is meant to.
    expect(comparison.test('if (codeAtStep(seed, step, token) === first) return step;')).toBe(true);
    expect(comparison.test('return input.otp === expected;')).toBe(true);
  });
});

describe('constant-time comparisons, watched at run time (SPEC R-OTP-3)', () => {
  let h: Harness;
  const ctEqual = vi.spyOn(NodeCryptoPlugin.prototype, 'constantTimeEqual');
  const safeEqual = vi.mocked(nodeCrypto.timingSafeEqual);
  beforeEach(() => {
    ctEqual.mockClear();
    safeEqual.mockClear();
  });
  afterEach(async () => h?.close());

  it('verifyPassword: the right password, and wrong ones of the right and of other lengths, all go through timingSafeEqual on 32 bytes', async () => {
    const stored = await hashPassword('Login#2026', TEST_KDF);
    const tries = ['Login#2026', 'Login#2027', 'login#2026', 'L', 'Login#20266', 'x'.repeat(128)];
    const results = [];
    for (const password of tries) results.push(await verifyPassword(password, stored));
    expect(results).toEqual([true, false, false, false, false, false]);
    expect(safeEqual).toHaveBeenCalledTimes(tries.length);
    for (const [a, b] of safeEqual.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
  });

  it('login: a wrong password of the right length and one of another length are both refused the same way', async () => {
    h = await createHarness();
    const same = await h.core.api.auth.login({ loginId: 'kmb05871', password: 'Login#2027' });
    const other = await h.core.api.auth.login({ loginId: 'kmb05871', password: 'Login#20' });
    // No attempts left before the password is proven (issue 11 finding 3).
    expect(same).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password' } });
    expect(other).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', field: 'password' } });
    expect(safeEqual).toHaveBeenCalledTimes(2);
  });

  it('login OTP: the submitted code is compared with constantTimeEqual, a wrong first digit and a wrong last digit alike', async () => {
    h = await createHarness({ rules: { ...(await import('../../main/config/rules')).defaultRules, maxConsecutiveFailures: 100 } });
    const right = await h.codeOf('523405696');
    const flip = (s: string, i: number) => s.slice(0, i) + String((Number(s[i]) + 5) % 10) + s.slice(i + 1);
    for (const wrong of [flip(right, 0), flip(right, 5)]) {
      ctEqual.mockClear();
      const result = await h.core.api.auth.verifyOtp({ challengeId: await passwordStep(h, 'kmb05871'), otp: wrong });
      expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^OTP_(INVALID|REUSED)$/) } });
      expect(ctEqual.mock.calls.some(([, submitted]) => submitted === wrong)).toBe(true);
    }
    ctEqual.mockClear();
    expect(await h.core.api.auth.verifyOtp({ challengeId: await passwordStep(h, 'kmb05871'), otp: right })).toMatchObject({ ok: true });
    expect(ctEqual).toHaveBeenCalledWith(right, right);
  });

  it('admin resync: both submitted codes are compared with constantTimeEqual, at every step searched', async () => {
    h = await createHarness();
    const master = await loginWithOtp(h, 'kmb05871');
    ctEqual.mockClear();
    const [firstOtp, secondOtp] = [await h.codeOf('523405697', 5), await h.codeOf('523405697', 6)];
    const result = await h.core.api.tokens.resync({ sessionId: master.sessionId, serial: '523405697', firstOtp, secondOtp, authPassword: PASSWORDS.auth });
    expect(result).toEqual({ ok: true, value: { driftSteps: 6 } });
    const submitted = ctEqual.mock.calls.map(([, b]) => b);
    expect(submitted.filter((s) => s === firstOtp).length).toBeGreaterThan(1);
    expect(submitted.filter((s) => s === secondOtp).length).toBeGreaterThan(1);
  });
});
