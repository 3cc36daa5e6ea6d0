const DAY = 86_400_000;

export type ExpiryState = 'ok' | 'soon' | 'expired';

/**
 * SPEC R-TOK-4: expired from the instant codes are refused (main/otp/verify.ts), 'soon' inside the warning
 * period before it (its length is the configured Reading).
 */
export function expiryState(expiresAt: number, now: Date, warningDays: number): ExpiryState {
  const left = expiresAt - now.getTime();
  if (left <= 0) return 'expired';
  return left <= warningDays * DAY ? 'soon' : 'ok';
}
