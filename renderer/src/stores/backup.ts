import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import { call } from '../api';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { withSession } from './sessionCall';
import type { StepUp } from './tokenImport';

type BackupState = {
  /** The file the last backup was written to, for the screen's confirmation. */
  written: string | null;
  /** The last restore, for BLGI001's notice: the company codes and how many users came across. */
  restored: { companies: string[]; users: number } | null;
  create: (passphrase: string, stepUp: StepUp) => Promise<AppError | null>;
  restore: (fileBase64: string, passphrase: string) => Promise<AppError | null>;
};

/**
 * バックアップ (the master's, through the main process's save dialog) and バックアップから復元 on a first run
 * (issue 15). A restore ends at BLGI001: no session is restored, everyone logs in again.
 */
export const useBackup = create<BackupState>((set) => ({
  written: null,
  restored: null,
  async create(passphrase, stepUp) {
    set({ written: null });
    const result = await withSession((api, sessionId) => api.backup.create({ sessionId, passphrase, ...stepUp }));
    if (!result.ok) return result.error;
    set({ written: result.value.fileName });
    return null;
  },
  async restore(fileBase64, passphrase) {
    const result = await call((api) => api.backup.restore({ fileBase64, passphrase }));
    if (!result.ok) return result.error;
    set({ restored: result.value });
    useNavigation.getState().go('login');
    return null;
  },
}));

// The "restored" notice of BLGI001 is for the first login after it only.
useSession.subscribe((s, prev) => {
  if (s.info !== prev.info && s.info) useBackup.setState({ restored: null });
});
