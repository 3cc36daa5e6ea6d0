import { PASSWORDS } from './harness';

/**
 * A valid request for every channel of the contract, for the reliability suite (fuzz.test.ts, sessions.test.ts).
 * Each would change the store (consume a code, revoke, unlock, log out...) if it got through, so a refusal is
 * visible. A new channel needs its request here; the tests check that none is missing.
 */
export type TemplateIds = {
  readonly sessionId: string;
  /** A pending OTP step (needsOtp) and a pending token registration (needsTokenRegistration). */
  readonly otpChallenge: string;
  readonly registration: string;
  /** The operator's current code, and two consecutive codes of token 523405697 for a resync. */
  readonly otp: string;
  readonly resync: readonly [string, string];
  /** The user a revocation or an unlock is aimed at. */
  readonly target: string;
};

export function requestTemplates(ids: TemplateIds): Record<string, Record<string, unknown>> {
  const { sessionId, otp, target } = ids;
  const step = { authPassword: PASSWORDS.auth, otp };
  return {
    'auth:login': { loginId: 'kmb05871', password: PASSWORDS.login },
    'auth:verify-otp': { challengeId: ids.otpChallenge, otp },
    'auth:session': { sessionId },
    'auth:logout': { sessionId },
    'tokens:register': { challengeId: ids.registration, serial: '600000001', otp: '123456' },
    'tokens:revoke': { sessionId, loginIds: [target], ...step },
    'tokens:resync': { sessionId, serial: '523405697', firstOtp: ids.resync[0], secondOtp: ids.resync[1], authPassword: PASSWORDS.auth },
    'users:list': { sessionId, sort: 'loginId-asc' },
    'users:unlock': { sessionId, loginId: target, ...step },
    'top:get': { sessionId },
    'top:mark-notice-read': { sessionId, noticeId: 2 },
  };
}

/** The channels a general user's session is refused on (SPEC R-REV-1, R-OTP-3). */
export const ADMIN_CHANNELS: readonly string[] = ['users:list', 'users:unlock', 'tokens:revoke', 'tokens:resync'];
