import { create } from 'zustand';

/** Every screen the app can show; App.tsx switches on it. */
export type View = 'login' | 'otp' | 'register' | 'top' | 'userMenu' | 'revoke' | 'revokeResult' | 'lostToken';

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

export const useNavigation = create<NavigationState>((set, get) => ({
  view: 'login',
  visit: 0,
  returnTo: 'login',
  go: (view) => set({ view, visit: get().visit + 1 }),
  openLostToken: () => set({ view: 'lostToken', returnTo: get().view, visit: get().visit + 1 }),
  back: () => set({ view: get().returnTo, visit: get().visit + 1 }),
}));
