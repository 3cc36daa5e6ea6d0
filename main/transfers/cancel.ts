import { fail, ok, type Result } from '../../shared/errors';
import { refuse } from '../attempts/failures';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendSuccess } from '../store/repos/audit';
import { findRequest, moveRequest } from '../store/repos/transferRequests';
import { transact } from '../store/transaction';
import { transferDetail } from './auditDetail';
import { contentOf } from './execute';

/**
 * SPEC R-TRX-4/5: 取消 by the requester, while the request is 承認待ち. The state change is conditional, in the
 * same serialised transaction as the read, so against a last approval exactly one of the two lands.
 */
export async function cancelTransfer(deps: Deps, session: Session, requestId: string, now: Date): Promise<Result<{ state: 'cancelled' }>> {
  const result = await transact(deps.db, async (tx) => {
    const request = await findRequest(tx, session.companyId, requestId);
    if (!request) return fail('TRANSFER_NOT_FOUND');
    if (request.requester_id !== session.userId) return fail('TRANSFER_NOT_REQUESTER');
    if (!(await moveRequest(tx, request.id, 'pending', 'cancelled', now.getTime()))) return fail('TRANSFER_NOT_PENDING', { problem: request.state });
    await appendSuccess(tx, now, session.loginId, 'transfer.cancel', session.loginId, transferDetail(request.id, contentOf(request)));
    return ok({ state: 'cancelled' as const });
  });
  return result.ok ? result : refuse(deps, session.loginId, 'transfer.cancel', result.error, now);
}
