import { z } from 'zod';
import { topPageSchema, userRowSchema, userTypeSchema } from './models';

/**
 * The wire shapes of offline work (SPEC R-OFF-1..8, DESIGN-NOTES 9 and 10): what a connected desktop's main process
 * and the company server exchange. Never seen by the renderer; it sees only `offlineStatusSchema` and the
 * 同期できなかった操作 rows (shared/contract/connection.ts).
 */

/**
 * One password of a block (version 2): the server's stored hash without its key (scheme, parameters, salt), and
 * a check value derived from that key (main/offline/offlineKeys.ts), so the desktop can tell a wrong password
 * after one run of the server's own KDF, and learns nothing else without the password.
 */
const blockPasswordSchema = z.object({ setting: z.string().min(1).max(200), check: z.string().min(1).max(100) });

/**
 * An offline code block (R-OFF-1/2): one user's password settings and check values, and a salted PBKDF2 hash of
 * each step's code keyed by the login password, for one desktop. Nothing in it makes a code, and nothing in it
 * tests one without the login password (version 1 carried the stored hashes and unkeyed code hashes: such a
 * block no longer parses, so the desktop holds no block for that user until the next online login). Parsed
 * again when the desktop opens its sealed copy, since the file on disk is outside the process.
 */
export const offlineBlockSchema = z.object({
  version: z.literal(2),
  desktopId: z.string().min(1),
  companyId: z.number().int(),
  userId: z.number().int(),
  loginId: z.string().min(1),
  name: z.string(),
  userType: userTypeSchema,
  companyName: z.string(),
  login: blockPasswordSchema,
  auth: blockPasswordSchema,
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

/** A step a desktop accepted offline, as its ledger reports it. */
export const reportedStepSchema = z.object({
  serial: z.string().min(1).max(64),
  step: z.number().int().nonnegative(),
  loginId: z.string().min(1).max(64),
  /** Epoch ms on the desktop's clock when the code was accepted. */
  at: z.number().int(),
});
export type ReportedStep = z.infer<typeof reportedStepSchema>;

/**
 * 'recorded': spent now; 'already': this desktop reported it before (a retried sync); 'replay': accepted elsewhere
 * (online or another desktop), audited as a detected replay; 'unknownToken': no such token in the desktop's company;
 * 'blockVoid': its user was revoked, locked or removed (or lost the token) since the block was issued;
 * 'notIssued': no block the server issued to this desktop for that user and token covers it, or it was used before
 * that block was issued: not recorded; 'aheadOfClock': the step is ahead of the clock at its reported time (beyond
 * the drift window), or that time is in the future: not recorded (issue 19 finding 2).
 */
export const STEP_OUTCOMES = ['recorded', 'already', 'replay', 'unknownToken', 'blockVoid', 'notIssued', 'aheadOfClock'] as const;
export const stepReportSchema = reportedStepSchema.extend({ outcome: z.enum(STEP_OUTCOMES) });
export type StepReport = z.infer<typeof stepReportSchema>;

/** The admin operations that queue offline (R-OFF-6), by channel name; every other write is refused offline. */
export const QUEUEABLE_CHANNELS = ['tokens:revoke', 'users:unlock', 'users:register', 'users:update', 'users:remove'] as const;
export const queueableChannelSchema = z.enum(QUEUEABLE_CHANNELS);
export type QueueableChannel = z.infer<typeof queueableChannelSchema>;

/**
 * The offline step-up that stands for the authentication password and OTP (R-OTP-4, R-OFF-7): the step the block
 * accepted and a MAC over the canonical operation, keyed from that step's code and the authentication password
 * (main/offline/offlineKeys.ts). The server makes the key again from the seed and its stored hash
 * (DESIGN-NOTES 11), so the proof proves this operation only, and only one made by whoever typed both.
 */
export const offlineProofSchema = z.object({ serial: z.string().min(1).max(64), step: z.number().int().nonnegative(), mac: z.base64().length(44) });

/**
 * One queued operation (R-OFF-7). `request` is the channel's request without sessionId, authPassword and otp (the
 * server parses it with the channel's own schema, those three added back as placeholders). `baseVersions`: per login
 * ID the operation changes, the row version (`userRowVersion`) the desktop's replica showed when it was queued.
 */
export const outboxOperationSchema = z.object({
  key: z.uuid(),
  channel: queueableChannelSchema,
  request: z.record(z.string(), z.unknown()),
  operator: z.string().min(1).max(64),
  proof: offlineProofSchema,
  baseVersions: z.record(z.string().max(64), z.string().max(2_000)),
  /** Epoch ms on the desktop's clock when the admin made it (audited as the offline time). */
  queuedAt: z.number().int(),
});
export type OutboxOperation = z.infer<typeof outboxOperationSchema>;

/**
 * The login IDs a queued request names, each once: the revoked ones, or the one registered, changed, unlocked
 * or removed. Read from the request as queued (also one too malformed to parse), so at most 100.
 */
export function targetsOf(request: Record<string, unknown>): string[] {
  const { loginIds, loginId } = request;
  if (Array.isArray(loginIds)) return [...new Set(loginIds.filter((id): id is string => typeof id === 'string'))].slice(0, 100);
  return typeof loginId === 'string' ? [loginId] : [];
}

export const outcomeSchema = z.discriminatedUnion('accepted', [
  z.object({ accepted: z.literal(true), appliedAt: z.iso.datetime() }),
  z.object({ accepted: z.literal(false), reason: z.string().min(1).max(64), loginIds: z.array(z.string()).optional() }),
]);
export type OperationOutcome = z.infer<typeof outcomeSchema>;

/**
 * The offline replica (R-OFF-5), refreshed at each sync: the top page (notices, login history) of every user with a
 * standing block on this desktop, and the company's user list with every BRSK027 column (and its removed login
 * IDs), sent only when one of those users is a master or admin (a general user's desktop never holds the list).
 */
export const replicaSchema = z.object({
  syncedAt: z.iso.datetime(),
  users: z.array(userRowSchema).nullable(),
  /**
   * With `users`: the login IDs of the company's removed users, never reused (a registration of one is refused
   * offline at once, LOGIN_ID_TAKEN, as online). Absent in a replica written before it was sent.
   */
  removedLoginIds: z.array(z.string().max(64)).optional(),
  top: z.record(z.string(), topPageSchema),
});
export type Replica = z.infer<typeof replicaSchema>;

/**
 * A user's row version for the conflicts of R-OFF-8: every BRSK027 column that an operation could have been made
 * against. Computed the same way from the desktop's replica (when queued) and from the server's rows (when applied),
 * so "changed since" means "BRSK027 would now show something else".
 */
export function userRowVersion(row: z.input<typeof userRowSchema>): string {
  return JSON.stringify([row.name, row.userType, row.serial, row.otpState, row.tokenExpiresAt, row.reRegistrationAt, row.revokedReason ?? null]);
}
