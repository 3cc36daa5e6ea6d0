import { fail, ok, type Result } from '../../shared/errors';
import type { RulesConfig } from '../config/rules';
import type { UserRecord } from '../store/schema';
import { findRequest, type RequestRow } from '../store/repos/transferRequests';
import { hasRight } from '../store/repos/transferSetup';
import type { Db } from '../store/transaction';
import { hasLapsed } from './checkRequest';

/**
 * SPEC R-TRX-4/5/9: what an approver may decide on (approve or return), read inside the decision's transaction:
 * a 承認待ち request of the company, not the approver's own (even a master's), by a holder of 承認権限, whose date
 * has not passed.
 */
export async function decidable(tx: Db, operator: UserRecord, requestId: string, now: Date, rules: RulesConfig['transfers']): Promise<Result<RequestRow>> {
  const request = await findRequest(tx, operator.company_id, requestId);
  if (!request) return fail('TRANSFER_NOT_FOUND');
  if (request.state !== 'pending') return fail('TRANSFER_NOT_PENDING', { problem: request.state });
  if (request.requester_id === operator.id) return fail('TRANSFER_OWN_REQUEST');
  if (!(await hasRight(tx, operator.id, 'transfer', 'approve'))) return fail('TRANSFER_NO_RIGHT');
  if (hasLapsed(request.transfer_date, now, rules)) return fail('TRANSFER_EXPIRED');
  return ok(request);
}
