import { approvalRuleSchema, type ApprovalRule, type TransactionKind, type TransactionRight } from '../../../shared/contract/transferModels';
import type { Db } from '../transaction';

/** SPEC R-TRX-1, 4, 9: what a company has set up for transfers (kept by the master's screens, a later session's). */

export function findDebitAccount(db: Db, companyId: number, id: string) {
  return db.selectFrom('debit_accounts').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
}

export function findPayee(db: Db, companyId: number, id: string) {
  return db.selectFrom('payees').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
}

/** The company's rule; a stored rule that no longer parses is a bug, thrown rather than guessed around. */
export async function approvalRuleOf(db: Db, companyId: number): Promise<ApprovalRule | undefined> {
  const row = await db.selectFrom('approval_rules').select('rule').where('company_id', '=', companyId).executeTakeFirst();
  return row ? approvalRuleSchema.parse(JSON.parse(row.rule)) : undefined;
}

export async function hasRight(db: Db, userId: number, kind: TransactionKind, allows: TransactionRight): Promise<boolean> {
  const row = await db
    .selectFrom('transaction_rights')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('allows', '=', allows)
    .executeTakeFirst();
  return row !== undefined;
}
