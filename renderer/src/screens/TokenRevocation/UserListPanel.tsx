import { useState } from 'react';
import type { UserSort } from '../../../../shared/contract';
import { ReplicaBanner } from '../../components/ReplicaBanner';
import { useT } from '../../i18n';
import { useRevocation } from '../../stores/revocation';
import { UserList } from './UserList';

/** 利用者一覧 of BRSK027 with its sort order and 再表示 (R-REV-2), and the selection's message beside the list. */
export function UserListPanel({ error }: { error?: string }) {
  const t = useT();
  const load = useRevocation((s) => s.load);
  const shownSort = useRevocation((s) => s.sort);
  const [sort, setSort] = useState<UserSort>(shownSort);
  return (
    <section className="panel" aria-labelledby="user-list-heading">
      <h2 id="user-list-heading">{t.revoke.list}</h2>
      <ReplicaBanner />
      <div className="sort-bar">
        <label htmlFor="sort-order">{t.revoke.sort}</label>
        <select id="sort-order" value={sort} onChange={(e) => setSort(e.target.value as UserSort)}>
          {(Object.keys(t.sorts) as UserSort[]).map((key) => (
            <option key={key} value={key}>
              {t.sorts[key]}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => void load(sort)}>
          {t.revoke.refresh}
        </button>
      </div>
      <p id="selection-error" className="field-error" aria-live="polite">
        {error}
      </p>
      <UserList />
    </section>
  );
}
