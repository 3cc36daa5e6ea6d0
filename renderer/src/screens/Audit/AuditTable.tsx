import type { AuditRow } from '../../../../shared/contract';
import { formatDateTime } from '../../format/jst';
import { useErrorText, useT } from '../../i18n';
import { isErrorCode } from '../../i18n/errors';
import { useLanguage } from '../../stores/language';

/** One page of 操作履歴: when (Japan time), who, what, on whom, the result and why (SPEC R-GEN-2). */
export function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const describe = useErrorText();
  const c = t.audit.columns;
  const reason = (r: string | null) =>
    r === null ? t.audit.none : isErrorCode(r) ? describe({ code: r }) : Object.hasOwn(t.audit.reasons, r) ? t.audit.reasons[r] : r;
  return (
    <div className="table-scroll audit-scroll" tabIndex={0} role="region" aria-label={t.app.scrollable(t.audit.list)}>
      <table className="plain-table audit-table">
        <caption className="visually-hidden">{t.audit.list}</caption>
        <thead>
          <tr>
            <th scope="col">{c.at}</th>
            <th scope="col">{c.actor}</th>
            <th scope="col">{c.action}</th>
            <th scope="col">{c.target}</th>
            <th scope="col">{c.result}</th>
            <th scope="col">{c.reason}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.result === 'failure' ? 'history-failure' : undefined}>
              <td>{formatDateTime(row.at, lang)}</td>
              <td>{row.actor ?? (row.result === 'failure' ? t.audit.unauthenticated : t.audit.none)}</td>
              <td>{t.auditActions[row.action]}</td>
              <td>{row.target ?? t.audit.none}</td>
              <td>{t.audit.results[row.result]}</td>
              <td className="audit-reason">{reason(row.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
