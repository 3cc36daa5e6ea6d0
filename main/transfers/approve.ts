import type { TransferState } from '../../shared/contract/transferModels';
import { fail, ok, type Result } from '../../shared/errors';
import { withStepUp, type AcceptedStep, type StepUpCredentials } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import type { UserRecord } from '../store/schema';
import { appendSuccess } from '../store/repos/audit';
import { approvalsOf, insertApproval, moveRequest } from '../store/repos/transferRequests';
import type { Db } from '../store/transaction';
import { requestDigest } from './approvalRule';
import { transferDetail } from './auditDetail';
import { decidable } from './decision';
import { contentOf, writeInstruction } from './execute';

/** `digest`: requestDigest of the content the approver was shown (approvalRule.ts), so the approval proves that content. */
export type ApproveInput = { readonly requestId: string; readonly digest: string } & StepUpCredentials;
export type Approved = { readonly state: TransferState; readonly approvals: number; readonly instructionId?: string };

/**
 * The approval itself, inside the transaction that accepted the approver's OTP step (DESIGN-NOTES 12): the row
 * records that step and the digest. Only approvals of the current digest count; the last one executes the request.
 */
async function approveWithin(deps: Deps, tx: Db, operator: UserRecord, proof: AcceptedStep, input: ApproveInput, now: Date): Promise<Result<Approved>> {
  const found = await decidable(tx, operator, input.requestId, now, deps.rules.transfers);
  if (!found.ok) return found;
  const request = found.value;
  const content = contentOf(request);
  const digest = requestDigest(content);
  if (digest !== input.digest) return fail('TRANSFER_CHANGED');
  const earlier = (await approvalsOf(tx, request.id)).filter((a) => a.digest === digest);
  if (earlier.some((a) => a.user_id === operator.id)) return fail('TRANSFER_ALREADY_APPROVED');
  await insertApproval(tx, { request_id: request.id, user_id: operator.id, digest, token_id: proof.tokenId, step: proof.step, approved_at: now.getTime() });
  const approvals = earlier.length + 1;
  await appendSuccess(tx, now, operator.login_id, 'transfer.approve', request.requester_login_id, { ...transferDetail(request.id, content), digest, approvals });
  if (approvals < request.approvals_needed) return ok({ state: 'pending', approvals });
  // Serialised transactions make this write win; were it to lose, the rollback takes the approval with it.
  if (!(await moveRequest(tx, request.id, 'pending', 'sending', now.getTime()))) return fail('TRANSFER_NOT_PENDING', { problem: 'raced' });
  return ok({ state: 'sending', approvals, instructionId: await writeInstruction(tx, operator.login_id, request, content, now) });
}

/** SPEC R-TRX-4/5: 承認, with the approver's authentication password + OTP (R-OTP-4), replay-safe (R-OTP-2). */
export function approveTransfer(deps: Deps, session: Session, input: ApproveInput, now: Date): Promise<Result<Approved>> {
  const operation = { action: 'transfer.approve' as const, targets: [session.loginId] };
  return withStepUp(deps, session, input, operation, now, (tx, operator, proof) => approveWithin(deps, tx, operator, proof, input, now));
}
