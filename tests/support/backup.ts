import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFiles } from '../../main/context/deps';
import { value } from './admin';
import { createHarness, loginWithOtp, nextStep, stepUp, type Harness } from './harness';

export const PASSPHRASE = 'correct horse battery';

/** The file name the stand-in save dialog answers, in the harness's folder. */
export const BACKUP_NAME = 'company.otpbackup';

/** The save dialog chooses BACKUP_NAME in the harness's folder. */
export const saveInto = (dir: string): BackupFiles => ({ chooseTarget: () => Promise.resolve(join(dir, BACKUP_NAME)) });

/** The demo company with the stand-in save dialog. */
export const backupHarness = (options: Parameters<typeof createHarness>[0] = {}) => createHarness({ backupFiles: saveInto, ...options });

/** The master logs in, moves to a fresh step and writes a backup through the api; answers the file's bytes. */
export async function writeBackup(h: Harness, passphrase = PASSPHRASE): Promise<Buffer> {
  const { sessionId } = await loginWithOtp(h, 'kmb05871');
  nextStep(h);
  value(await h.core.api.backup.create({ sessionId, passphrase, ...(await stepUp(h)) }));
  return readFileSync(join(h.dir, BACKUP_NAME));
}

export const restoreInput = (file: Buffer, passphrase = PASSPHRASE) => ({ fileBase64: file.toString('base64'), passphrase });
