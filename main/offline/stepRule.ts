import type { RulesConfig } from '../config/rules';
import { candidateSteps, stepAt } from '../otp/totp';

/** A token as the step rule needs it: its period (s) and saved drift (steps). */
export type ClockToken = { readonly period: number; readonly drift: number };

/** A block the server issued to the desktop (offline_blocks): its steps and when it was issued (epoch ms). */
export type IssuedSpan = { readonly first: number; readonly last: number; readonly issuedAt: number };

/**
 * How far a desktop's clock may be ahead of the server's, in ms: one drift window of steps. The OTP rules
 * already accept codes that far from the server's clock (R-OTP-1), so a desktop clock off by that much is
 * ordinary; anything further is a time nobody has reached yet.
 */
export const clockTolerance = (rules: RulesConfig, token: ClockToken): number => rules.otp.driftWindowSteps * token.period * 1000;

/**
 * The highest step a code could have been accepted at by `at`: the top of the drift window online acceptance
 * uses (candidateSteps, capped at maxDriftSteps), so a report never lifts last_step beyond what an online
 * login could lift it to at that time (DESIGN-NOTES 11).
 */
export function reachAt(rules: RulesConfig, token: ClockToken, at: number): number {
  const current = stepAt(new Date(at), token.period);
  return candidateSteps(current, token.drift, rules.otp.driftWindowSteps, rules.otp.maxDriftSteps).to;
}

export type StepVerdict = 'covered' | 'notIssued' | 'aheadOfClock';

/**
 * Issue 19 finding 2 (R-TOK-1, R-OTP-2): a reported step counts only if a block issued to the desktop covers it
 * and had been issued by its reported time `at` (else 'notIssued'), `at` is not in the future beyond the
 * tolerance, and the step is not ahead of the clock at `at` (never later than now) beyond the drift window
 * (else 'aheadOfClock'). Pure: the server's records and its clock come in as parameters.
 */
export function judgeStep(rules: RulesConfig, token: ClockToken, spans: readonly IssuedSpan[], s: { step: number; at: number }, now: Date): StepVerdict {
  const tolerance = clockTolerance(rules, token);
  const covering = spans.filter((r) => r.first <= s.step && s.step <= r.last);
  if (!covering.some((r) => s.at >= r.issuedAt - tolerance)) return 'notIssued';
  if (s.at > now.getTime() + tolerance) return 'aheadOfClock';
  return s.step <= reachAt(rules, token, Math.min(s.at, now.getTime())) ? 'covered' : 'aheadOfClock';
}
