import { randomUUID } from 'node:crypto';
import { transferContentSchema, type TransferContent } from '../../shared/contract/transferModels';
import { appendSuccess } from '../store/repos/audit';
import { insertInstruction } from '../store/repos/hostInstructions';
import type { RequestRow } from '../store/repos/transferRequests';
import type { Db } from '../store/transaction';
import { transferDetail } from './auditDetail';

/** A stored request's content; one that no longer parses is a bug, thrown rather than sent. */
export const contentOf = (row: Pick<RequestRow, 'content'>): TransferContent => transferContentSchema.parse(JSON.parse(row.content));

/**
 * DESIGN-NOTES 12: the request is executed, inside the transaction of its last approval (or of its creation when
 * the rule needs none): the instruction to the bank's host is written with a fresh ID, the idempotency key every
 * send of it carries. The request moved to 送信中 in the same transaction; the unique request_id is the store's own
 * guarantee of one instruction per request.
 */
export async function writeInstruction(tx: Db, actor: string, request: Pick<RequestRow, 'id' | 'company_id' | 'requester_login_id'>, content: TransferContent, now: Date): Promise<string> {
  const id = randomUUID();
  await insertInstruction(tx, { id, request_id: request.id, company_id: request.company_id, content: JSON.stringify(content), created_at: now.getTime() });
  await appendSuccess(tx, now, actor, 'transfer.execute', request.requester_login_id, { ...transferDetail(request.id, content), instructionId: id });
  return id;
}
