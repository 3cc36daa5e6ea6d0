import { ok, type Result } from '../../shared/errors';
import { dateIn } from '../../shared/time/japan';
import type { RulesConfig } from '../config/rules';
import { appendAudit } from '../store/repos/audit';
import { moveRequest, pendingUntil } from '../store/repos/transferRequests';
import { transact, type Db } from '../store/transaction';
import { transferDetail } from './auditDetail';
import { hasLapsed } from './checkRequest';
import { contentOf } from './execute';

/**
 * SPEC R-TRX-5: 承認待ち requests whose 振込指定日 passed before their last approval become 期限切れ, each with its
 * audit row (by nobody: the clock did it). An approval of one refuses it anyway (decision.ts); this records it.
 */
export async function expireLapsed(db: Db, now: Date, rules: RulesConfig['transfers']): Promise<Result<{ expired: string[] }>> {
  return transact(db, async (tx) => {
    const lapsed = (await pendingUntil(tx, dateIn(now, rules.timeZone))).filter((r) => hasLapsed(r.transfer_date, now, rules));
    const expired: string[] = [];
    for (const r of lapsed) {
      if (!(await moveRequest(tx, r.id, 'pending', 'expired', now.getTime()))) continue;
      expired.push(r.id);
      const detail = transferDetail(r.id, contentOf(r));
      await appendAudit(tx, [{ at: now.getTime(), actor: null, action: 'transfer.expire', target: r.requester_login_id, result: 'success', detail }]);
    }
    return ok({ expired });
  });
}
