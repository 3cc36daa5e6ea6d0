import type { TransferState } from '../../../shared/contract/transferModels';
import type { Db } from '../transaction';
import type { TransferApprovalTable, TransferRequestRecord } from '../schema';

/** A request with its requester's login ID (the audit's "on whom"). */
export type RequestRow = TransferRequestRecord & { requester_login_id: string };

export async function insertRequest(db: Db, row: TransferRequestRecord): Promise<void> {
  await db.insertInto('transfer_requests').values(row).execute();
}

export function findRequest(db: Db, companyId: number, id: string): Promise<RequestRow | undefined> {
  return db
    .selectFrom('transfer_requests as r')
    .innerJoin('users as u', 'u.id', 'r.requester_id')
    .selectAll('r')
    .select('u.login_id as requester_login_id')
    .where('r.company_id', '=', companyId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** The one conditional write of a state change: false when the request was no longer in `from` (a lost race). */
export async function moveRequest(db: Db, id: string, from: TransferState, to: TransferState, now: number): Promise<boolean> {
  const result = await db
    .updateTable('transfer_requests')
    .set({ state: to, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** 承認待ち requests whose 振込指定日 is at or before `lastDate` (the expiry rule decides which of them lapsed). */
export function pendingUntil(db: Db, lastDate: string): Promise<RequestRow[]> {
  return db
    .selectFrom('transfer_requests as r')
    .innerJoin('users as u', 'u.id', 'r.requester_id')
    .selectAll('r')
    .select('u.login_id as requester_login_id')
    .where('r.state', '=', 'pending')
    .where('r.transfer_date', '<=', lastDate)
    .orderBy('r.id')
    .execute();
}

export function approvalsOf(db: Db, requestId: string) {
  return db.selectFrom('transfer_approvals').selectAll().where('request_id', '=', requestId).execute();
}

export async function insertApproval(db: Db, row: TransferApprovalTable): Promise<void> {
  await db.insertInto('transfer_approvals').values(row).execute();
}
