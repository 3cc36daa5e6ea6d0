import type { ReactNode } from 'react';
import type { UserRow } from '../../../shared/contract';
import { UserTable } from './UserTable';

type Props = { headingId: string; caption: string; rows: readonly UserRow[]; children?: ReactNode };

/** The users a task changed, as the main process now holds them, under the result's heading; notes and actions follow. */
export function ResultPanel({ headingId, caption, rows, children }: Props) {
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{caption}</h2>
      <UserTable users={rows} caption={caption} />
      {children}
    </section>
  );
}
