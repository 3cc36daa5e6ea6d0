import { z } from 'zod';

/**
 * A backup file opens with its passphrase alone, offline and without limit on guesses, so it is longer than a
 * password (NIST SP 800-63B's floor for a memorised secret chosen by the user is 8; a passphrase that guards every
 * seed of a company gets 12). Both sides use this rule: the screen shows it live, the main process enforces it.
 */
export const BACKUP_PASSPHRASE_MIN = 12;
export const BACKUP_PASSPHRASE_MAX = 256;

/** The passphrase as typed, compared after NFC normalisation (main/backup/keys.ts), never trimmed. */
export const newBackupPassphraseField = z.string().min(BACKUP_PASSPHRASE_MIN).max(BACKUP_PASSPHRASE_MAX);

/** At restore the file decides: a passphrase made under an older rule still opens its file. */
export const backupPassphraseField = z.string().min(1).max(BACKUP_PASSPHRASE_MAX);

export const meetsBackupPassphraseRule = (passphrase: string): boolean => passphrase.length >= BACKUP_PASSPHRASE_MIN;
