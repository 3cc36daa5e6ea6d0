import { create } from 'zustand';
import type { FailedOperation } from '../../../shared/contract/connection';
import type { AppError } from '../../../shared/errors';
import { useLink } from './link';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { withSession } from './sessionCall';
import type { StepUp } from './tokenImport';

/** What the last 破棄 or やり直す did; a redo made offline is queued again (a new key) rather than applied. */
export type FailedOutcome = { kind: 'discarded' } | { kind: 'redone'; queued: boolean };

type FailedState = {
  operations: FailedOperation[];
  loaded: boolean;
  error: AppError | null;
  outcome: FailedOutcome | null;
  load: () => Promise<void>;
  discard: (key: string) => Promise<AppError | null>;
  redo: (key: string, stepUp: StepUp) => Promise<AppError | null>;
};

const initial = { operations: [], loaded: false, error: null, outcome: null };

/**
 * 同期できなかった操作 (SPEC R-OFF-7, R-OFF-8): the queued operations the server refused, kept by the desktop's
 * main process until a master or admin redoes or discards each. Either reloads the list and the link's count.
 */
export const useOfflineFailed = create<FailedState>((set, get) => {
  async function settled(outcome: FailedOutcome): Promise<null> {
    await get().load();
    await useLink.getState().refresh();
    set({ outcome });
    return null;
  }
  return {
    ...initial,
    async load() {
      const result = await withSession((api, sessionId) => api.offline.failed({ sessionId }));
      if (!result.ok) return set({ error: result.error, loaded: true });
      set({ operations: result.value.operations, loaded: true, error: null });
    },
    async discard(key) {
      const result = await withSession((api, sessionId) => api.offline.discard({ sessionId, key }));
      return result.ok ? settled({ kind: 'discarded' }) : result.error;
    },
    async redo(key, stepUp) {
      const result = await withSession((api, sessionId) => api.offline.redo({ sessionId, key, ...stepUp }));
      return result.ok ? settled({ kind: 'redone', queued: result.value.queued }) : result.error;
    },
  };
});

// The list belongs to the session and the screen that showed it.
useSession.subscribe((s, prev) => {
  if (s.info !== prev.info) useOfflineFailed.setState(initial);
});
useNavigation.subscribe((s, prev) => {
  if (s.visit !== prev.visit) useOfflineFailed.setState({ outcome: null });
});
