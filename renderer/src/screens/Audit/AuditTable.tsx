import type { AuditRow } from '../../../../shared/contract';
import { PlainTable, ScrollRegion, type Column } from '../../components/PlainTable';
import { formatDateTime } from '../../format/jst';
import { useErrorText, useT } from '../../i18n';
import { isErrorCode } from '../../i18n/errors';
import { useLanguage } from '../../stores/language';

/** One page of 操作履歴: when (Japan time), who, what, on whom, the result and why (SPEC R-GEN-2). */
export function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const describe = useErrorText();
  const a = t.audit;
  const c = a.columns;
  const reason = (r: string | null) =>
    r === null ? a.none : isErrorCode(r) ? describe({ code: r }) : Object.hasOwn(a.reasons, r) ? a.reasons[r] : r;
  const columns: Column<AuditRow>[] = [
    { head: c.at, cell: (row) => formatDateTime(row.at, lang) },
    { head: c.actor, cell: (row) => row.actor ?? (row.result === 'failure' ? a.unauthenticated : a.none) },
    { head: c.action, cell: (row) => t.auditActions[row.action] },
    { head: c.target, cell: (row) => row.target ?? a.none },
    { head: c.result, cell: (row) => a.results[row.result] },
    { head: c.reason, cell: (row) => reason(row.reason), className: 'audit-reason' },
  ];
  return (
    <ScrollRegion label={a.list} className="table-scroll audit-scroll">
      <PlainTable
        rows={rows}
        columns={columns}
        rowKey={(row) => row.id}
        rowClass={(row) => (row.result === 'failure' ? 'history-failure' : undefined)}
        className="plain-table audit-table"
        caption={a.list}
      />
    </ScrollRegion>
  );
}
