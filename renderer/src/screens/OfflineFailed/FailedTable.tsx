import type { FailedOperation } from '../../../../shared/contract/connection';
import { PlainTable, ScrollRegion, type Column } from '../../components/PlainTable';
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
  const what = (op: FailedOperation) => o.channels[op.channel];
  const at = (op: FailedOperation) => formatDateTime(op.queuedAt, lang);
  const choice = (op: FailedOperation, action: Choice['action']) => (
    <button type="button" className="button" aria-label={o.rowAction(o[action], what(op), at(op))} onClick={() => onChoose({ key: op.key, action })}>
      {o[action]}
    </button>
  );
  const columns: Column<FailedOperation>[] = [
    { head: c.what, cell: what },
    { head: c.targets, cell: (op) => op.targets.join(lang === 'ja' ? '、' : ', ') },
    { head: c.operator, cell: (op) => op.operator },
    { head: c.queuedAt, cell: at },
    { head: c.reason, cell: (op) => reason(op.reason), className: 'failed-reason' },
    {
      head: c.actions,
      cell: (op) => (
        <div className="failed-actions">
          {choice(op, 'redo')}
          {choice(op, 'discard')}
        </div>
      ),
    },
  ];
  return (
    <ScrollRegion label={o.failedTitle}>
      <PlainTable rows={operations} columns={columns} rowKey={(op) => op.key} className="plain-table failed-table" caption={o.failedTitle} />
    </ScrollRegion>
  );
}
