import { create } from 'zustand';
import type { LoginStep, SessionInfo } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/errors';
import { call } from '../api';
import { useNavigation, type View } from './navigation';

type SessionState = {
  info: SessionInfo | null;
  /** A login whose password was accepted, waiting for the OTP (BLGI001) or a token registration (BLGI020). */
  pending: LoginStep | null;
  /** Why the last session or login attempt ended, shown on BLGI001. */
  farewell: AppError | null;
  login: (loginId: string, password: string) => Promise<AppError | null>;
  verifyOtp: (otp: string) => Promise<AppError | null>;
  registerToken: (serial: string, otp: string) => Promise<AppError | null>;
  cancelLogin: () => void;
  logout: () => Promise<void>;
  /** The main process said the session is over (SESSION_EXPIRED...): back to login, saying why. */
  ended: (reason: AppError) => void;
  /** After revoking one's own token the main process has ended the session; the result screen stays. */
  forgetAfterSelfRevocation: () => void;
  /** The main process holds this session at the password change (PASSWORD_CHANGE_REQUIRED): go there. */
  requirePasswordChange: () => void;
  /** Reads the session again from the main process (after the passwords changed, mustChangePasswords is off). */
  refresh: () => Promise<AppError | null>;
};

const go = (view: View) => useNavigation.getState().go(view);

export const useSession = create<SessionState>((set, get) => {
  /** A refusal of the pending login itself (timed out, locked) restarts the login with the reason. */
  const restartOn = (error: AppError) => {
    if (error.code !== 'CHALLENGE_INVALID' && error.code !== 'LOCKED') return;
    set({ pending: null, farewell: error });
    go('login');
  };
  const finish = (result: Result<SessionInfo>): AppError | null => {
    if (!result.ok) {
      restartOn(result.error);
      return result.error;
    }
    set({ info: result.value, pending: null, farewell: null });
    // Initial passwords set by an admin are changed before anything else (issue: provisioning).
    go(result.value.mustChangePasswords ? 'passwordChange' : 'top');
    return null;
  };
  const challengeId = () => get().pending?.challengeId ?? '';

  return {
    info: null,
    pending: null,
    farewell: null,
    async login(loginId, password) {
      const result = await call((api) => api.auth.login({ loginId, password }));
      if (!result.ok) return result.error;
      set({ pending: result.value, farewell: null });
      go(result.value.kind === 'needsOtp' ? 'otp' : 'register');
      return null;
    },
    async verifyOtp(otp) {
      return finish(await call((api) => api.auth.verifyOtp({ challengeId: challengeId(), otp })));
    },
    async registerToken(serial, otp) {
      return finish(await call((api) => api.tokens.register({ challengeId: challengeId(), serial, otp })));
    },
    cancelLogin() {
      set({ pending: null });
      go('login');
    },
    async logout() {
      const info = get().info;
      // Whatever the answer, this window forgets the session: a failed logout must not keep the user in.
      if (info) await call((api) => api.auth.logout({ sessionId: info.sessionId }));
      get().ended({ code: 'SESSION_EXPIRED', reason: 'logout' });
    },
    ended(reason) {
      set({ info: null, pending: null, farewell: reason });
      go('login');
    },
    forgetAfterSelfRevocation() {
      set({ info: null, farewell: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
    },
    requirePasswordChange() {
      const info = get().info;
      if (!info) return;
      set({ info: { ...info, mustChangePasswords: true } });
      go('passwordChange');
    },
    async refresh() {
      const info = get().info;
      if (!info) return { code: 'SESSION_INVALID' };
      const result = await call((api) => api.auth.session({ sessionId: info.sessionId }));
      if (!result.ok) return result.error;
      if (get().info?.sessionId === info.sessionId) set({ info: result.value });
      return null;
    },
  };
});
