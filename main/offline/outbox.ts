import { z } from 'zod';
import { offlineProofSchema, outboxOperationSchema, QUEUEABLE_CHANNELS, targetsOf, type OutboxOperation, type QueueableChannel } from '../../shared/contract/syncModels';
import type { SealKey } from '../crypto/seal';
import { proofMacOf } from './offlineKeys';
import type { SealedFile } from './sealedFile';
import { uuidv7 } from './uuidv7';

/**
 * Admin operations made offline (SPEC R-OFF-6/7), waiting for the next sync in the order they were made.
 * Only the contract's QUEUEABLE_CHANNELS queue; every other write (token registration, seed import, R-REV-6,
 * setup, own password changes, resync) is refused offline: they need the server's one replay authority
 * (DESIGN-NOTES 9). Each entry is the wire operation (`outboxOperationSchema`) plus, once refused, why.
 */
export const isQueueable = (channelName: string): channelName is QueueableChannel => (QUEUEABLE_CHANNELS as readonly string[]).includes(channelName);

/** The step-up fields never wait on disk: the offline step-up proof (serial, step and MAC) stands for them. */
const STEP_UP_FIELDS = new Set(['sessionId', 'authPassword', 'otp']);

const refusedSchema = z.object({ reason: z.string(), at: z.number().int(), loginIds: z.array(z.string()).optional() });

/**
 * An entry queued before proofs carried a MAC (outbox v1) proves nothing the server can check: it is kept as
 * refused (OFFLINE_PROOF_INVALID), so the admin sees it in the 同期できなかった操作 list and redoes it with a
 * fresh step-up or discards it (R-OFF-7: none is dropped silently).
 */
const entrySchema = outboxOperationSchema
  .extend({
    proof: offlineProofSchema.partial({ mac: true }),
    /** Refused at sync: kept, with its reason, in the 同期できなかった操作 list until redone or discarded. */
    refused: refusedSchema.optional(),
  })
  .transform(({ proof, refused, ...entry }) => {
    const unproven = proof.mac === undefined ? { reason: 'OFFLINE_PROOF_INVALID', at: entry.queuedAt } : undefined;
    const kept = refused ?? unproven;
    return { ...entry, proof: { ...proof, mac: proof.mac ?? '' }, ...(kept ? { refused: kept } : {}) };
  });

export const outboxSchema = z.object({ entries: z.array(entrySchema) });
export type OutboxEntry = z.output<typeof entrySchema>;
export type Outbox = z.output<typeof outboxSchema>;

export const emptyOutbox = (): Outbox => ({ entries: [] });

export type Queued = Pick<OutboxOperation, 'channel' | 'operator' | 'baseVersions'> & {
  readonly request: Record<string, unknown>;
  readonly proof: Pick<OutboxOperation['proof'], 'serial' | 'step'>;
};

/** The operation as it will go on the wire, its proof's MAC made with `proofKey` (offlineKeys.proofKeyOf) over all of it. */
export function enqueue(outbox: Outbox, op: Queued, now: Date, proofKey: Buffer): { outbox: Outbox; key: string } {
  const request = Object.fromEntries(Object.entries(op.request).filter(([field]) => !STEP_UP_FIELDS.has(field)));
  const key = uuidv7(now);
  const unsigned = { ...op, request, key, queuedAt: now.getTime() };
  const entry: OutboxEntry = { ...unsigned, proof: { ...op.proof, mac: proofMacOf(proofKey, unsigned) } };
  return { key, outbox: { entries: [...outbox.entries, entry] } };
}

/** The operations the next sync sends, in order: the refused ones wait for the admin instead. */
export const waiting = (outbox: Outbox): OutboxEntry[] => outbox.entries.filter((e) => !e.refused);

export const refusedEntries = (outbox: Outbox): OutboxEntry[] => outbox.entries.filter((e) => e.refused);

/** What goes on the wire for an entry: the operation without the desktop's own bookkeeping. */
export function operationOf(entry: OutboxEntry): OutboxOperation {
  const { refused: _refused, ...operation } = entry;
  return operation;
}

export type Outcome = { accepted: true } | { accepted: false; reason: string; loginIds?: string[] };

/** A server answer: an accepted operation leaves the outbox; a refused one stays, with its reason. */
export function withOutcome(outbox: Outbox, key: string, outcome: Outcome, now: Date): Outbox {
  if (outcome.accepted) return withoutEntry(outbox, key);
  const refused = { reason: outcome.reason, at: now.getTime(), ...(outcome.loginIds ? { loginIds: outcome.loginIds } : {}) };
  return { entries: outbox.entries.map((e) => (e.key === key ? { ...e, refused } : e)) };
}

export const withoutEntry = (outbox: Outbox, key: string): Outbox => ({ entries: outbox.entries.filter((e) => e.key !== key) });

/** R-OFF-6: a queued revocation takes effect on this desktop at once: these users cannot log in offline here. */
export function revokedHere(outbox: Outbox): Set<string> {
  return new Set(outbox.entries.filter((e) => e.channel === 'tokens:revoke' && !e.refused).flatMap((e) => targetsOf(e.request)));
}

export const outboxFile = (path: string, key: SealKey, desktopId: string): SealedFile<Outbox> => ({
  path,
  key,
  label: `offline-outbox:v1:${desktopId}`,
  schema: outboxSchema,
  empty: emptyOutbox,
});
