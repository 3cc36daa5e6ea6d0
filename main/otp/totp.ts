import { generateSync as hotpGenerate } from '@otplib/hotp';
import { verifySync as totpVerify } from '@otplib/totp';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { createGuardrails, type Digits, type HashAlgorithm } from '@otplib/core';

/** How a token computes its codes (RFC 6238); the product's tokens are SHA1, 6 digits, 60 s. */
export type TokenParams = {
  readonly algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  readonly digits: 6 | 8;
  readonly period: number;
};

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
 * otplib's TOTP check over the steps centre±window, refusing steps ≤ afterStep (RFC 6238 §5.2).
 * Returns the matching step, or null. otplib throws on out-of-range options: those are mapped to null
 * by the caller's format checks and the guard below, never let through.
 */
export function matchStep(
  seed: Uint8Array,
  code: string,
  params: TokenParams,
  centreStep: number,
  window: number,
  afterStep: number | undefined,
): number | null {
  if (afterStep !== undefined && afterStep >= centreStep + window) return null;
  const result = totpVerify({
    secret: seed,
    token: code,
    epoch: centreStep * params.period,
    epochTolerance: window * params.period,
    period: params.period,
    digits: params.digits as Digits,
    algorithm: algorithmOf(params),
    crypto,
    guardrails,
    ...(afterStep !== undefined && afterStep >= 0 ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid ? result.timeStep : null;
}
