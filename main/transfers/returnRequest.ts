import { ok, fail, type Result } from '../../shared/errors';
import { withStepUp, type StepUpCredentials } from '../attempts/stepUp';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';
import { moveRequest } from '../store/repos/transferRequests';
import { transferDetail } from './auditDetail';
import { decidable } from './decision';
import { contentOf } from './execute';

export type ReturnInput = { readonly requestId: string } & StepUpCredentials;

/** SPEC R-TRX-4: 差戻し by an approver, with the authentication password + OTP; the request ends there. */
export function returnTransfer(deps: Deps, session: Session, input: ReturnInput, now: Date): Promise<Result<{ state: 'returned' }>> {
  const operation = { action: 'transfer.return' as const, targets: [session.loginId] };
  return withStepUp(deps, session, input, operation, now, async (tx, operator) => {
    const found = await decidable(tx, operator, input.requestId, now, deps.rules.transfers);
    if (!found.ok) return found;
    const request = found.value;
    if (!(await moveRequest(tx, request.id, 'pending', 'returned', now.getTime()))) return fail('TRANSFER_NOT_PENDING', { problem: 'raced' });
    await appendSuccess(tx, now, operator.login_id, 'transfer.return', request.requester_login_id, transferDetail(request.id, contentOf(request)));
    return ok({ state: 'returned' as const });
  });
}
