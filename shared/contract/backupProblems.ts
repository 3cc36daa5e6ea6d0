/** Why a backup could not be written or a backup file not restored (main/backup): codes, which the renderer words. */
export const BACKUP_PROBLEM_CODES = [
  // Restore: the file, checked in this order before anything is written.
  'FILE_TOO_LARGE',
  'NOT_A_BACKUP',
  'TRUNCATED',
  'DAMAGED',
  'NEWER_VERSION',
  'WRONG_PASSPHRASE',
  // Restore: where it would load.
  'STORE_NOT_EMPTY',
  'COMPANY_EXISTS',
  'LOGIN_ID_TAKEN',
  'SERIAL_TAKEN',
  // A server's import (issue 19 finding 5): rows that would reach another company (main/backup/confine.ts).
  'FOREIGN_AUDIT',
  'TOKEN_TWO_COMPANIES',
  // Backup: writing the file.
  'CANCELLED',
  'DISK_FULL',
  'WRITE_FAILED',
] as const;

export type BackupProblem = (typeof BACKUP_PROBLEM_CODES)[number];
