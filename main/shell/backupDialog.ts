import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { BackupFiles } from '../context/deps';

/**
 * The native save dialog for backup:create (issue 15), modal to the app's window. The shell only asks where; the
 * service (main/backup) decides everything else and writes the file.
 */
export const backupDialog: BackupFiles = {
  async chooseTarget(suggestedName) {
    const options: SaveDialogOptions = {
      defaultPath: suggestedName,
      filters: [{ name: 'OTP Desktop backup', extensions: ['otpbackup'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const chosen = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  },
};
