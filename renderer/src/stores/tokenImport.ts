import { create } from 'zustand';
import type { CallRequestOf, ImportPreview } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/errors';
import { call } from '../api';
import { useNavigation } from './navigation';
import { withSession } from './sessionCall';

export type ImportSource = Omit<CallRequestOf<'imports', 'preview'>, 'sessionId'>;
export type StepUp = Pick<CallRequestOf<'imports', 'commit'>, 'authPassword' | 'otp'>;
type Progress = { done: number; total: number };

/** The channels one import goes through: the first run's (setupId, no step-up) or an admin's (session, step-up). */
export type ImportPort = {
  readonly stepUp: boolean;
  preview: (source: ImportSource) => Promise<Result<ImportPreview>>;
  commit: (previewId: string, stepUp: StepUp | null) => Promise<Result<{ imported: number }>>;
  progress: ((previewId: string) => Promise<Result<Progress>>) | null;
};

export const setupPort = (setupId: string): ImportPort => ({
  stepUp: false,
  preview: (source) => call((api) => api.setup.previewImport({ setupId, ...source })),
  commit: (previewId) => call((api) => api.setup.commitImport({ setupId, previewId })),
  progress: null,
});

export const adminPort: ImportPort = {
  stepUp: true,
  preview: (source) => withSession((api, sessionId) => api.imports.preview({ sessionId, ...source })),
  commit: (previewId, stepUp) => withSession((api, sessionId) => api.imports.commit({ sessionId, previewId, ...(stepUp ?? { authPassword: '', otp: '' }) })),
  progress: (previewId) => withSession((api, sessionId) => api.imports.progress({ sessionId, previewId })),
};

export type ImportPhase = 'choose' | 'preview' | 'running' | 'done';

type TokenImportState = {
  phase: ImportPhase;
  preview: ImportPreview | null;
  progress: Progress | null;
  imported: number;
  /** Why the import went back to the file choice (the confirmation expired). */
  restartReason: AppError | null;
  reset: () => void;
  check: (port: ImportPort, source: ImportSource) => Promise<AppError | null>;
  commit: (port: ImportPort, stepUp: StepUp | null) => Promise<AppError | null>;
};

/** How often the progress bar asks while a commit runs. */
const POLL_MS = 250;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const initial = { phase: 'choose' as ImportPhase, preview: null, progress: null, imported: 0, restartReason: null };

/** ハードトークン取込: file → preview (counts and problems, nothing written) → commit with its progress. */
export const useTokenImport = create<TokenImportState>((set, get) => ({
  ...initial,
  reset: () => set(initial),
  async check(port, source) {
    const result = await port.preview(source);
    if (!result.ok) return result.error;
    set({ phase: 'preview', preview: result.value, restartReason: null });
    return null;
  },
  async commit(port, stepUp) {
    const preview = get().preview;
    if (!preview) return { code: 'PREVIEW_INVALID' };
    set({ phase: 'running', progress: { done: 0, total: preview.newCount } });
    let running = true;
    const committing = port.commit(preview.previewId, stepUp).finally(() => (running = false));
    // The first question goes right behind the commit (the main process answers it between two batches).
    const poll = async (progress: NonNullable<ImportPort['progress']>) => {
      while (running) {
        const answer = await progress(preview.previewId);
        if (running && answer.ok && answer.value.total > 0) set({ progress: answer.value });
        await pause(POLL_MS);
      }
    };
    if (port.progress) void poll(port.progress);
    const result = await committing;
    if (result.ok) {
      set({ phase: 'done', imported: result.value.imported, progress: { done: result.value.imported, total: result.value.imported } });
      return null;
    }
    // A preview the main process no longer holds cannot be committed: back to the file, saying why.
    if (result.error.code === 'PREVIEW_INVALID') set({ ...initial, restartReason: result.error });
    else set({ phase: 'preview', progress: null });
    return result.error;
  },
}));

// Every visit of a screen with an import starts at the file choice.
useNavigation.subscribe((s, prev) => {
  if (s.visit !== prev.visit) useTokenImport.setState(initial);
});
