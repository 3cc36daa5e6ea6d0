import { useEffect } from 'react';
import { useUserList } from '../stores/userList';

/** The company's users, fetched when the screen opens (each visit reloads: another admin may have changed them). */
export function useCompanyUsers() {
  const users = useUserList((s) => s.users);
  const loaded = useUserList((s) => s.loaded);
  const error = useUserList((s) => s.error);
  const load = useUserList((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return { users, loaded, error };
}
