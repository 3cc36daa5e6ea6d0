/** Why a start was stopped; each reason has its own message to the user (./failureMessage.ts). */
export type StartupReason =
  | 'KEYCHAIN_UNAVAILABLE'
  | 'KEYCHAIN_BASIC_TEXT'
  | 'SEAL_KEY_MISSING'
  | 'SEAL_KEY_UNREADABLE'
  | 'SEAL_KEY_MISMATCH';

export class StartupError extends Error {
  constructor(
    readonly reason: StartupReason,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
