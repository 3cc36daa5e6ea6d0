import { codeAtStep, codesEqual, stepAt } from './totp';
import type { TokenState } from './verify';

/**
 * Finds the step at which a token showed two consecutive codes, searching ±window around its saved drift
 * (privacyIDEA/LinOTP resynchronisation). Answers the second code's step, or null when no pair matches.
 */
export function findConsecutivePair(
  seed: Uint8Array,
  first: string,
  second: string,
  token: TokenState,
  now: Date,
  window: number,
): number | null {
  const centre = stepAt(now, token.period) + token.drift;
  for (let step = Math.max(centre - window, token.lastStep + 1); step <= centre + window; step++) {
    // Both codes are compared at every step, in constant time: no timing hint about either.
    const firstMatches = codesEqual(codeAtStep(seed, step, token), first);
    const secondMatches = codesEqual(codeAtStep(seed, step + 1, token), second);
    if (firstMatches && secondMatches) return step + 1;
  }
  return null;
}
