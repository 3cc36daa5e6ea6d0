import type { UserRow } from '../../shared/contract/models';
import type { UserListRow } from '../store/repos/users';
import { expiryState } from './expiry';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `warningDays`: SPEC R-TOK-4's warning period, so the list can flag tokens about to expire. */
export function toUserRow(row: UserListRow, now: Date, warningDays: number): UserRow {
  return {
    loginId: row.login_id,
    name: row.name,
    userType: row.user_type,
    serial: row.serial,
    otpState: row.otp_state,
    tokenExpiresAt: iso(row.token_expires_at),
    tokenExpiry: row.token_expires_at === null ? null : expiryState(row.token_expires_at, now, warningDays),
    reRegistrationAt: row.otp_state === 'revoked' ? iso(row.reregistration_at) : null,
    // Only when it applies, so the rows of everyone else keep their shape (SPEC R-TOK-6: 失効中, 紛失).
    ...(row.otp_state === 'revoked' && row.disabled_reason === 'lost' ? { revokedReason: 'lost' as const } : {}),
  };
}
