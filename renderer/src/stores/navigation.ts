import { create } from 'zustand';

/** Every screen the app can show; App.tsx switches on it. */
export type View = 'login' | 'otp' | 'register' | 'top' | 'userMenu' | 'revoke' | 'revokeResult' | 'lostToken';

type NavigationState = {
  view: View;
  /** Where "back" on the lost-token page returns: it is reachable from login and from the top page. */
  returnTo: View;
  go: (view: View) => void;
  openLostToken: () => void;
  back: () => void;
};

export const useNavigation = create<NavigationState>((set, get) => ({
  view: 'login',
  returnTo: 'login',
  go: (view) => set({ view }),
  openLostToken: () => set({ view: 'lostToken', returnTo: get().view }),
  back: () => set({ view: get().returnTo }),
}));
