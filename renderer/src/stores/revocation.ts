import { create } from 'zustand';
import type { UserRow, UserSort } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { useLink } from './link';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { withSession } from './sessionCall';

/** queued: made in an offline session, so it applies at the next connection (R-OFF-6). */
export type RevocationResult = { revoked: UserRow[]; selfRevoked: boolean; queued: boolean };

type RevocationState = {
  users: UserRow[];
  /** The order the list was last fetched in (R-REV-2: the selector applies on 再表示). */
  sort: UserSort;
  loaded: boolean;
  listError: AppError | null;
  selected: ReadonlySet<string>;
  result: RevocationResult | null;
  load: (sort: UserSort) => Promise<void>;
  toggle: (loginId: string) => void;
  toggleAll: () => void;
  revoke: (authPassword: string, otp: string) => Promise<AppError | null>;
};

/**
 * Only users with a token in service can be revoked; the main process refuses the others (NOT_REVOCABLE),
 * so their boxes are disabled rather than offered. A locked user may still hold an active token.
 */
export const isSelectable = (row: UserRow): boolean => row.otpState === 'active' || row.otpState === 'locked';

const initial = { users: [], sort: 'loginId-asc' as UserSort, loaded: false, listError: null, selected: new Set<string>() };

export const useRevocation = create<RevocationState>((set, get) => ({
  ...initial,
  result: null,
  async load(sort) {
    const result = await withSession((api, sessionId) => api.users.list({ sessionId, sort }));
    if (!result.ok) return set({ listError: result.error });
    const present = new Set(result.value.users.map((u) => u.loginId));
    const selected = new Set([...get().selected].filter((id) => present.has(id)));
    set({ users: result.value.users, sort, loaded: true, listError: null, selected });
  },
  toggle(loginId) {
    const selected = new Set(get().selected);
    if (!selected.delete(loginId)) selected.add(loginId);
    set({ selected });
  },
  toggleAll() {
    const { users, selected } = get();
    const selectable = users.filter(isSelectable).map((u) => u.loginId);
    const allOn = selectable.length > 0 && selectable.every((id) => selected.has(id));
    set({ selected: new Set(allOn ? [] : selectable) });
  },
  async revoke(authPassword, otp) {
    const loginIds = [...get().selected];
    if (loginIds.length === 0) return { code: 'VALIDATION', field: 'loginIds' };
    const result = await withSession((api, sessionId) => api.tokens.revoke({ sessionId, loginIds, authPassword, otp }));
    if (!result.ok) return result.error;
    const queued = useSession.getState().info?.offline === true;
    await useLink.getState().afterWrite();
    set({ ...initial, result: { ...result.value, queued } });
    // SPEC R-REV-4: the main process has already ended the operator's session if they revoked themself.
    if (result.value.selfRevoked) useSession.getState().forgetAfterSelfRevocation();
    useNavigation.getState().go('revokeResult');
    return null;
  },
}));

// A new session starts clean; when a session ends the result stays, since BRSK028 may still be on screen.
useSession.subscribe((s, prev) => {
  if (s.info === prev.info) return;
  useRevocation.setState(s.info ? { ...initial, result: null } : { ...initial });
});
