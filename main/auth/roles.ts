import type { UserType } from '../../shared/contract/models';

/** SPEC R-REV-1 (and R-OTP-3 for unlocking): only master and admin users manage other users' tokens. */
export const canManageUsers = (type: UserType): boolean => type === 'master' || type === 'admin';
