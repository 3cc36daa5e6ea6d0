import type { UserRow } from '../../../shared/contract';
import { useT } from '../i18n';
import { ReplicaBanner } from './ReplicaBanner';
import { UserTable } from './UserTable';

type Props = {
  /** The list's element ID: a refusal about the chosen user puts the focus there. */
  id: string;
  users: readonly UserRow[];
  selected: string | null;
  onSelect: (loginId: string) => void;
  isSelectable: (row: UserRow) => boolean;
  error?: string;
};

/** One user of the company, chosen with a radio in R-REV-2's table (the pickers of the user-management tasks). */
export function UserPicker({ id, users, selected, onSelect, isSelectable, error }: Props) {
  const t = useT();
  const errorId = `${id}-error`;
  const chosen = users.find((u) => u.loginId === selected);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.pick.heading}</h2>
      <ReplicaBanner />
      <p id={errorId} className="field-error" aria-live="polite">
        {error}
      </p>
      <UserTable
        id={id}
        users={users}
        caption={t.pick.heading}
        describedBy={error ? errorId : undefined}
        selection={{ header: t.pick.column, radioGroup: `${id}-choice`, isSelectable, isSelected: (loginId) => loginId === selected, toggle: onSelect }}
      />
      <p className="selected-count" aria-live="polite">
        {chosen ? t.pick.selected(chosen.loginId, chosen.name) : ''}
      </p>
    </section>
  );
}
