import { create } from 'zustand';
import type { CallRequestOf } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call } from '../api';
import { SERVER_FAULTS, useConnection } from './connection';
import { useNavigation } from './navigation';
import { useSession } from './session';

export type ResumeInput = CallRequestOf<'setup', 'resume'>;

export type CompanyInput = CallRequestOf<'setup', 'create'>;

type SetupState = {
  /** Issued by setup:create; stands in for the step-up of the first import (no token exists yet). */
  setupId: string | null;
  /** The company just created, named on the import step ('' when resumed). */
  companyName: string;
  /** A company exists without tokens (the app stopped mid-setup): its master resumes rather than creates. */
  resuming: boolean;
  /** Just finished: BLGI001 says so once. */
  finished: boolean;
  /** First run or not: setup:status decides between the setup screen and BLGI001. */
  start: () => Promise<void>;
  create: (input: CompanyInput) => Promise<AppError | null>;
  resume: (input: ResumeInput) => Promise<AppError | null>;
  finish: () => Promise<AppError | null>;
};

const go = (view: 'setup' | 'login' | 'firstRun' | 'unreachable') => useNavigation.getState().go(view);

/** The first run on an empty store (issue: provisioning): company and master, their tokens, then login. */
export const useSetup = create<SetupState>((set, get) => ({
  setupId: null,
  companyName: '',
  resuming: false,
  finished: false,
  async start() {
    // A desktop's first start chooses standalone or connected before anything else (SPEC R-SRV-1).
    const connection = await useConnection.getState().load();
    if (connection?.mode === 'unset') return go('firstRun');
    const result = await call((api) => api.setup.status({}));
    // A desktop that has synced with its server can log users in offline (SPEC R-OFF-1): BLGI001 decides.
    if (!result.ok && result.error.code === 'SERVER_UNREACHABLE' && connection?.offline?.syncedAt) return go('login');
    // A connected desktop whose server is away says so, and offers to try again (never waits without end).
    if (!result.ok && SERVER_FAULTS.has(result.error.code)) {
      useConnection.setState({ fault: result.error });
      return go('unreachable');
    }
    // Without an answer the app cannot tell: login is the safe screen (the main process refuses the rest).
    const first = result.ok && (result.value.needsSetup || result.value.canResume);
    set({ resuming: result.ok && !result.value.needsSetup && result.value.canResume });
    go(first ? 'setup' : 'login');
  },
  async create(input) {
    const result = await call((api) => api.setup.create(input));
    if (!result.ok) return result.error;
    set({ setupId: result.value.setupId, companyName: input.companyName.trim() });
    return null;
  },
  async resume(input) {
    const result = await call((api) => api.setup.resume(input));
    if (!result.ok) return result.error;
    set({ setupId: result.value.setupId, companyName: '' });
    return null;
  },
  async finish() {
    const setupId = get().setupId;
    if (!setupId) return { code: 'SETUP_INVALID' };
    const result = await call((api) => api.setup.finish({ setupId }));
    if (!result.ok) return result.error;
    set({ setupId: null, resuming: false, finished: true });
    go('login');
    return null;
  },
}));

// The "setup finished" notice of BLGI001 is for the first login after it only.
useSession.subscribe((s, prev) => {
  if (s.info !== prev.info && s.info) useSetup.setState({ finished: false });
});
