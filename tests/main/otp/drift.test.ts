import { afterEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { stepAt } from '../../../main/otp/totp';
import { tokenRow } from '../../support/db';
import { createHarness, nextStep, passwordStep, type Harness } from '../../support/harness';

let h: Harness;
afterEach(async () => h.close());

const SHARED = '523405696';
const loginAt = async (loginId: string, offset: number) =>
  h.core.api.auth.verifyOtp({ challengeId: await passwordStep(h, loginId), otp: await h.codeOf(SHARED, offset) });

describe('drift window through the login (SPEC R-OTP-1)', () => {
  it.each([-1, 0, 1])('SPEC R-OTP-1: a code at step offset %i is accepted and its drift saved', async (offset) => {
    h = await createHarness();
    expect(await loginAt('kmb05871', offset)).toMatchObject({ ok: true });
    const token = await tokenRow(h, SHARED);
    expect(token.drift).toBe(offset);
    expect(token.last_step).toBe(stepAt(h.clock.now(), 60) + offset);
  });

  it.each([-2, 2])('SPEC R-OTP-1: a code at step offset %i is refused as OTP_INVALID, drift unchanged', async (offset) => {
    h = await createHarness();
    expect(await loginAt('kmb05871', offset)).toEqual({ ok: false, error: { code: 'OTP_INVALID', field: 'otp', attemptsLeft: 4 } });
    expect(await tokenRow(h, SHARED)).toMatchObject({ drift: 0, last_step: -1 });
  });

  it('SPEC R-OTP-1: after a code at +1 the next verification is centred there: +2 passes, -1 does not', async () => {
    h = await createHarness();
    expect(await loginAt('kmb05871', 1)).toMatchObject({ ok: true });
    expect((await tokenRow(h, SHARED)).drift).toBe(1);
    nextStep(h);
    expect(await loginAt('test12345', -1)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    expect(await loginAt('test12345', 2)).toMatchObject({ ok: true });
    expect((await tokenRow(h, SHARED)).drift).toBe(2);
  });

  it('SPEC R-OTP-1: with driftWindowSteps 2, ±2 is accepted and ±3 refused', async () => {
    h = await createHarness({ rules: { ...defaultRules, otp: { ...defaultRules.otp, driftWindowSteps: 2 } } });
    expect(await loginAt('kmb05871', 3)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    expect(await loginAt('kmb05871', -3)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    expect(await loginAt('kmb05871', -2)).toMatchObject({ ok: true });
    nextStep(h);
    // Drift -2 is saved; the window is now [-4, 0] around the clock, so +2 is out of it and 0 inside.
    expect(await loginAt('test12345', 2)).toMatchObject({ ok: false, error: { code: 'OTP_INVALID' } });
    expect(await loginAt('test12345', 0)).toMatchObject({ ok: true });
  });
});
