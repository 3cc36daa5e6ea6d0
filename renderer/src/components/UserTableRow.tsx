import type { ReactNode } from 'react';
import type { UserRow } from '../../../shared/contract';
import { formatDateTime } from '../format/jst';
import { useT } from '../i18n';
import { useLanguage } from '../stores/language';
import { ExpiryBadge } from './ExpiryBadge';

/** The checkbox column of BRSK027 (or the radio column of a one-user picker); BRSK028 shows the table without it. */
export type Selection = {
  header: ReactNode;
  /** One user at a time (利用者情報変更, 利用者削除...): radios named after the group. */
  radioGroup?: string;
  isSelected: (loginId: string) => boolean;
  isSelectable: (row: UserRow) => boolean;
  toggle: (loginId: string) => void;
};

type Props = { row: UserRow; index: number; selection?: Selection };

/**
 * The OTP state as the main process sees it: a token in service past its expiry has its codes refused
 * (SPEC R-TOK-4), so it reads 期限切れ rather than サービス利用中.
 */
export const shownState = (row: UserRow): UserRow['otpState'] | 'expired' =>
  row.otpState === 'active' && row.tokenExpiry === 'expired' ? 'expired' : row.otpState;

export function UserTableRow({ row, index, selection }: Props) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const checked = selection?.isSelected(row.loginId) ?? false;
  const state = shownState(row);
  return (
    <tr aria-rowindex={index + 2} className={checked ? 'row-selected' : undefined}>
      {selection && (
        <td className="col-check">
          <input
            type={selection.radioGroup ? 'radio' : 'checkbox'}
            name={selection.radioGroup}
            id={`select-${row.loginId}`}
            checked={checked}
            disabled={!selection.isSelectable(row)}
            aria-label={selection.radioGroup ? t.pick.select(row.loginId, row.name) : t.revoke.select(row.loginId, row.name)}
            onChange={() => selection.toggle(row.loginId)}
          />
        </td>
      )}
      <td>{row.loginId}</td>
      <td>{row.name}</td>
      <td>{t.userTypes[row.userType]}</td>
      <td>{row.serial ?? t.columns.none}</td>
      <td className={`state state-${state}`}>
        {state === 'expired' ? t.expiry.expired : t.otpStates[state]}
        {row.revokedReason === 'lost' && ` (${t.revokedLost})`}
      </td>
      <td>
        {row.tokenExpiresAt ? formatDateTime(row.tokenExpiresAt, lang) : t.columns.none}
        <ExpiryBadge state={row.tokenExpiry} />
      </td>
    </tr>
  );
}
