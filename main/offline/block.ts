import { randomBytes } from 'node:crypto';
import type { OfflineBlock } from '../../shared/contract/syncModels';
import type { RulesConfig } from '../config/rules';
import { stepAt } from '../otp/totp';
import type { TokenParams } from '../store/schema';
import { settingOf, storedKeyOf } from '../crypto/password';
import { checkValueOf, codeKeyOf } from './offlineKeys';
import { hashStepCode, type StepHashParams } from './stepHash';

export { offlineBlockSchema, type OfflineBlock } from '../../shared/contract/syncModels';

export type BlockUser = Pick<OfflineBlock, 'companyId' | 'companyName' | 'userId' | 'loginId' | 'name' | 'userType'>;

/** The user's stored password hashes: the block is made from their keys, and carries only their settings. */
export type StoredHashes = { readonly login: string; readonly auth: string };

export type BlockToken = { readonly serial: string; readonly params: TokenParams; readonly drift: number; readonly lastStep: number };

export type IssueInput = {
  readonly desktopId: string;
  readonly user: BlockUser;
  readonly hashes: StoredHashes;
  readonly token: BlockToken;
  /**
   * The codes of the block's steps, in order: called once, before any hashing, so that the caller opens the seed
   * once and wipes it before the slow part (DESIGN-NOTES 6); the seed never comes here.
   */
  readonly codesAt: (steps: readonly number[]) => readonly string[];
  readonly now: Date;
  readonly rules: RulesConfig;
};

/** The block's step-hash parameters with the code key, which only the login password gives (offlineKeys.codeKeyOf). */
export const stepParamsOf = (block: OfflineBlock, codeKey: Buffer): StepHashParams => ({
  alg: block.kdf.alg,
  iterations: block.kdf.iterations,
  salt: Buffer.from(block.kdf.salt, 'base64'),
  codeKey,
});

/** The last step the block covers. */
export const lastStepOf = (block: OfflineBlock): number => block.firstStep + block.hashes.length - 1;

/**
 * The steps a block covers: from now to blockSteps ahead, widened by the drift window around the saved drift
 * (R-OTP-1), never at or below the token's last accepted step: a code already used online is not in it at all.
 */
function blockSteps(token: BlockToken, now: Date, rules: RulesConfig): number[] {
  const window = rules.otp.driftWindowSteps;
  const centre = stepAt(now, token.params.period) + token.drift;
  const firstStep = Math.max(centre - window, token.lastStep + 1);
  const lastStep = centre + rules.offline.blockSteps + window;
  return Array.from({ length: Math.max(0, lastStep - firstStep + 1) }, (_, i) => firstStep + i);
}

/** One password of the block: its setting and check value; null for a stored hash that is no hash of ours. */
function passwordPart(stored: string, salt: Buffer, which: 'login' | 'auth') {
  const [setting, key] = [settingOf(stored), storedKeyOf(stored)];
  return setting && key ? { setting, check: checkValueOf(key, salt, which).toString('base64') } : null;
}

/**
 * The block, made from the server's own stored hashes (no typed password is kept): it is issued right after the
 * online login where the login password was typed (sync:issue-block), so the key the codes are hashed under is the
 * one that login proved. Null when a stored hash is of no scheme the desktop can recompute.
 */
export async function issueBlock(input: IssueInput): Promise<OfflineBlock | null> {
  const { token, rules } = input;
  const steps = blockSteps(token, input.now, rules);
  const firstStep = steps[0] ?? token.lastStep + 1;
  const salt = randomBytes(16);
  const [login, auth, loginKey] = [passwordPart(input.hashes.login, salt, 'login'), passwordPart(input.hashes.auth, salt, 'auth'), storedKeyOf(input.hashes.login)];
  if (!login || !auth || !loginKey) return null;
  const kdf = { alg: 'pbkdf2-sha256' as const, iterations: rules.offline.stepHashIterations, salt, codeKey: codeKeyOf(loginKey, salt) };
  const codes = input.codesAt(steps);
  const hashes = await Promise.all(steps.map((step, i) => hashStepCode(kdf, step, codes[i]!)));
  return {
    version: 2,
    desktopId: input.desktopId,
    ...input.user,
    login,
    auth,
    tokenSerial: token.serial,
    period: token.params.period,
    drift: token.drift,
    issuedAt: input.now.getTime(),
    firstStep,
    kdf: { alg: kdf.alg, iterations: kdf.iterations, salt: salt.toString('base64') },
    hashes: hashes.map((h) => h.toString('base64')),
  };
}
