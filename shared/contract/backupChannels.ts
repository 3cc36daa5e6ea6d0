import { z } from 'zod';
import { ACCESS } from './access';
import { channel } from './define';
import { opaqueIdField, otpField, passwordField } from '../input/fields';
import { backupPassphraseField, newBackupPassphraseField } from '../input/backupPassphrase';

/** Issue 15: the master writes a backup through the native save dialog; a first run restores one. */
export const backupChannels = {
  /** The main process opens the save dialog and answers the chosen file's name; the file never crosses IPC. */
  create: channel(
    'backup:create',
    ACCESS.backup.create,
    z.strictObject({ sessionId: opaqueIdField, passphrase: newBackupPassphraseField, authPassword: passwordField, otp: otpField }),
    z.object({ fileName: z.string() }),
  ),
  /** First run on an empty store: the file from the screen's file field, base64 as token files are; 64 MiB at most. */
  restore: channel(
    'backup:restore',
    ACCESS.backup.restore,
    z.strictObject({ fileBase64: z.string().max(90_000_000), passphrase: backupPassphraseField }),
    z.object({ companies: z.array(z.string()), users: z.number().int().nonnegative() }),
  ),
};
