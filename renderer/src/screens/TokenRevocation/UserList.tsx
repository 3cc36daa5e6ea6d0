import { useEffect, useRef } from 'react';
import { UserTable } from '../../components/UserTable';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { isSelectable, useRevocation } from '../../stores/revocation';
import { usePick } from '../../stores/pick';

/** R-REV-2's list with R-REV-3's multiple selection; 全て selects every user whose token can be revoked. */
export function UserList() {
  const t = useT();
  const { users, loaded, selected, toggle, toggleAll } = usePick(useRevocation, 'users', 'loaded', 'selected', 'toggle', 'toggleAll');
  const all = useRef<HTMLInputElement>(null);
  const selectable = users.filter(isSelectable);
  const count = selectable.filter((u) => selected.has(u.loginId)).length;
  // "Some but not all" has no HTML attribute: the DOM property is the only way to show it.
  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && count < selectable.length;
  }, [count, selectable.length]);
  if (!loaded) {
    return <Loading />;
  }
  const header = (
    <label className="check-all">
      <input ref={all} type="checkbox" id="select-all" aria-describedby="selection-error" checked={count > 0 && count === selectable.length} onChange={toggleAll} />
      {t.revoke.all}
    </label>
  );
  return (
    <>
      <p className="selected-count" id="selection-status" aria-live="polite">
        {t.revoke.selected(selected.size, users.length)}
      </p>
      <UserTable users={users} caption={t.revoke.list} selection={{ header, toggle, isSelectable, isSelected: (id) => selected.has(id) }} />
    </>
  );
}
