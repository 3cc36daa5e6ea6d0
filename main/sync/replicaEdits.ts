import type { Replica } from '../../shared/contract/syncModels';
import type { TopPage, UserRow, UserSort } from '../../shared/contract/models';
import { USER_TYPES } from '../../shared/contract/models';

/**
 * What a queued operation does to this desktop's replica at once (R-OFF-6), so the offline screens show it and
 * the next operation on the same user is made against the row the server will hold once the first is applied
 * (its base version, R-OFF-8). The next sync replaces the replica with the server's, which settles it.
 */
export type Edit =
  | { readonly channel: 'tokens:revoke'; readonly loginIds: readonly string[] }
  | { readonly channel: 'users:unlock' | 'users:remove'; readonly loginId: string }
  | { readonly channel: 'users:update'; readonly loginId: string; readonly name?: string; readonly userType?: UserRow['userType'] }
  | { readonly channel: 'users:register'; readonly row: UserRow };

function editRow(row: UserRow, edit: Edit): UserRow | null {
  switch (edit.channel) {
    case 'tokens:revoke':
      return edit.loginIds.includes(row.loginId) ? { ...row, otpState: 'revoked' } : row;
    case 'users:unlock':
      return row.loginId === edit.loginId && row.otpState === 'locked' ? { ...row, otpState: row.serial ? 'active' : 'none' } : row;
    case 'users:remove':
      return row.loginId === edit.loginId ? null : row;
    case 'users:update':
      if (row.loginId !== edit.loginId) return row;
      return { ...row, ...(edit.name !== undefined ? { name: edit.name } : {}), ...(edit.userType !== undefined ? { userType: edit.userType } : {}) };
    case 'users:register':
      return row;
  }
}

export function applyEdit(replica: Replica, edit: Edit): Replica {
  if (!replica.users) return replica;
  const users = replica.users.flatMap((row) => editRow(row, edit) ?? []);
  if (edit.channel === 'users:register') users.push(edit.row);
  // A login ID removed here stays used (never reused), as the server's next replica will say.
  if (edit.channel !== 'users:remove') return { ...replica, users };
  return { ...replica, users, removedLoginIds: [...(replica.removedLoginIds ?? []), edit.loginId] };
}

/** Whether the replica knows this login ID as used: a user's now, or a removed user's (never reused). */
export const usedLoginId = (replica: Replica, loginId: string): boolean =>
  Boolean(replica.users?.some((u) => u.loginId === loginId) || replica.removedLoginIds?.includes(loginId));

/** A row registered offline, as BRSK027 shows a new user: no token yet (未登録). */
export const newRow = (loginId: string, name: string, userType: UserRow['userType']): UserRow => ({
  loginId,
  name,
  userType,
  serial: null,
  otpState: 'none',
  tokenExpiresAt: null,
  tokenExpiry: null,
  reRegistrationAt: null,
});

const SORT_KEYS: Record<UserSort, [(r: UserRow) => string, 1 | -1]> = {
  'loginId-asc': [(r) => r.loginId, 1],
  'loginId-desc': [(r) => r.loginId, -1],
  'name-asc': [(r) => r.name, 1],
  'name-desc': [(r) => r.name, -1],
  'userType-asc': [(r) => String(USER_TYPES.indexOf(r.userType)), 1],
  'userType-desc': [(r) => String(USER_TYPES.indexOf(r.userType)), -1],
  'otpState-asc': [(r) => r.otpState, 1],
  // No expiry sorts last, as in the store's ORDER.
  'tokenExpiresAt-asc': [(r) => r.tokenExpiresAt ?? '\uffff', 1],
};

/** BRSK027's orders over the replica, login ID breaking ties as the store does. */
export function sortRows(rows: readonly UserRow[], sort: UserSort): UserRow[] {
  const [key, dir] = SORT_KEYS[sort];
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => dir * cmp(key(a), key(b)) || cmp(a.loginId, b.loginId));
}

/** R-OFF-5: the user's top page as of the last sync; a user the replica does not know yet gets an empty one. */
export function topOf(replica: Replica | null, loginId: string): TopPage {
  return replica?.top[loginId] ?? { loginHistory: [], notices: [], unreadCount: 0, pendingApprovalCount: 0, authPasswordReset: null, token: null };
}

/** 既読 marked offline, on this desktop's copy only (the server's notices are read online again). */
export function withNoticeRead(replica: Replica, loginId: string, noticeId: number): Replica {
  const top = topOf(replica, loginId);
  const notices = top.notices.map((n) => (n.id === noticeId ? { ...n, read: true } : n));
  return { ...replica, top: { ...replica.top, [loginId]: { ...top, notices, unreadCount: notices.filter((n) => !n.read).length } } };
}
