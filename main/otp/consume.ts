import { fail, ok, type Result } from '../../shared/errors';
import type { RulesConfig } from '../config/rules';
import { unseal, type SealKey } from '../crypto/seal';
import type { TokenRecord } from '../store/schema';
import { acceptStep } from '../store/repos/tokens';
import type { Db } from '../store/transaction';
import { checkCode, type Match } from './verify';

/** The seed is opened only here, for one verification, and wiped afterwards (DESIGN-NOTES 6). */
export function withSeed<T>(key: SealKey, token: TokenRecord, use: (seed: Buffer) => T): T {
  const seed = unseal(key, token.seed_sealed, token.serial);
  try {
    return use(seed);
  } finally {
    seed.fill(0);
  }
}

/**
 * Verifies a code and consumes its time step with the one conditional write of DESIGN-NOTES 1, inside the
 * caller's transaction. Losing that write to a concurrent use of the same code is a replay.
 */
export async function consumeOtp(
  tx: Db,
  key: SealKey,
  rules: RulesConfig,
  token: TokenRecord,
  code: string,
  now: Date,
): Promise<Result<Match>> {
  if (token.state !== 'active') return fail('TOKEN_DISABLED');
  const state = { ...token, lastStep: token.last_step, expiresAt: token.expires_at };
  const match = withSeed(key, token, (seed) => checkCode(seed, code, state, now, rules.otp.driftWindowSteps, rules.otp.maxDriftSteps));
  if (!match.ok) return match;
  const won = await acceptStep(tx, token.id, match.value.step, match.value.drift, now);
  return won ? ok(match.value) : fail('OTP_REUSED', { field: 'otp' });
}
