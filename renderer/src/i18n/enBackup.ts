import { BACKUP_PASSPHRASE_MIN } from '../../../shared/input/backupPassphrase';
import type { jaBackup } from './jaBackup';

/** The English edition of jaBackup.ts. */
export const enBackup: typeof jaBackup = {
  backup: {
    section: 'Settings',
    title: 'Backup',
    menu: 'Backup',
    intro: [
      "Saves your company's data (users, hardware tokens and their assignments, operation history) in one file. The tokens' seeds are encrypted with the passphrase you enter.",
      'Logins in progress are not saved. On the PC where the backup is restored, everyone logs in again.',
      'Pressing “Create backup” opens a window to choose where to save it.',
    ],
    warningHeading: 'Caution',
    warning:
      'The backup file opens with its passphrase alone. Keep the passphrase apart from the file: never save it next to the file or send it in the same e-mail. Without the passphrase the file cannot be restored.',
    passphrase: 'Passphrase',
    passphraseRule: `At least ${BACKUP_PASSPHRASE_MIN} characters`,
    rulesHeading: 'Passphrase rules',
    met: 'met',
    unmet: 'not met',
    confirm: 'Passphrase (again)',
    mismatch: 'The second passphrase does not match. Enter the same passphrase twice.',
    tooShort: `The passphrase must be at least ${BACKUP_PASSPHRASE_MIN} characters.`,
    submit: 'Create backup',
    done: (fileName: string) => `The backup was created (file: ${fileName}). Keep the passphrase apart from the file.`,
    cancelled: 'No place to save was chosen, so no backup was created.',
    toTop: 'Top page',
  },
  restore: {
    choice: 'How to set up',
    fresh: 'Set up anew',
    fromBackup: 'Restore from a backup',
    intro:
      "Restores your company's data from a backup file made on another PC. Choose the file, enter its passphrase and press “Restore”. The file and the passphrase are checked before anything is written.",
    heading: 'Restore from a backup',
    file: 'Backup file',
    fileHint: 'A file ending in .otpbackup',
    fileRequired: 'Choose the backup file.',
    passphrase: 'Passphrase',
    submit: 'Restore',
    done: (companies: readonly string[], users: number) =>
      `Restored from the backup (company code: ${companies.join(', ')}; ${users} user${users === 1 ? '' : 's'}). Logins are not restored: every user logs in again.`,
  },
  backupProblems: {
    FILE_TOO_LARGE: 'The file is too large (64 MB at most).',
    NOT_A_BACKUP: 'This file is not a backup file of this app.',
    TRUNCATED: 'The file is cut short. Choose a file whose copy finished.',
    DAMAGED: 'The file is damaged or has been changed. Choose another backup file.',
    NEWER_VERSION: 'This file was made by a newer version of the app. Update the app, then restore.',
    WRONG_PASSPHRASE: 'The passphrase is incorrect.',
    STORE_NOT_EMPTY: "This PC already holds a company's data. A backup can be restored only on a PC without data (no overwrite, no merge).",
    COMPANY_EXISTS: 'A company with the same company code already exists.',
    LOGIN_ID_TAKEN: 'A login ID in the backup is already in use.',
    SERIAL_TAKEN: 'A hardware token in the backup is already registered.',
    FOREIGN_AUDIT: "The backup's operation history names users who are not the company's own, so it cannot be imported.",
    TOKEN_TWO_COMPANIES: 'A hardware token in the backup is registered to users of more than one company, so it cannot be imported.',
    CANCELLED: 'No place to save was chosen, so no backup was created.',
    DISK_FULL: 'There is not enough free space where the backup was to be saved. Choose another place or free some space.',
    WRITE_FAILED: 'The backup could not be written there. Choose another place to save it.',
  },
};
