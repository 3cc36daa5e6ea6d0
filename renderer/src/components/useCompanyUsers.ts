import { useEffect } from 'react';
import { useUserList } from '../stores/userList';
import { usePick } from '../stores/pick';

/** The company's users, fetched when the screen opens (each visit reloads: another admin may have changed them). */
export function useCompanyUsers() {
  const { users, loaded, error, load } = usePick(useUserList, 'users', 'loaded', 'error', 'load');
  useEffect(() => {
    void load();
  }, [load]);
  return { users, loaded, error };
}
