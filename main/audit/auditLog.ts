import type { AuditRow } from '../../shared/contract/adminModels';
import type { RequestOf } from '../../shared/contract';
import { ok, type Result } from '../../shared/errors';
import { auditSuccess } from '../attempts/failures';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { countAudit, listAudit } from '../store/repos/auditQuery';
import { csvFile, jstDateTime, jstStamp } from './csv';
import { queryOf, toAuditRow } from './query';

/** One export holds at most this many rows, the newest; a narrower filter reaches older ones. */
export const EXPORT_LIMIT = 100_000;

const HEADER = ['日時', '操作者', '操作', '対象', '結果', '理由'] as const;
const RESULT = { success: '成功', failure: '失敗' } as const;
/** A refused attempt with no actor was made before anyone logged in (issue 11 finding 4); a lock is the system's. */
const actorCell = (r: { actor_login_id: string | null; result: 'success' | 'failure' }) =>
  r.actor_login_id ?? (r.result === 'failure' ? '未認証' : '');


/** 操作履歴 (SPEC R-GEN-2): the company's audit rows, newest first, for masters and admins. */
export async function listAuditLog(deps: Deps, session: Session, input: RequestOf<'audit', 'list'>): Promise<Result<{ rows: AuditRow[]; total: number }>> {
  const query = queryOf(session, input.filter);
  const rows = await listAudit(deps.db, query, input.offset, input.limit);
  return ok({ rows: rows.map(toAuditRow), total: await countAudit(deps.db, query) });
}

/**
 * The same rows as CSV for Excel: UTF-8 with a BOM, times in Japan time, formulas made inert. The export itself
 * is audited: the log leaves the application.
 */
export async function exportAuditLog(
  deps: Deps,
  session: Session,
  input: RequestOf<'audit', 'exportCsv'>,
  now: Date,
): Promise<Result<{ fileName: string; csvBase64: string }>> {
  const rows = await listAudit(deps.db, queryOf(session, input.filter), 0, EXPORT_LIMIT);
  const cells = rows.map((r) => [
    jstDateTime(new Date(r.at)),
    actorCell(r),
    r.action,
    r.target_login_id ?? '',
    RESULT[r.result],
    r.reason ?? '',
  ]);
  const csv = csvFile(HEADER, cells);
  await auditSuccess(deps, session.loginId, 'audit.export', now, { rows: rows.length });
  return ok({ fileName: `audit-${jstStamp(now)}.csv`, csvBase64: csv.toString('base64') });
}
