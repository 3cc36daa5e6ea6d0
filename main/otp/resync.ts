import { candidateSteps, codeAtStep, codesEqual, stepAt } from './totp';
import type { TokenState } from './verify';

/**
 * Finds the step at which a token showed two consecutive codes, searching ±window around its saved drift
 * (privacyIDEA/LinOTP resynchronisation), both steps within `maxDrift` of our clock's (SPEC R-OTP-1: the cap that
 * stops repeated resyncs walking a token's drift anywhere). Answers the second code's step, or null when none matches.
 */
export function findConsecutivePair(
  seed: Uint8Array,
  first: string,
  second: string,
  token: TokenState,
  now: Date,
  window: number,
  maxDrift: number,
): number | null {
  const range = candidateSteps(stepAt(now, token.period), token.drift, window, maxDrift);
  for (let step = Math.max(range.from, token.lastStep + 1); step + 1 <= range.to; step++) {
    // Both codes are compared at every step, in constant time: no timing hint about either.
    const firstMatches = codesEqual(codeAtStep(seed, step, token), first);
    const secondMatches = codesEqual(codeAtStep(seed, step + 1, token), second);
    if (firstMatches && secondMatches) return step + 1;
  }
  return null;
}
