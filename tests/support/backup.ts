import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { BackupFiles } from '../../main/context/deps';
import { value } from './admin';
import { createHarness, loginWithOtp, nextStep, stepUp, type Harness } from './harness';

export const PASSPHRASE = 'correct horse battery';

/** The file name the stand-in save dialog answers. */
export const BACKUP_NAME = 'company.otpbackup';

/** The save dialog chooses BACKUP_NAME in `folder`. */
export const saveInto = (folder: string): BackupFiles => ({ chooseTarget: () => Promise.resolve(join(folder, BACKUP_NAME)) });

/** A standalone desktop (SQLite whatever the run's dialect) with its own folder for backups, removed at close. */
export type DesktopHarness = Harness & { readonly folder: string };

type Options = Omit<NonNullable<Parameters<typeof createHarness>[0]>, 'dialect' | 'backupFiles'> & {
  backupFiles?: (folder: string) => BackupFiles;
};

/** The demo company on a desktop's SQLite store, its save dialog answering a file of its folder. */
export async function backupHarness(options: Options = {}): Promise<DesktopHarness> {
  const folder = mkdtempSync(join(tmpdir(), 'otp-desktop-backup-test-'));
  const h = await createHarness({ ...options, dialect: 'sqlite', backupFiles: (options.backupFiles ?? saveInto)(folder) });
  const close = h.close;
  return Object.assign(h, {
    folder,
    async close() {
      rmSync(folder, { recursive: true, force: true });
      await close();
    },
  });
}

/** The master logs in, moves to a fresh step and writes a backup through the api; answers the file's bytes. */
export async function writeBackup(h: DesktopHarness, passphrase = PASSPHRASE): Promise<Buffer> {
  const { sessionId } = await loginWithOtp(h, 'kmb05871');
  nextStep(h);
  value(await h.core.api.backup.create({ sessionId, passphrase, ...(await stepUp(h)) }));
  return readFileSync(join(h.folder, BACKUP_NAME));
}

export const restoreInput = (file: Buffer, passphrase = PASSPHRASE) => ({ fileBase64: file.toString('base64'), passphrase });

/** Hands back each harness given to it, and closes them all after the test that opened them. */
export function closedAfterEach(): <H extends Harness>(h: H) => H {
  let opened: Harness[] = [];
  afterEach(async () => {
    await Promise.all(opened.map((h) => h.close()));
    opened = [];
  });
  return (h) => (opened.push(h), h);
}

/** The company a server already holds when a desktop's backup is imported into it. */
export const SERVER_MASTER = { companyCode: 'S0001', companyName: '既存商事', masterLoginId: 'srv00001', masterName: '既存 一郎', loginPassword: 'Server#2026a', authPassword: 'ServerAuth#26' };

/** A company server's store (the run's dialect: the real PostgreSQL in the postgres project) holding S0001 and its master srv00001. */
export async function serverWithCompany(track: ReturnType<typeof closedAfterEach>): Promise<Harness> {
  const server = track(await createHarness({ seed: false }));
  value(await server.core.api.setup.create(SERVER_MASTER));
  return server;
}
