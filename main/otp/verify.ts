import { fail, ok, type Result } from '../../shared/errors';
import type { TokenParams } from '../store/schema';
import { candidateSteps, matchStep, stepAt } from './totp';

export type TokenState = TokenParams & {
  readonly lastStep: number;
  readonly drift: number;
  readonly expiresAt: number;
};

export type Match = { readonly step: number; readonly drift: number };

/**
 * Pure check of one code against a token (SPEC R-OTP-1, R-OTP-2, R-TOK-4): the window is centred on the
 * token's saved drift and capped at `maxDrift` steps from our clock, steps already used are refused, and a code that matches only a used step is reported
 * as reused rather than wrong. The caller still has to win the conditional write (DESIGN-NOTES 1).
 *
 * A token whose last step is above the top of the window now holds a use nobody could have made by now: online
 * acceptance records at most the top of its window, and so does an offline report (main/offline/stepRule.ts).
 * Such a step can only be a record older than that rule (issue 19 finding 2); the code of a step at or below it
 * is still refused (the step may be spent), but as OTP_AHEAD_OF_CLOCK, which counts towards nobody's lock.
 */
export function checkCode(seed: Uint8Array, code: string, token: TokenState, now: Date, window: number, maxDrift = Infinity): Result<Match> {
  if (now.getTime() >= token.expiresAt) return fail('TOKEN_EXPIRED', { expiredAt: new Date(token.expiresAt).toISOString() });
  if (!new RegExp(`^[0-9]{${token.digits}}$`).test(code)) return fail('OTP_INVALID', { field: 'otp' });
  const current = stepAt(now, token.period);
  const range = candidateSteps(current, token.drift, window, maxDrift);
  try {
    const step = matchStep(seed, code, token, range, token.lastStep);
    if (step !== null) return ok({ step, drift: step - current });
    const used = matchStep(seed, code, token, range, undefined);
    if (used === null) return fail('OTP_INVALID', { field: 'otp' });
    return fail(token.lastStep > range.to ? 'OTP_AHEAD_OF_CLOCK' : 'OTP_REUSED', { field: 'otp' });
  } catch {
    // otplib throws on inputs outside its guardrails; for a user that is simply a wrong code.
    return fail('OTP_INVALID', { field: 'otp' });
  }
}
