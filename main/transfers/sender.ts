import { transferContentSchema } from '../../shared/contract/transferModels';
import { ok } from '../../shared/errors';
import type { BankHost, HostReply } from '../bank/host';
import type { HostInstructionRecord } from '../store/schema';
import { appendAudit, type AuditEntry } from '../store/repos/audit';
import { countAttempt, recordAnswer, unansweredInstructions, type HostAnswer } from '../store/repos/hostInstructions';
import { moveRequest } from '../store/repos/transferRequests';
import { transact, type Db } from '../store/transaction';
import { transferDetail } from './auditDetail';

export type SenderOptions = {
  readonly host: BankHost;
  /** Resolves when the wait for one answer is over (a timer in production, a test's own condition); aborted once answered. */
  readonly answerWithin: (signal: AbortSignal) => Promise<void>;
  /** Instructions per run. */
  readonly batch?: number;
};

export type Delivery = { readonly instructionId: string; readonly outcome: 'accepted' | 'refused' | 'timeout' };

const TIMEOUT: HostReply = { timeout: true };

/** The host's reply, or `timeout` when the wait ends first; a send that throws is as unknown as one that never answers. */
async function ask(options: SenderOptions, instruction: HostInstructionRecord): Promise<HostReply> {
  const content = transferContentSchema.parse(JSON.parse(instruction.content));
  const waited = new AbortController();
  const sent = options.host.send({ id: instruction.id, content }).catch(() => TIMEOUT);
  try {
    return await Promise.race([sent, options.answerWithin(waited.signal).then(() => TIMEOUT)]);
  } finally {
    waited.abort();
  }
}

function answerOf(reply: HostReply): HostAnswer | null {
  if ('accepted' in reply) return { outcome: 'accepted', receiptNo: reply.accepted };
  return 'refused' in reply ? { outcome: 'refused', reason: reply.refused } : null;
}

/** An audit row of the sender (no user: the system acts), with the money's detail (R-GEN-2); a failure has its reason. */
function entry(instruction: HostInstructionRecord, now: Date, action: AuditEntry['action'], extra: AuditEntry['detail'], reason?: string): AuditEntry {
  const content = transferContentSchema.parse(JSON.parse(instruction.content));
  const detail = { ...transferDetail(instruction.request_id, content), instructionId: instruction.id, ...extra };
  return { at: now.getTime(), actor: null, action, result: reason ? 'failure' : 'success', detail, ...(reason ? { reason } : {}) };
}

/** The host's answer, recorded once with the request's end state (受付済 / 送信失敗); a timeout leaves it 送信中. */
async function recordReply(db: Db, instruction: HostInstructionRecord, answer: HostAnswer | null, now: Date): Promise<void> {
  await transact(db, async (tx) => {
    if (!answer) return appendAudit(tx, [entry(instruction, now, 'transfer.answer', {}, 'TIMEOUT')]).then(() => ok(null));
    // Another sender may have recorded the same answer already (the host answers a repeated ID alike).
    if (!(await recordAnswer(tx, instruction.id, answer, now.getTime()))) return ok(null);
    const accepted = answer.outcome === 'accepted';
    await moveRequest(tx, instruction.request_id, 'sending', accepted ? 'accepted' : 'failed', now.getTime());
    const row = accepted
      ? entry(instruction, now, 'transfer.answer', { receiptNo: answer.receiptNo })
      : entry(instruction, now, 'transfer.answer', { refusal: answer.reason }, 'HOST_REFUSED');
    await appendAudit(tx, [row]);
    return ok(null);
  });
}

/** One instruction: the attempt counted first (a crash after it still shows it), then the send, then its answer. */
async function deliverOne(db: Db, options: SenderOptions, instruction: HostInstructionRecord, clock: () => Date): Promise<Delivery> {
  await transact(db, async (tx) => {
    await countAttempt(tx, instruction.id, clock().getTime());
    await appendAudit(tx, [entry(instruction, clock(), 'transfer.send', { attempt: instruction.attempts + 1 })]);
    return ok(null);
  });
  const answer = answerOf(await ask(options, instruction));
  await recordReply(db, instruction, answer, clock());
  return { instructionId: instruction.id, outcome: answer?.outcome ?? 'timeout' };
}

/**
 * DESIGN-NOTES 12, SPEC R-TRX-8: delivers the instructions the host has not answered (送信中), each under its own
 * ID, so a run after a timeout or a crash resends the same ID and the host books it once. The only path money
 * leaves by; it never changes an instruction's content, only records the host's answer.
 */
export async function deliverPending(db: Db, options: SenderOptions, clock: () => Date): Promise<Delivery[]> {
  const open = await unansweredInstructions(db, options.batch ?? 50);
  const deliveries: Delivery[] = [];
  for (const instruction of open) deliveries.push(await deliverOne(db, options, instruction, clock));
  return deliveries;
}
