import { create } from 'zustand';

/** Every screen the app can show; App.tsx switches on it. */
export type View =
  | 'starting'
  | 'firstRun'
  | 'unreachable'
  | 'setup'
  | 'login'
  | 'otp'
  | 'register'
  | 'passwordChange'
  | 'replaceAuthPassword'
  | 'top'
  | 'userMenu'
  | 'revoke'
  | 'revokeResult'
  | 'lostToken'
  | 'lostReport'
  | 'tokenImport'
  | 'userRegister'
  | 'userUpdate'
  | 'userRemove'
  | 'userUnlock'
  | 'masterAuthPassword'
  | 'audit'
  | 'connection'
  | 'backup'
  | 'tokenResync'
  | 'offlineFailed';

type NavigationState = {
  view: View;
  /** Counts every navigation, so that choosing the current screen again opens it afresh (and reloads it). */
  visit: number;
  /** Where "back" on the lost-token page returns: it is reachable from login and from the top page. */
  returnTo: View;
  go: (view: View) => void;
  openLostToken: () => void;
  back: () => void;
};

/** The app opens on 'starting' until setup:status says whether this is the first run (setup) or not (login). */
export const useNavigation = create<NavigationState>((set, get) => ({
  view: 'starting',
  visit: 0,
  returnTo: 'login',
  go: (view) => set({ view, visit: get().visit + 1 }),
  openLostToken: () => set({ view: 'lostToken', returnTo: get().view, visit: get().visit + 1 }),
  back: () => set({ view: get().returnTo, visit: get().visit + 1 }),
}));
