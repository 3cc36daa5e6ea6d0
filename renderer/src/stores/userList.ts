import { create } from 'zustand';
import type { UserRow } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { useSession } from './session';
import { withSession } from './sessionCall';

type UserListState = {
  users: UserRow[];
  loaded: boolean;
  error: AppError | null;
  load: () => Promise<void>;
};

const initial = { users: [], loaded: false, error: null };

/** The company's users for the pickers of 利用者情報変更, 利用者削除, ロック解除 and 紛失届, in login ID order. */
export const useUserList = create<UserListState>((set) => ({
  ...initial,
  async load() {
    const result = await withSession((api, sessionId) => api.users.list({ sessionId, sort: 'loginId-asc' }));
    set(result.ok ? { users: result.value.users, loaded: true, error: null } : { error: result.error, loaded: true });
  },
}));

useSession.subscribe((s, prev) => {
  if (s.info !== prev.info) useUserList.setState(initial);
});
