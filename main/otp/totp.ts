import { generateSync as hotpGenerate } from '@otplib/hotp';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { createGuardrails, type Digits, type HashAlgorithm } from '@otplib/core';
import type { TokenParams } from '../store/schema';

const crypto = new NodeCryptoPlugin();
/** otplib builds its default limits object on every call unless given one; that was a third of a verification's time. */
const guardrails = createGuardrails();

const algorithmOf = (p: TokenParams) => p.algorithm.toLowerCase() as HashAlgorithm;

export const stepAt = (now: Date, period: number): number => Math.floor(now.getTime() / 1000 / period);

/** The code a token shows at a time step: what the hardware display, the demo and tests compute. */
export function codeAtStep(seed: Uint8Array, step: number, params: TokenParams): string {
  return hotpGenerate({
    secret: seed,
    counter: step,
    digits: params.digits as Digits,
    algorithm: algorithmOf(params),
    crypto,
    guardrails,
  });
}

/**
 * A computed code against a submitted one in constant time: otplib's own comparison (node:crypto timingSafeEqual),
 * the same one its verification uses (SPEC R-OTP-3).
 */
export const codesEqual = (computed: string, submitted: string): boolean => crypto.constantTimeEqual(computed, submitted);

/**
 * RFC 6238 check over the steps from..to, refusing steps ≤ afterStep (§5.2: a code is used once). Each
 * candidate's code comes from otplib's HOTP with the seed as bytes and the Node crypto plugin, compared in
 * constant time. otplib's TOTP verifySync does the same with per-call option validation that cost more than
 * the HMACs themselves (npm run bench: 0.3-0.4× raw HMAC against about 0.55× this way).
 */
export function matchStep(
  seed: Uint8Array,
  code: string,
  params: TokenParams,
  range: { readonly from: number; readonly to: number },
  afterStep: number | undefined,
): number | null {
  const first = Math.max(0, range.from, afterStep === undefined ? 0 : afterStep + 1);
  for (let step = first; step <= range.to; step++) {
    if (codesEqual(codeAtStep(seed, step, params), code)) return step;
  }
  return null;
}

/**
 * The steps a token's codes may come from: ±window around its saved drift, and never further than `maxDrift`
 * steps from our clock's step, so no run of small moves (a PC clock moved back, repeated resyncs) can walk an
 * expired or lost token's codes back into use (issue 11 finding 8).
 */
export function candidateSteps(current: number, drift: number, window: number, maxDrift: number) {
  return { from: Math.max(current + drift - window, current - maxDrift), to: Math.min(current + drift + window, current + maxDrift) };
}
