import { z } from 'zod';
import { MAX_APPLY_BYTES } from '../../shared/contract/syncChannels';
import { outcomeSchema, replicaSchema, targetsOf } from '../../shared/contract/syncModels';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import { unreported, withReport } from '../offline/ledger';
import { reportParts } from './reportParts';
import { operationOf, waiting, withOutcome, type OutboxEntry } from '../offline/outbox';
import type { OfflineFiles, Registration } from './files';
import type { OfflineDesk } from './offlineDesk';

/**
 * How a sync ended: 'done'; 'cut' (the server could not be reached): everything answered so far is written,
 * the rest is tried again with the same keys at the next sync; 'refused' (the server is there but refused the
 * sync itself, e.g. INTERNAL): the same, but the link is online and logins go to the server.
 */
export type SyncEnd = 'done' | 'cut' | 'refused';

/** Faults of the link itself: this desktop is offline. */
const CUT = new Set(['SERVER_UNREACHABLE', 'PIN_MISMATCH', 'CERT_EXPIRED']);

/**
 * A refused sync request: it says nothing of any one operation (each has its outcome in an answer), so the sync
 * stops and what waits is sent again later with the same keys. DESKTOP_UNKNOWN: the server no longer knows
 * this registration (revoked, or the company's data restored), so none of its blocks stands: they go with
 * their offline sessions, and what waits is listed as refused (R-OFF-7: nothing dropped silently); the next
 * online login registers anew.
 */
async function refusedBy(d: SyncDeps, reason: string): Promise<SyncEnd> {
  if (CUT.has(reason)) return 'cut';
  if (reason === 'DESKTOP_UNKNOWN') {
    const holders = [...d.files.blocks.keys()];
    await d.desk.endSessionsOf(holders, 'revoked');
    d.files.forgetRegistration(d.desk.clock());
  }
  return 'refused';
}

export type SyncDeps = {
  readonly remote: Dispatch;
  readonly desk: OfflineDesk;
  readonly files: OfflineFiles;
  readonly registration: Registration;
  /** Operations answered so far of those waiting when it began. */
  readonly progress: (done: number, total: number) => void;
};

const credentials = (r: Registration) => ({ desktopId: r.desktopId, desktopSecret: r.desktopSecret });

/**
 * (a) R-OFF-3/7, first of all: the steps used and the failures counted offline, and every serial and holder of
 * the blocks held; the answer marks them reported, sets the floors and names the blocks to drop (their users
 * revoked, locked, removed or without the token). In as many requests as the contract's bound takes
 * (./reportParts.ts), each answer written before the next is sent. The ledger is not held during a request: a
 * step taken meanwhile is simply not among those marked, and goes with the next sync.
 */
async function reportSteps(d: SyncDeps): Promise<Result<unknown>> {
  const parts = reportParts([...d.files.blocks.values()], unreported(d.files.ledger));
  let answer: Result<unknown> = { ok: true, value: null };
  for (const part of parts) {
    answer = await d.remote('sync:report-steps', { ...credentials(d.registration), ...part });
    if (!answer.ok) return answer;
    const value = answer.value as { floors: Record<string, number>; void: string[] };
    await d.desk.exclusive(async () => d.files.setLedger(withReport(d.files.ledger, part, value.floors)));
    await d.desk.endSessionsOf(value.void, 'revoked');
    for (const loginId of value.void) d.files.dropBlock(loginId);
  }
  return answer;
}

/** The steps (a) has not reported yet, as `serial:step`: an operation proved by one waits for the next (a). */
const unreportedSteps = (d: SyncDeps) => new Set(unreported(d.files.ledger).used.map((u) => `${u.serial}:${u.step}`));

/**
 * Accepted, a queued revocation or removal is the server's: its users' blocks go at once (R-OFF-1), not at the
 * next report, since the outbox no longer holds them back (R-OFF-6).
 */
