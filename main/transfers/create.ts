import { randomUUID } from 'node:crypto';
import type { ApprovalRule, TransferRequestInput, TransferState } from '../../shared/contract/transferModels';
import { fail, ok, type Result } from '../../shared/errors';
import { withStepUp, type StepUpCredentials } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';
import { insertRequest } from '../store/repos/transferRequests';
import { approvalRuleOf, findDebitAccount, findPayee, hasRight } from '../store/repos/transferSetup';
import type { Db } from '../store/transaction';
import { approversNeeded, requestDigest } from './approvalRule';
import { transferDetail } from './auditDetail';
import { checkRequest, type Parties } from './checkRequest';
import { writeInstruction } from './execute';

export type CreateInput = TransferRequestInput & StepUpCredentials;
export type Created = { readonly requestId: string; readonly state: TransferState; readonly digest: string; readonly approvalsNeeded: number };

/** A company whose master has set no rule yet: one approver, so no money moves on one person's word by default. */
export const DEFAULT_APPROVAL_RULE: ApprovalRule = { thresholds: [{ from: 0, approvers: 1 }] };

async function partiesOf(db: Db, companyId: number, input: TransferRequestInput): Promise<Parties> {
  const account = await findDebitAccount(db, companyId, input.debitAccountId);
  const debit = account && { bankCode: account.bank_code, branchCode: account.branch_code, type: account.account_type, number: account.account_number };
  if (!('payeeId' in input.payee)) return { debit, payee: input.payee };
  const p = await findPayee(db, companyId, input.payee.payeeId);
  return { debit, payee: p && { bankCode: p.bank_code, branchCode: p.branch_code, type: p.account_type, number: p.account_number, name: p.name } };
}

/**
 * SPEC R-TRX-3/4: a new transfer request, every field checked at once before any step-up (nothing is written, no
 * code spent, when one is wrong). With the requester's authentication password + OTP (R-OTP-4: executing a
 * transfer): under a rule it waits in 承認待ち; when the rule needs no approver it is executed in the same
 * transaction (execute.ts).
 */
export async function createTransfer(deps: Deps, session: Session, input: CreateInput, now: Date): Promise<Result<Created>> {
  const checked = checkRequest(input, await partiesOf(deps.db, session.companyId, input), now, deps.rules.transfers);
  if (!checked.ok) return fail('TRANSFER_INVALID', { fields: checked.problems });
  const content = checked.content;
  const operation = { action: 'transfer.create' as const, targets: [session.loginId] };
  return withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    if (!(await hasRight(tx, operator.id, 'transfer', 'request'))) return fail('TRANSFER_NO_RIGHT');
    const needed = approversNeeded((await approvalRuleOf(tx, operator.company_id)) ?? DEFAULT_APPROVAL_RULE, content.amount);
    const request = { id: randomUUID(), company_id: operator.company_id, requester_login_id: operator.login_id };
    const state = needed === 0 ? 'sending' : 'pending';
    await insertRequest(tx, {
      id: request.id,
      company_id: operator.company_id,
      requester_id: operator.id,
      debit_account_id: input.debitAccountId,
      content: JSON.stringify(content),
      amount: content.amount,
      transfer_date: content.date,
      approvals_needed: needed,
      state,
      created_at: now.getTime(),
      updated_at: now.getTime(),
    });
    await appendSuccess(tx, now, operator.login_id, 'transfer.create', operator.login_id, { ...transferDetail(request.id, content), approvalsNeeded: needed });
    if (needed === 0) await writeInstruction(tx, operator.login_id, request, content, now);
    return ok({ requestId: request.id, state, digest: requestDigest(content), approvalsNeeded: needed });
  });
}
