import { fail, ok, type Result } from '../../shared/errors';
import type { RulesConfig } from '../config/rules';
import { storedKeyFor } from '../crypto/password';
import { stepAt } from '../otp/totp';
import { lastStepOf, stepParamsOf, type OfflineBlock } from './block';
import { checkValueOf, codeKeyOf, sameBytes } from './offlineKeys';
import { acceptsAbove, failuresOf, withFailure, withStep, type Ledger } from './ledger';
import { stepCodeMatches } from './stepHash';

/** Every check answers the new ledger too: the caller writes it before it answers the user (R-OFF-3). */
export type Checked<T> = { readonly result: Result<T>; readonly ledger: Ledger };

const LIMITED = (rules: RulesConfig, ledger: Ledger, loginId: string) => rules.maxConsecutiveFailures - failuresOf(ledger, loginId);

function refused(rules: RulesConfig, ledger: Ledger, loginId: string, code: 'BAD_CREDENTIALS' | 'BAD_AUTH_PASSWORD' | 'OTP_INVALID' | 'OTP_REUSED'): Checked<never> {
  const next = withFailure(ledger, loginId);
  const left = LIMITED(rules, next, loginId);
  if (left <= 0) return { result: fail('LOCKED'), ledger: next };
  return { result: fail(code, { attemptsLeft: left, field: code.startsWith('OTP') ? 'otp' : 'password' }), ledger: next };
}

/** Whether the block still covers now (R-OFF-1: its lifetime is the login's reach offline). */
export function blockCovers(block: OfflineBlock, now: Date): boolean {
  const centre = stepAt(now, block.period) + block.drift;
  return centre >= block.firstStep - 1 && centre <= lastStepOf(block);
}

const saltOf = (block: OfflineBlock) => Buffer.from(block.kdf.salt, 'base64');

/** The key the block's codes are hashed under, from the login password's stored key (checkOfflinePassword). */
export const codeKeyFor = (block: OfflineBlock, loginKey: Buffer): Buffer => codeKeyOf(loginKey, saltOf(block));

/**
 * R-OFF-2/4: the login or authentication password, made into the key the server stores for it (one run of the
 * server's own KDF under the setting the block carries) and checked against the block's check value; answers
 * that key, which the caller keeps in memory only (the code key, the proof key come from it). A user
 * whose revocation waits in this desktop's outbox is refused as if without a block (R-OFF-6: it takes effect
 * at once; the block itself goes when the revocation lands).
 */
export async function checkOfflinePassword(
  block: OfflineBlock,
  which: 'login' | 'auth',
  password: string,
  ledger: Ledger,
  rules: RulesConfig,
  now: Date,
  revokedHere: ReadonlySet<string>,
): Promise<Checked<Buffer>> {
  if (!blockCovers(block, now) || revokedHere.has(block.loginId)) return { result: fail('OFFLINE_NO_BLOCK'), ledger };
  if (LIMITED(rules, ledger, block.loginId) <= 0) return { result: fail('LOCKED'), ledger };
  const part = which === 'login' ? block.login : block.auth;
  const key = await storedKeyFor(password, part.setting);
  if (key && sameBytes(checkValueOf(key, saltOf(block), which), Buffer.from(part.check, 'base64'))) return { result: ok(key), ledger };
  return refused(rules, ledger, block.loginId, which === 'login' ? 'BAD_CREDENTIALS' : 'BAD_AUTH_PASSWORD');
}

/**
 * R-OFF-2/3/4: the code against the hashes of the steps centre±window, under the code key (codeKeyFor). Every candidate is hashed, used or not,
 * so the time taken does not tell which steps were used; a match at or
 * below the highest step used here or seen by the server at the last sync is a replay.
 */
export async function checkOfflineCode(block: OfflineBlock, codeKey: Buffer, code: string, ledger: Ledger, rules: RulesConfig, now: Date): Promise<Checked<{ step: number }>> {
  if (!blockCovers(block, now)) return { result: fail('OFFLINE_NO_BLOCK'), ledger };
  if (LIMITED(rules, ledger, block.loginId) <= 0) return { result: fail('LOCKED'), ledger };
  const centre = stepAt(now, block.period) + block.drift;
  const window = rules.otp.driftWindowSteps;
  const params = stepParamsOf(block, codeKey);
  const candidates: number[] = [];
  for (let step = Math.max(block.firstStep, centre - window); step <= Math.min(lastStepOf(block), centre + window); step++) candidates.push(step);
  const matches = await Promise.all(
    candidates.map((step) => stepCodeMatches(params, step, code, Buffer.from(block.hashes[step - block.firstStep] ?? '', 'base64'))),
  );
  const step = candidates.find((_, i) => matches[i]);
  if (step === undefined) return refused(rules, ledger, block.loginId, 'OTP_INVALID');
  const floor = acceptsAbove(ledger, block.tokenSerial);
  // A floor beyond the window's top is a step nobody could have used by now (a record made before the server
  // bounded reports by its clock): refused, but counted towards no lock, as online (main/otp/verify.ts).
  if (step <= floor && floor > centre + window) return { result: fail('OTP_AHEAD_OF_CLOCK', { field: 'otp' }), ledger };
  if (step <= floor) return refused(rules, ledger, block.loginId, 'OTP_REUSED');
  return { result: ok({ step }), ledger: withStep(ledger, block.tokenSerial, step, block.loginId, now) };
}
