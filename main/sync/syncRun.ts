import { outcomeSchema, replicaSchema } from '../../shared/contract/syncModels';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import { unreported, withReport } from '../offline/ledger';
import { operationOf, waiting, withOutcome } from '../offline/outbox';
import type { OfflineFiles, Registration } from './files';
import type { OfflineDesk } from './offlineDesk';

/**
 * How a sync ended: 'done'; 'cut' (the server could not be reached, or answered that it could not serve now):
 * everything answered so far is written, the rest is tried again with the same keys at the next sync.
 */
export type SyncEnd = 'done' | 'cut';

/** Refusals that say nothing about the operation itself: the sync stops and tries again later. */
const TRANSIENT = new Set(['SERVER_UNREACHABLE', 'PIN_MISMATCH', 'CERT_EXPIRED', 'INTERNAL', 'DESKTOP_UNKNOWN']);

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
 * revoked, locked, removed or without the token). The ledger is not held during the request: a step taken
 * meanwhile is simply not among those marked, and goes with the next sync.
 */
async function reportSteps(d: SyncDeps): Promise<Result<unknown>> {
  const sent = unreported(d.files.ledger);
  const blocks = [...d.files.blocks.values()];
  const serials = [...new Set([...blocks.map((b) => b.tokenSerial), ...sent.used.map((u) => u.serial)])];
  const answer = await d.remote('sync:report-steps', { ...credentials(d.registration), ...sent, serials, holders: blocks.map((b) => b.loginId) });
  if (!answer.ok) return answer;
  const value = answer.value as { floors: Record<string, number>; void: string[] };
  await d.desk.exclusive(async () => d.files.setLedger(withReport(d.files.ledger, sent, value.floors)));
  await d.desk.endSessionsOf(value.void, 'revoked');
  for (const loginId of value.void) d.files.dropBlock(loginId);
  return answer;
}

/**
 * (b) R-OFF-7/8: the outbox in order, one operation per request, each outcome written before the next is sent.
 * Accepted leaves the outbox; refused stays with its reason (同期できなかった操作). A cut before the answer leaves
 * the operation waiting: the server keeps its key, so sending it again cannot apply it twice.
 */
async function applyOutbox(d: SyncDeps): Promise<SyncEnd> {
  const total = waiting(d.files.outbox).length;
  let done = 0;
  d.progress(done, total);
  for (let next = waiting(d.files.outbox)[0]; next; next = waiting(d.files.outbox)[0]) {
    const answer = await d.remote('sync:apply', { ...credentials(d.registration), operation: operationOf(next) });
    if (!answer.ok && TRANSIENT.has(answer.error.code)) return 'cut';
    // Any other refusal of the request is the operation's own (nothing is dropped silently, R-OFF-7).
    const outcome = answer.ok ? outcomeSchema.parse(answer.value) : { accepted: false as const, reason: answer.error.code };
    d.files.setOutbox(withOutcome(d.files.outbox, next.key, outcome, d.desk.clock()));
    d.progress(++done, Math.max(total, done));
  }
  return 'done';
}

/** (c) R-OFF-5: the replica for the standing holders, and with it the time of the last sync. */
async function refreshReplica(d: SyncDeps): Promise<Result<unknown>> {
  const answer = await d.remote('sync:replica', { ...credentials(d.registration), holders: [...d.files.blocks.keys()] });
  if (answer.ok) d.files.setReplica(replicaSchema.parse(answer.value));
  return answer;
}

/** One sync at reconnect (SPEC R-OFF-7), in its order; resumable after a cut at any point. */
export async function runSync(d: SyncDeps): Promise<SyncEnd> {
  const steps = await reportSteps(d);
  if (!steps.ok) return 'cut';
  if ((await applyOutbox(d)) === 'cut') return 'cut';
  return (await refreshReplica(d)).ok ? 'done' : 'cut';
}
