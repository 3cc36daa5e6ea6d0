import { z } from 'zod';
import type { SealKey } from '../crypto/seal';
import type { SealedFile } from './sealedFile';
import { uuidv7 } from './uuidv7';

/**
 * Admin operations made offline (SPEC R-OFF-6/7), waiting for the next sync in the order they were made.
 * Only these queue; every other write (token registration, seed import, R-REV-6, setup, own password
 * changes, resync) is refused offline: they need the server's one replay authority (DESIGN-NOTES 9).
 */
export const QUEUEABLE = ['tokens:revoke', 'users:unlock', 'users:register', 'users:update', 'users:remove'] as const;
export type QueueableChannel = (typeof QUEUEABLE)[number];

export const isQueueable = (channelName: string): channelName is QueueableChannel => (QUEUEABLE as readonly string[]).includes(channelName);

/** The step-up fields never wait on disk: the offline step-up proof (block and step) stands for them. */
const STEP_UP_FIELDS = new Set(['sessionId', 'authPassword', 'otp']);

const entrySchema = z.object({
  key: z.uuid(),
  channel: z.enum(QUEUEABLE),
  request: z.record(z.string(), z.unknown()),
  operator: z.string(),
  /** The offline step-up: the block's desktop and the step it accepted, checked by the server as a reported step. */
  proof: z.object({ desktopId: z.string(), serial: z.string(), step: z.number().int() }),
  /** Per login ID the operation changes, the row version it was made against (R-OFF-8 conflicts). */
  baseVersions: z.record(z.string(), z.number().int()),
  queuedAt: z.number().int(),
  /** Refused at sync: kept, with its reason, in the 同期できなかった操作 list until redone or discarded. */
  refused: z.object({ reason: z.string(), at: z.number().int() }).optional(),
});

export const outboxSchema = z.object({ entries: z.array(entrySchema) });
export type OutboxEntry = z.infer<typeof entrySchema>;
export type Outbox = z.infer<typeof outboxSchema>;

export const emptyOutbox = (): Outbox => ({ entries: [] });

export type Queued = Pick<OutboxEntry, 'channel' | 'operator' | 'proof' | 'baseVersions'> & { readonly request: Record<string, unknown> };

export function enqueue(outbox: Outbox, op: Queued, now: Date): { outbox: Outbox; key: string } {
  const request = Object.fromEntries(Object.entries(op.request).filter(([field]) => !STEP_UP_FIELDS.has(field)));
  const key = uuidv7(now);
  return { key, outbox: { entries: [...outbox.entries, { ...op, request, key, queuedAt: now.getTime() }] } };
}

/** The operations the next sync sends, in order: the refused ones wait for the admin instead. */
export const waiting = (outbox: Outbox): OutboxEntry[] => outbox.entries.filter((e) => !e.refused);

/** A server answer: an accepted operation leaves the outbox; a refused one stays, with its reason. */
export function withOutcome(outbox: Outbox, key: string, outcome: { accepted: true } | { accepted: false; reason: string }, now: Date): Outbox {
  if (outcome.accepted) return { entries: outbox.entries.filter((e) => e.key !== key) };
  return { entries: outbox.entries.map((e) => (e.key === key ? { ...e, refused: { reason: outcome.reason, at: now.getTime() } } : e)) };
}

/** R-OFF-6: a queued revocation takes effect on this desktop at once: these users cannot log in offline here. */
export function revokedHere(outbox: Outbox): Set<string> {
  const ids = outbox.entries.filter((e) => e.channel === 'tokens:revoke' && !e.refused).flatMap((e) => z.array(z.string()).catch([]).parse(e.request.loginIds));
  return new Set(ids);
}

export const outboxFile = (path: string, key: SealKey, desktopId: string): SealedFile<Outbox> => ({
  path,
  key,
  label: `offline-outbox:v1:${desktopId}`,
  schema: outboxSchema,
  empty: emptyOutbox,
});
