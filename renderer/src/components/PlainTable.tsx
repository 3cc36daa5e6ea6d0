import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** One column: its heading, what it shows of a row, and the cell's class where the styles need one. */
export type Column<R> = { head: string; cell: (row: R) => ReactNode; className?: string };

type Props<R> = {
  rows: readonly R[];
  columns: readonly Column<R>[];
  rowKey: (row: R) => string | number;
  /** A row's class: 'history-failure' marks a refused attempt or a flagged token. */
  rowClass?: (row: R) => string | undefined;
  className: string;
  /** Read to screen readers only; a table under a visible heading names it with `labelledBy` instead. */
  caption?: string;
  labelledBy?: string;
};

/** The column headings of a table, one row of `th scope="col"`; `first` goes before them (UserTable's 全て). */
export function TableHead({ heads, first, rowIndex }: { heads: readonly string[]; first?: ReactNode; rowIndex?: number }) {
  return (
    <thead>
      <tr aria-rowindex={rowIndex}>
        {first}
        {heads.map((head) => (
          <th key={head} scope="col">
            {head}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Every table of the app but the virtualised user list: 操作履歴, 同期できなかった操作, the import preview's tokens. */
export function PlainTable<R>({ rows, columns, rowKey, rowClass, className, caption, labelledBy }: Props<R>) {
  return (
    <table className={className} aria-labelledby={labelledBy}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <TableHead heads={columns.map((c) => c.head)} />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClass?.(row)}>
            {columns.map((c) => (
              <td key={c.head} className={c.className}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A table wider than the screen scrolls in its own region, which the keyboard can reach and a screen reader names. */
export function ScrollRegion({ label, className = 'table-scroll', children }: { label: string; className?: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className={className} tabIndex={0} role="region" aria-label={t.app.scrollable(label)}>
      {children}
    </div>
  );
}
