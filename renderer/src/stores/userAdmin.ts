import { create } from 'zustand';
import type { CallRequestOf, UserRow } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/errors';
import { normaliseWidth } from '../../../shared/input/normalise';
import { useLink } from './link';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { withSession } from './sessionCall';
import type { StepUp } from './tokenImport';
import { useUserList } from './userList';

/** The requests without the session and the step-up, which the store adds. */
type Own = 'sessionId' | 'authPassword' | 'otp';
export type NewUser = Omit<CallRequestOf<'users', 'register'>, Own>;
export type UserChange = Omit<CallRequestOf<'users', 'update'>, Own>;
/** トークンの同期 (SPEC R-OTP-1): two consecutive codes of the token; the operator confirms with the authentication password only. */
export type TokenResync = Omit<CallRequestOf<'tokens', 'resync'>, 'sessionId'>;

/** What the last operation did, for the screen's result view (cleared when another screen opens). */
export type AdminOutcome =
  | { kind: 'registered' | 'updated'; row: UserRow }
  | { kind: 'removed' | 'unlocked'; row: UserRow }
  | { kind: 'masterAuthChanged' }
  | { kind: 'reportedLost'; rows: UserRow[]; selfRevoked: boolean }
  | { kind: 'resynced'; serial: string };

type UserAdminState = {
  outcome: AdminOutcome | null;
  clear: () => void;
  register: (user: NewUser, stepUp: StepUp) => Promise<AppError | null>;
  update: (change: UserChange, stepUp: StepUp) => Promise<AppError | null>;
  remove: (row: UserRow, stepUp: StepUp) => Promise<AppError | null>;
  unlock: (row: UserRow, stepUp: StepUp) => Promise<AppError | null>;
  changeMasterAuthPassword: (newAuthPassword: string, stepUp: StepUp) => Promise<AppError | null>;
  reportLost: (row: UserRow, stepUp: StepUp) => Promise<AppError | null>;
  resync: (request: TokenResync) => Promise<AppError | null>;
};

/**
 * 利用者登録 / 利用者情報変更 / 利用者削除 / ロック解除 / マスターユーザの認証パスワード変更 / 紛失届: each needs the
 * operator's authentication password and an OTP (SPEC R-OTP-4), and a success reloads the pickers' list.
 */
export const useUserAdmin = create<UserAdminState>((set) => {
  async function run<T>(request: Promise<Result<T>>, outcome: (value: T) => AdminOutcome): Promise<AppError | null> {
    const result = await request;
    if (!result.ok) return result.error;
    await useLink.getState().afterWrite();
    set({ outcome: outcome(result.value) });
    await useUserList.getState().load();
    return null;
  }
  return {
    outcome: null,
    clear: () => set({ outcome: null }),
    register: (user, stepUp) =>
      run(withSession((api, sessionId) => api.users.register({ sessionId, ...user, ...stepUp })), (row) => ({ kind: 'registered', row })),
    update: (change, stepUp) =>
      run(withSession((api, sessionId) => api.users.update({ sessionId, ...change, ...stepUp })), (row) => ({ kind: 'updated', row })),
    remove: (row, stepUp) =>
      run(withSession((api, sessionId) => api.users.remove({ sessionId, loginId: row.loginId, ...stepUp })), () => ({ kind: 'removed', row })),
    unlock: (row, stepUp) =>
      run(withSession((api, sessionId) => api.users.unlock({ sessionId, loginId: row.loginId, ...stepUp })), () => ({ kind: 'unlocked', row })),
    changeMasterAuthPassword: (newAuthPassword, stepUp) =>
      run(withSession((api, sessionId) => api.users.changeMasterAuthPassword({ sessionId, newAuthPassword, ...stepUp })), () => ({ kind: 'masterAuthChanged' })),
    reportLost: (row, stepUp) =>
      run(withSession((api, sessionId) => api.tokens.reportLost({ sessionId, loginId: row.loginId, ...stepUp })), (value) => ({ kind: 'reportedLost', rows: [value.revoked, ...value.alsoAffected], selfRevoked: value.selfRevoked })),
    resync: (request) =>
      run(withSession((api, sessionId) => api.tokens.resync({ sessionId, ...request })), () => ({ kind: 'resynced', serial: normaliseWidth(request.serial) })),
  };
});

// A result belongs to the screen that showed it: another session or another screen starts without it.
useSession.subscribe((s, prev) => {
  if (s.info !== prev.info) useUserAdmin.setState({ outcome: null });
});
useNavigation.subscribe((s, prev) => {
  if (s.visit !== prev.visit) useUserAdmin.setState({ outcome: null });
});

/** The user the last operation of this kind changed, for its screen's result view; null after any other. */
export const useRowOutcome = (kind: 'registered' | 'updated' | 'removed' | 'unlocked'): UserRow | null =>
  useUserAdmin((s) => (s.outcome && 'row' in s.outcome && s.outcome.kind === kind ? s.outcome.row : null));
