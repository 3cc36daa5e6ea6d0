import { describe, expect, it } from 'vitest';
import { eachCompanyWorld } from '../../support/companyWorld';
import { tokenRow } from '../../support/db';
import { nextStep, passwordStep, PASSWORDS, type Harness } from '../../support/harness';

/**
 * Issue 11 finding 8 (SPEC R-OTP-1, R-OTP-3, R-TOK-4): a token's drift is capped (rules.otp.maxDriftSteps, ±10 by
 * default). The attack: move the PC clock away from the token's, then walk the saved drift after it with repeated
 * resyncs (or logins at the window's edge) until an expired or lost token's codes are accepted again.
 */
let h: Harness;
let master: string;
eachCompanyWorld('kmb05871', (w) => ({ h, sessionId: master } = w), { nextStep: false });

const SERIAL = '523405697';
const resync = async (first: number) =>
  h.core.api.tokens.resync({ sessionId: master, serial: SERIAL, firstOtp: await h.codeOf(SERIAL, first), secondOtp: await h.codeOf(SERIAL, first + 1), authPassword: PASSWORDS.auth });

describe('issue 11 finding 8: drift is capped; a failed resync counts as a failed attempt', () => {
  it('SPEC R-OTP-1: a resync to 30 steps off is refused, however the drift got near; the drift never passes the cap', async () => {
    expect(await resync(8)).toEqual({ ok: true, value: { driftSteps: 9 } });
    nextStep(h);
    expect(await resync(29)).toMatchObject({ ok: false, error: { code: 'RESYNC_FAILED' } });
    expect((await tokenRow(h, SERIAL)).drift).toBeLessThanOrEqual(10);
  });

  it('SPEC R-OTP-1: logins at the edge of the window cannot walk the drift past the cap', async () => {
    for (let i = 0; i < 12; i++) {
      nextStep(h);
      const drift = (await tokenRow(h, SERIAL)).drift;
      await h.core.api.auth.verifyOtp({ challengeId: await passwordStep(h, 'ippan001'), otp: await h.codeOf(SERIAL, drift + 1) });
    }
    expect((await tokenRow(h, SERIAL)).drift).toBe(10);
  });

  it('SPEC R-OTP-3: each failed resync counts towards the operator\'s lock', async () => {
    const left = [];
    for (let i = 0; i < 5; i++) {
      const r = await resync(20);
      left.push(r.ok ? 'ok' : (r.error.attemptsLeft ?? r.error.code));
    }
    expect(left).toEqual([4, 3, 2, 1, 'LOCKED']);
  });
});
