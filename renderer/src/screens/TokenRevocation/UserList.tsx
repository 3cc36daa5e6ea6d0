import { useEffect, useRef } from 'react';
import { UserTable } from '../../components/UserTable';
import { useT } from '../../i18n';
import { isSelectable, useRevocation } from '../../stores/revocation';

/** R-REV-2's list with R-REV-3's multiple selection; 全て selects every user whose token can be revoked. */
export function UserList() {
  const t = useT();
  const users = useRevocation((s) => s.users);
  const loaded = useRevocation((s) => s.loaded);
  const selected = useRevocation((s) => s.selected);
  const toggle = useRevocation((s) => s.toggle);
  const toggleAll = useRevocation((s) => s.toggleAll);
  const all = useRef<HTMLInputElement>(null);
  const selectable = users.filter(isSelectable);
  const count = selectable.filter((u) => selected.has(u.loginId)).length;
  // "Some but not all" has no HTML attribute: the DOM property is the only way to show it.
  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && count < selectable.length;
  }, [count, selectable.length]);
  if (!loaded) {
    return (
      <p className="loading" role="status">
        {t.app.loading}
      </p>
    );
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
