import type { ReactNode } from 'react';
import type { UserRow } from '../../../shared/contract';
import { formatDateTime } from '../format/jst';
import { useT } from '../i18n';
import { useLanguage } from '../stores/language';

/** The checkbox column of BRSK027; BRSK028 shows the same table without it. */
export type Selection = {
  header: ReactNode;
  isSelected: (loginId: string) => boolean;
  isSelectable: (row: UserRow) => boolean;
  toggle: (loginId: string) => void;
};

type Props = { row: UserRow; index: number; selection?: Selection };

export function UserTableRow({ row, index, selection }: Props) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const checked = selection?.isSelected(row.loginId) ?? false;
  return (
    <tr aria-rowindex={index + 2} className={checked ? 'row-selected' : undefined}>
      {selection && (
        <td className="col-check">
          <input
            type="checkbox"
            id={`select-${row.loginId}`}
            checked={checked}
            disabled={!selection.isSelectable(row)}
            aria-label={t.revoke.select(row.loginId, row.name)}
            onChange={() => selection.toggle(row.loginId)}
          />
        </td>
      )}
      <td>{row.loginId}</td>
      <td>{row.name}</td>
      <td>{t.userTypes[row.userType]}</td>
      <td>{row.serial ?? t.columns.none}</td>
      <td className={`state state-${row.otpState}`}>{t.otpStates[row.otpState]}</td>
      <td>{row.tokenExpiresAt ? formatDateTime(row.tokenExpiresAt, lang) : t.columns.none}</td>
    </tr>
  );
}
