import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCode, type TokenState } from '../../../main/otp/verify';
import { codeAtStep, stepAt } from '../../../main/otp/totp';
import { PRODUCT_TOKEN } from '../../../main/store/repos/provision';

const seed = randomBytes(20);
const now = new Date('2026-11-24T01:00:30Z');
const current = stepAt(now, 60);
const token = (over: Partial<TokenState> = {}): TokenState => ({
  ...PRODUCT_TOKEN,
  lastStep: -1,
  drift: 0,
  expiresAt: Date.parse('2031-03-31T14:59:00Z'),
  ...over,
});
const codeAt = (offset: number) => codeAtStep(seed, current + offset, PRODUCT_TOKEN);

describe('drift window (SPEC R-OTP-1)', () => {
  it.each([-1, 0, 1])('SPEC R-OTP-1: a code %i step(s) from the clock is accepted, with that drift', (offset) => {
    expect(checkCode(seed, codeAt(offset), token(), now, 1)).toEqual({ ok: true, value: { step: current + offset, drift: offset } });
  });

  it.each([-2, 2, -3, 3])('SPEC R-OTP-1: a code %i steps from the clock is refused as OTP_INVALID', (offset) => {
    expect(checkCode(seed, codeAt(offset), token(), now, 1)).toEqual({ ok: false, error: { code: 'OTP_INVALID', field: 'otp' } });
  });

  it('SPEC R-OTP-1: the window is centred on the saved drift', () => {
    const drifted = token({ drift: 1 });
    expect(checkCode(seed, codeAt(2), drifted, now, 1)).toEqual({ ok: true, value: { step: current + 2, drift: 2 } });
    expect(checkCode(seed, codeAt(-1), drifted, now, 1)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
  });

  it.each([-2, 2])('SPEC R-OTP-1: with driftWindowSteps 2, offset %i is accepted', (offset) => {
    expect(checkCode(seed, codeAt(offset), token(), now, 2)).toMatchObject({ ok: true, value: { drift: offset } });
  });

  it.each([-3, 3])('SPEC R-OTP-1: with driftWindowSteps 2, offset %i is refused', (offset) => {
    expect(checkCode(seed, codeAt(offset), token(), now, 2)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
  });

  it('SPEC R-OTP-1: window 0 accepts only the current step', () => {
    expect(checkCode(seed, codeAt(0), token(), now, 0)).toMatchObject({ ok: true });
    expect(checkCode(seed, codeAt(1), token(), now, 0)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
  });
});

describe('used steps (SPEC R-OTP-2)', () => {
  it('SPEC R-OTP-2: a code of a step at or before the last accepted one is OTP_REUSED', () => {
    const used = token({ lastStep: current });
    expect(checkCode(seed, codeAt(0), used, now, 1)).toEqual({ ok: false, error: { code: 'OTP_REUSED', field: 'otp' } });
    expect(checkCode(seed, codeAt(-1), used, now, 1)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    expect(checkCode(seed, codeAt(1), used, now, 1)).toMatchObject({ ok: true, value: { step: current + 1 } });
  });

  it('SPEC R-OTP-2, R-OTP-3: a last step beyond the whole window refuses everything without throwing, as OTP_AHEAD_OF_CLOCK (not counted, issue 19)', () => {
    expect(checkCode(seed, codeAt(1), token({ lastStep: current + 5 }), now, 1)).toMatchObject({ ok: false, error: { code: 'OTP_AHEAD_OF_CLOCK' } });
    expect(checkCode(seed, codeAt(1), token({ lastStep: current + 1 }), now, 1)).toMatchObject({ ok: false, error: { code: 'OTP_REUSED' } });
    expect(checkCode(seed, codeAt(2), token({ lastStep: current + 5 }), now, 1)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
  });
});

describe('expiry (SPEC R-TOK-4)', () => {
  it('SPEC R-TOK-4: an expired token refuses even its correct code, and says when it expired', () => {
    const expiresAt = now.getTime() - 1;
    expect(checkCode(seed, codeAt(0), token({ expiresAt }), now, 1)).toEqual({
      ok: false,
      error: { code: 'TOKEN_EXPIRED', expiredAt: new Date(expiresAt).toISOString() },
    });
    expect(checkCode(seed, codeAt(0), token({ expiresAt: now.getTime() }), now, 1)).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } });
    expect(checkCode(seed, codeAt(0), token({ expiresAt: now.getTime() + 1 }), now, 1)).toMatchObject({ ok: true });
  });
});

describe('bad input never throws (otplib guardrails)', () => {
  it.each([
    ['five digits', '12345'],
    ['seven digits', '1234567'],
    ['letters', 'abcdef'],
    ['empty', ''],
    ['spaces', ' 12345'],
    ['full-width digits', '１２３４５６'],
    ['a huge string', '9'.repeat(10_000)],
  ])('a code of %s → OTP_INVALID, never a throw', (_label, code) => {
    expect(checkCode(seed, code, token(), now, 1)).toEqual({ ok: false, error: { code: 'OTP_INVALID', field: 'otp' } });
  });

  it('a seed shorter than otplib accepts → OTP_INVALID, never a throw', () => {
    const short = randomBytes(8);
    expect(() => codeAtStep(short, current, PRODUCT_TOKEN)).toThrow();
    expect(checkCode(short, '123456', token(), now, 1)).toEqual({ ok: false, error: { code: 'OTP_INVALID', field: 'otp' } });
  });
});
