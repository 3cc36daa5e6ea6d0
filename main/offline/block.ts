import { randomBytes } from 'node:crypto';
import type { OfflineBlock } from '../../shared/contract/syncModels';
import type { RulesConfig } from '../config/rules';
import { stepAt } from '../otp/totp';
import type { TokenParams } from '../store/schema';
import { hashStepCode, type StepHashParams } from './stepHash';

export { offlineBlockSchema, type OfflineBlock } from '../../shared/contract/syncModels';

export type BlockUser = Pick<OfflineBlock, 'companyId' | 'companyName' | 'userId' | 'loginId' | 'name' | 'userType' | 'loginVerifier' | 'authVerifier'>;

export type BlockToken = { readonly serial: string; readonly params: TokenParams; readonly drift: number; readonly lastStep: number };

export type IssueInput = {
  readonly desktopId: string;
  readonly user: BlockUser;
  readonly token: BlockToken;
  /** Each step's code, computed by the caller while the seed is open (DESIGN-NOTES 6); the seed never comes here. */
  readonly codeAt: (step: number) => string;
  readonly now: Date;
  readonly rules: RulesConfig;
};

export const stepParamsOf = (block: OfflineBlock): StepHashParams => ({
  alg: block.kdf.alg,
  iterations: block.kdf.iterations,
  salt: Buffer.from(block.kdf.salt, 'base64'),
});

/** The last step the block covers. */
export const lastStepOf = (block: OfflineBlock): number => block.firstStep + block.hashes.length - 1;

/**
 * The steps a block covers: from now to blockSteps ahead, widened by the drift window around the saved drift
 * (R-OTP-1), never at or below the token's last accepted step: a code already used online is not in it at all.
 */
export function blockSteps(token: BlockToken, now: Date, rules: RulesConfig): number[] {
  const window = rules.otp.driftWindowSteps;
  const centre = stepAt(now, token.params.period) + token.drift;
  const firstStep = Math.max(centre - window, token.lastStep + 1);
  const lastStep = centre + rules.offline.blockSteps + window;
  return Array.from({ length: Math.max(0, lastStep - firstStep + 1) }, (_, i) => firstStep + i);
}

export async function issueBlock(input: IssueInput): Promise<OfflineBlock> {
  const { token, rules } = input;
  const steps = blockSteps(token, input.now, rules);
  const firstStep = steps[0] ?? token.lastStep + 1;
  const kdf = { alg: 'pbkdf2-sha256' as const, iterations: rules.offline.stepHashIterations, salt: randomBytes(16) };
  const hashes = await Promise.all(steps.map((step) => hashStepCode(kdf, step, input.codeAt(step))));
  return {
    version: 1,
    desktopId: input.desktopId,
    ...input.user,
    tokenSerial: token.serial,
    period: token.params.period,
    drift: token.drift,
    issuedAt: input.now.getTime(),
    firstStep,
    kdf: { ...kdf, salt: kdf.salt.toString('base64') },
    hashes: hashes.map((h) => h.toString('base64')),
  };
}
