import type { UserType } from '../../shared/contract/models';

/** SPEC R-REV-1 (and R-OTP-3 for unlocking): only master and admin users manage other users' tokens. */
export const canManageUsers = (type: UserType): boolean => type === 'master' || type === 'admin';

/**
 * Backup (issue 15) is the master's alone: the file carries every seed of the company and opens with its
 * passphrase anywhere, so it is the one export that stands for the whole contract, and the contract's holder
 * answers for it. An admin manages users and tokens; an admin who needs a backup asks the master.
 */
export const canBackUp = (type: UserType): boolean => type === 'master';
