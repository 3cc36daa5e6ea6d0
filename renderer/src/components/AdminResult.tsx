import type { ReactNode } from 'react';
import type { UserRow } from '../../../shared/contract';
import { useT } from '../i18n';
import { ResultPanel } from './ResultPanel';
import { NavButton, ScreenActions } from './ScreenActions';

type Props = { caption: string; rows: readonly UserRow[]; children?: ReactNode; actions?: ReactNode };

/** The result of a user-management task: the user as the main process now holds them, and where to go next. */
export function AdminResult({ caption, rows, children, actions }: Props) {
  const t = useT();
  return (
    <ResultPanel headingId="admin-result-heading" caption={caption} rows={rows}>
      {children}
      <ScreenActions>
        <NavButton to="userMenu" label={t.admin.toMenu} />
        {actions}
      </ScreenActions>
    </ResultPanel>
  );
}
