import type { ReactNode } from 'react';
import type { UserRow } from '../../../shared/contract';
import { useT } from '../i18n';
import { useNavigation } from '../stores/navigation';
import { UserTable } from './UserTable';

type Props = { caption: string; rows: readonly UserRow[]; children?: ReactNode; actions?: ReactNode };

/** The result of a user-management task: the user as the main process now holds them, and where to go next. */
export function AdminResult({ caption, rows, children, actions }: Props) {
  const t = useT();
  const go = useNavigation((s) => s.go);
  return (
    <section className="panel" aria-labelledby="admin-result-heading">
      <h2 id="admin-result-heading">{caption}</h2>
      <UserTable users={rows} caption={caption} />
      {children}
      <div className="actions actions-start">
        <button type="button" className="button button-back" onClick={() => go('userMenu')}>
          {t.admin.toMenu}
        </button>
        {actions}
      </div>
    </section>
  );
}