async function settled(d: SyncDeps, entry: OutboxEntry): Promise<void> {
  if (entry.channel !== 'tokens:revoke' && entry.channel !== 'users:remove') return;
  const gone = targetsOf(entry.request);
  await d.desk.endSessionsOf(gone, 'revoked');
  for (const loginId of gone) d.files.dropBlock(loginId);
}

/**
 * The next batch: waiting entries in order, as many as `rules.offline.applyBatch`, `applyRegistrations` (the
 * server refuses more, issue 19 finding 6) and MAX_APPLY_BYTES allow (one at least), up to the first whose proof
 * step (a) did not carry: 'again' when that is the first.
 */
function nextBatch(d: SyncDeps): OutboxEntry[] | 'again' {
  const queue = waiting(d.files.outbox);
  const unsent = unreportedSteps(d);
  const { applyBatch, applyRegistrations } = d.desk.rules.offline;
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  let registrations = 0;
  for (const entry of queue) {
    if (batch.length >= applyBatch || unsent.has(`${entry.proof.serial}:${entry.proof.step}`)) break;
    if (entry.channel === 'users:register' && ++registrations > applyRegistrations) break;
    bytes += JSON.stringify(operationOf(entry)).length;
    if (batch.length > 0 && bytes > MAX_APPLY_BYTES) break;
    batch.push(entry);
  }
  return batch.length === 0 && queue.length > 0 ? 'again' : batch;
}

const answerSchema = z.object({ outcomes: z.array(outcomeSchema) });

/**
 * (b) R-OFF-7/8: the outbox in order, in batches, each batch's outcomes written before the next is sent.
 * Accepted leaves the outbox; refused stays with its reason (同期できなかった操作). A cut before the answer leaves
 * the batch waiting: the server keeps each key, so sending it again cannot apply anything twice. An operation
 * queued during (b) carries a step (a) did not report: 'again' sends (a) first, so it is not refused as a replay.
 */
async function applyOutbox(d: SyncDeps, progress: { done: number; total: number }): Promise<SyncEnd | 'again'> {
  d.progress(progress.done, progress.total);
  for (;;) {
    const batch = nextBatch(d);
    if (batch === 'again' || batch.length === 0) return batch === 'again' ? 'again' : 'done';
    const answer = await d.remote('sync:apply', { ...credentials(d.registration), operations: batch.map(operationOf) });
    if (!answer.ok) return refusedBy(d, answer.error.code);
    const { outcomes } = answerSchema.parse(answer.value);
    if (outcomes.length !== batch.length) return refusedBy(d, 'INTERNAL');
    d.files.setOutbox(batch.reduce((outbox, entry, i) => withOutcome(outbox, entry.key, outcomes[i]!, d.desk.clock()), d.files.outbox));
    for (const [i, entry] of batch.entries()) if (outcomes[i]!.accepted) await settled(d, entry);
    progress.done += batch.length;
    progress.total = Math.max(progress.total, progress.done);
    d.progress(progress.done, progress.total);
  }
}

/** (c) R-OFF-5: the replica for the standing holders, and with it the time of the last sync. */
async function refreshReplica(d: SyncDeps): Promise<Result<unknown>> {
  const answer = await d.remote('sync:replica', { ...credentials(d.registration), holders: [...d.files.blocks.keys()] });
  if (answer.ok) d.files.setReplica(replicaSchema.parse(answer.value));
  return answer;
}

/** One sync at reconnect (SPEC R-OFF-7), in its order; resumable after a cut at any point. */
export async function runSync(d: SyncDeps): Promise<SyncEnd> {
  const progress = { done: 0, total: waiting(d.files.outbox).length };
  for (let applied: SyncEnd | 'again' = 'again'; applied !== 'done'; ) {
    const steps = await reportSteps(d);
    if (!steps.ok) return refusedBy(d, steps.error.code);
    applied = await applyOutbox(d, progress);
    if (applied !== 'again' && applied !== 'done') return applied;
  }
  const replica = await refreshReplica(d);
  return replica.ok ? 'done' : refusedBy(d, replica.error.code);
}
