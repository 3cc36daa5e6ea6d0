import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { UserRow } from '../../../shared/contract';
import { useT } from '../i18n';
import { TableHead } from './PlainTable';
import { UserTableRow, type Selection } from './UserTableRow';
import '../styles/table.css';

/** Must match `.user-table tbody tr` height in table.css: the virtualiser positions rows by it. */
const ROW_HEIGHT = 40;

type Props = { users: readonly UserRow[]; caption: string; selection?: Selection; id?: string; describedBy?: string };

/**
 * SPEC R-REV-2's columns over a list that can hold thousands of users: only the rows in view (plus a margin)
 * are in the page, between two spacer rows that keep the scroll height. The table keeps its semantics, and
 * aria-rowcount/aria-rowindex tell a screen reader where it is in the whole list.
 */
export function UserTable({ users, caption, selection, id, describedBy }: Props) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's result is read in this render only, never memoised.
  const virtualiser = useVirtualizer({
    count: users.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualiser.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualiser.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columns = selection ? 7 : 6;
  const c = t.columns;
  return (
    <div id={id} className="table-scroll" ref={scroller} tabIndex={0} role="region" aria-label={t.app.scrollable(caption)} aria-describedby={describedBy}>
      <table className="user-table" aria-rowcount={users.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <TableHead
          rowIndex={1}
          first={selection && <th scope="col" className="col-check">{selection.header}</th>}
          heads={[c.loginId, c.name, c.userType, c.serial, c.otpState, c.expires]}
        />
        <tbody>
          {top > 0 && <Spacer height={top} columns={columns} />}
          {items.map((item) => (
            <UserTableRow key={users[item.index]!.loginId} row={users[item.index]!} index={item.index} selection={selection} />
          ))}
          {bottom > 0 && <Spacer height={bottom} columns={columns} />}
        </tbody>
      </table>
    </div>
  );
}

/** The only style attribute in the app: the virtualiser's positioning, which CSS classes cannot express. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
