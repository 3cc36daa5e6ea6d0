import type { FailedOperation } from '../../../../shared/contract/connection';
import { formatDateTime } from '../../format/jst';
import { useErrorText, useT } from '../../i18n';
import { isErrorCode } from '../../i18n/errors';
import { useLanguage } from '../../stores/language';

export type Choice = { key: string; action: 'discard' | 'redo' };

type Props = { operations: readonly FailedOperation[]; onChoose: (choice: Choice) => void };

/** One row per refused operation: what, on whom, by whom, when it was accepted offline (Japan time), and why not. */
export function FailedTable({ operations, onChoose }: Props) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const describe = useErrorText();
  const o = t.offline;
  const c = o.columns;
  const reason = (code: string) => (isErrorCode(code) ? describe({ code }) : o.unknownReason(code));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.app.scrollable(o.failedTitle)}>
      <table className="plain-table failed-table">
        <caption className="visually-hidden">{o.failedTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{c.what}</th>
            <th scope="col">{c.targets}</th>
            <th scope="col">{c.operator}</th>
            <th scope="col">{c.queuedAt}</th>
            <th scope="col">{c.reason}</th>
            <th scope="col">{c.actions}</th>
          </tr>
        </thead>
        <tbody>
          {operations.map((op) => {
            const what = o.channels[op.channel];
            const at = formatDateTime(op.queuedAt, lang);
            return (
              <tr key={op.key}>
                <td>{what}</td>
                <td>{op.targets.join(lang === 'ja' ? '、' : ', ')}</td>
                <td>{op.operator}</td>
                <td>{at}</td>
                <td className="failed-reason">{reason(op.reason)}</td>
                <td>
                  <div className="failed-actions">
                    <button type="button" className="button" aria-label={o.rowAction(o.redo, what, at)} onClick={() => onChoose({ key: op.key, action: 'redo' })}>
                      {o.redo}
                    </button>
                    <button type="button" className="button" aria-label={o.rowAction(o.discard, what, at)} onClick={() => onChoose({ key: op.key, action: 'discard' })}>
                      {o.discard}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
