import type { Db } from '../transaction';
import type { HostInstructionRecord } from '../schema';

/** DESIGN-NOTES 12: the outbox to the bank's host. No function here changes an instruction's content. */

export async function insertInstruction(db: Db, row: Pick<HostInstructionRecord, 'id' | 'request_id' | 'company_id' | 'content' | 'created_at'>): Promise<void> {
  await db.insertInto('host_instructions').values(row).execute();
}

/** Instructions the host has not answered yet (送信中), oldest first. */
export function unansweredInstructions(db: Db, limit: number): Promise<HostInstructionRecord[]> {
  return db.selectFrom('host_instructions').selectAll().where('outcome', 'is', null).orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** Counted before each send, so a crash after it still shows the attempt; an answered one is final (migration 009). */
export async function countAttempt(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('host_instructions')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_attempt_at: now }))
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .execute();
}

export type HostAnswer = { readonly outcome: 'accepted'; readonly receiptNo: string } | { readonly outcome: 'refused'; readonly reason: string };

/** The host's answer, written once: false when another sender recorded it first. */
export async function recordAnswer(db: Db, id: string, answer: HostAnswer, now: number): Promise<boolean> {
  const answered =
    answer.outcome === 'accepted' ? { outcome: 'accepted' as const, receipt_no: answer.receiptNo } : { outcome: 'refused' as const, refusal: answer.reason };
  const result = await db
    .updateTable('host_instructions')
    .set({ ...answered, answered_at: now })
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
