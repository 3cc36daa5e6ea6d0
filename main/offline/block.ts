import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { RulesConfig } from '../config/rules';
import { stepAt } from '../otp/totp';
import type { TokenParams } from '../store/schema';
import { hashStepCode, type StepHashParams } from './stepHash';

/**
 * An offline code block (SPEC R-OFF-1/2, DESIGN-NOTES 10): what a connected desktop needs to check one user's
 * passwords and codes without the server, and nothing that makes a code: the passwords are the server's own
 * slow hashes, the codes are salted PBKDF2 hashes, one per step. Parsed with zod when it is opened, since the
 * file on disk is outside the process.
 */
export const offlineBlockSchema = z.object({
  version: z.literal(1),
  desktopId: z.string().min(1),
  companyId: z.number().int(),
  userId: z.number().int(),
  loginId: z.string().min(1),
  name: z.string(),
  userType: z.enum(['master', 'admin', 'general']),
  loginVerifier: z.string().min(1),
  authVerifier: z.string().min(1),
  tokenSerial: z.string().min(1),
  period: z.number().int().positive(),
  drift: z.number().int(),
  issuedAt: z.number().int(),
  firstStep: z.number().int().nonnegative(),
  kdf: z.object({ alg: z.literal('pbkdf2-sha256'), iterations: z.number().int().positive(), salt: z.string().min(1) }),
  /** Base64 of each step's 32-byte hash, firstStep first. */
  hashes: z.array(z.string()),
});

export type OfflineBlock = z.infer<typeof offlineBlockSchema>;

export type BlockUser = Pick<OfflineBlock, 'companyId' | 'userId' | 'loginId' | 'name' | 'userType' | 'loginVerifier' | 'authVerifier'>;

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
