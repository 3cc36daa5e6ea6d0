import type { UserRow } from '../../shared/contract/models';
import type { UserListRow } from '../store/repos/users';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toUserRow(row: UserListRow): UserRow {
  return {
    loginId: row.login_id,
    name: row.name,
    userType: row.user_type,
    serial: row.serial,
    otpState: row.otp_state,
    tokenExpiresAt: iso(row.token_expires_at),
    reRegistrationAt: row.otp_state === 'revoked' ? iso(row.reregistration_at) : null,
  };
}
