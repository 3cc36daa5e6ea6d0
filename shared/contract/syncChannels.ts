import { z } from 'zod';
import { ACCESS } from './access';
import { channel } from './define';
import {
  offlineBlockSchema,
  outboxOperationSchema,
  outcomeSchema,
  replicaSchema,
  reportedStepSchema,
  stepReportSchema,
} from './syncModels';
import { loginIdField, opaqueIdField } from '../input/fields';

/** A connected desktop proves its registration with the server (R-OFF-1): its ID and the secret in its keychain. */
const desktop = { desktopId: z.uuid(), desktopSecret: opaqueIdField };
const MAX_REPORTED = 10_000;
/**
 * One `sync:report-steps` request carries at most this many login IDs (holders, failures and the steps' own) and
 * token serials; a desktop holding more blocks splits its report (main/sync/reportParts.ts). Issue 19 finding 6.
 */
export const MAX_SYNC_HOLDERS = 8;
/** The most steps one holder's blocks may bring to one request: above rules.offline.blockSteps plus the windows. */
export const MAX_BLOCK_STEPS = 720;

type StepsRequest = { used: readonly { loginId: string; serial: string }[]; failures: Record<string, number>; serials: readonly string[]; holders: readonly string[] };

/** What the desktop's blocks can hold: few holders and serials, and at most MAX_BLOCK_STEPS steps per holder named. */
function withinBlocks(r: StepsRequest, ctx: z.RefinementCtx): void {
  const names = new Set([...r.holders, ...Object.keys(r.failures), ...r.used.map((u) => u.loginId)]);
  const serials = new Set([...r.serials, ...r.used.map((u) => u.serial)]);
  if (names.size > MAX_SYNC_HOLDERS) ctx.addIssue({ code: 'custom', path: ['holders'], message: 'too many holders' });
  if (serials.size > MAX_SYNC_HOLDERS) ctx.addIssue({ code: 'custom', path: ['serials'], message: 'too many serials' });
  if (r.used.length > names.size * MAX_BLOCK_STEPS) ctx.addIssue({ code: 'custom', path: ['used'], message: 'more steps than the blocks hold' });
}
/** Operations per `sync:apply`; the desktop also keeps a batch's JSON within MAX_APPLY_BYTES (the server's default body limit leaves room). */
export const MAX_APPLY_BATCH = 50;
export const MAX_APPLY_BYTES = 48 * 1024;
/**
 * Queued registrations per `sync:apply` (issue 19 finding 6): each that passes the operator and proof checks costs
 * two password hashes, on the KDF every company's logins share, so one request's share of it is bounded.
 */
export const MAX_APPLY_REGISTRATIONS = 10;
const registrationsOf = (operations: readonly { channel: string }[]) => operations.filter((op) => op.channel === 'users:register').length;

/**
 * Channels between a connected desktop's main process and the company server (SPEC R-OFF-1..8): served by the
 * server's one dispatch like every contract channel, never registered for the renderer (shared/contract/api.ts
 * `rendererChannels`). The `public` ones carry the desktop's credentials instead of a session; their services
 * prove them before anything else.
 */
export const syncContract = {
  sync: {
    /** At the first online login on a desktop: registers it with the session's company; the secret is shown once. */
    registerDesktop: channel(
      'sync:register-desktop',
      ACCESS.sync.registerDesktop,
      z.strictObject({ sessionId: opaqueIdField }),
      z.object({ desktopId: z.uuid(), desktopSecret: z.string() }),
    ),
    /** After each successful online login (R-OFF-1): the session's user's block for this desktop; null without an active token. */
    issueBlock: channel(
      'sync:issue-block',
      ACCESS.sync.issueBlock,
      z.strictObject({ sessionId: opaqueIdField, ...desktop }),
      z.object({ block: offlineBlockSchema.nullable() }),
    ),
    /**
     * The first thing a sync sends (R-OFF-3, R-OFF-7): the steps used offline and the failures counted offline per
     * login ID. `serials`: every token serial of the blocks held, whose floor (highest step seen anywhere) comes back.
     * `void`: login IDs among `holders` whose blocks the desktop must drop (revoked, locked, removed, lost token, or
     * no standing block issued to this desktop). Bounded by what the desktop's blocks can hold (withinBlocks).
     */
    reportSteps: channel(
      'sync:report-steps',
      ACCESS.sync.reportSteps,
      z.strictObject({
        ...desktop,
        used: z.array(reportedStepSchema).max(MAX_SYNC_HOLDERS * MAX_BLOCK_STEPS),
        failures: z.record(loginIdField, z.number().int().positive().max(1_000)),
        serials: z.array(z.string().min(1).max(64)).max(MAX_SYNC_HOLDERS),
        holders: z.array(loginIdField).max(MAX_SYNC_HOLDERS),
      }).superRefine(withinBlocks),
      z.object({ reports: z.array(stepReportSchema), floors: z.record(z.string(), z.number().int()), void: z.array(z.string()) }),
    ),
    /**
     * Queued operations in the outbox's order, each applied at most once per key (R-OFF-7, R-OFF-8): one outcome
     * each, in the same order, accepted or refused with its reason. The desktop keeps a batch within MAX_APPLY_BYTES.
     */
    apply: channel(
      'sync:apply',
      ACCESS.sync.apply,
      z.strictObject({
        ...desktop,
        operations: z
          .array(outboxOperationSchema)
          .min(1)
          .max(MAX_APPLY_BATCH)
          .refine((operations) => registrationsOf(operations) <= MAX_APPLY_REGISTRATIONS, `at most ${MAX_APPLY_REGISTRATIONS} registrations`),
      }),
      z.object({ outcomes: z.array(outcomeSchema) }),
    ),
    /** The offline replica (R-OFF-5) for the standing holders among `holders`. */
    replica: channel(
      'sync:replica',
      ACCESS.sync.replica,
      z.strictObject({ ...desktop, holders: z.array(loginIdField).max(MAX_REPORTED) }),
      replicaSchema,
    ),
  },
} as const;

export type SyncContract = typeof syncContract;
