import { create } from 'zustand';
import type { ConnectionStatus, OfflineStatus } from '../../../shared/contract/connection';
import { call } from '../api';
import { useConnection } from './connection';
import { useSession } from './session';

/** How often the indicator asks the main process (connection:status is answered locally, never by the server). */
export const LINK_POLL_MS = 2_000;

/** What the indicator says: オンライン, オフライン（送信待ち N件）, or 同期中 (done/total). */
export type LinkPhrase =
  | { kind: 'online'; failed: number }
  | { kind: 'offline'; waiting: number; failed: number }
  | { kind: 'syncing'; done: number; total: number };

export function phraseOf(status: OfflineStatus): LinkPhrase {
  if (status.sync) return { kind: 'syncing', done: status.sync.done, total: status.sync.total };
  if (status.link === 'offline') return { kind: 'offline', waiting: status.waiting, failed: status.failed };
  return { kind: 'online', failed: status.failed };
}

/**
 * Whether a screen reader should hear the new phrase: the state changed (online, offline, a sync begun or
 * ended) or one of its counts did. A sync's progress is shown but not read out step by step, which would drown
 * every other announcement during a long sync.
 */
export function isNews(before: LinkPhrase | null, after: LinkPhrase): boolean {
  if (!before || before.kind !== after.kind) return true;
  if (after.kind === 'syncing') return false;
  return JSON.stringify(before) !== JSON.stringify(after);
}

type LinkState = {
  /** The link of a connected desktop; null before the first answer and on a standalone desktop. */
  status: OfflineStatus | null;
  /** The last phrase announced (the live region's content): it changes only with news. */
  announced: LinkPhrase | null;
  /** Takes a connection:status answer (useConnection's, whoever asked). */
  apply: (answer: ConnectionStatus) => void;
  refresh: () => Promise<void>;
  /** The count waiting just after the last write queued offline: what its completion message says, as of then. */
  queuedCount: number | null;
  /** After a write: in an offline session it was queued, and the count waiting is asked for at once. */
  afterWrite: () => Promise<void>;
  /** Polls while the desktop is connected; the returned function stops it (the indicator's unmount). */
  watch: () => () => void;
};

const isConnected = () => useConnection.getState().status?.mode === 'connected';

export const useLink = create<LinkState>((set, get) => ({
  status: null,
  announced: null,
  queuedCount: null,
  apply(answer) {
    const status = answer.offline ?? null;
    const phrase = status && phraseOf(status);
    const before = get().announced;
    set({ status, announced: phrase ? (isNews(before, phrase) ? phrase : before) : null });
  },
  async refresh() {
    // Only an answer replaces what is known: a failed poll must not make a connected desktop look standalone.
    const result = await call((api) => api.connection.status({}));
    if (result.ok) useConnection.setState({ status: result.value });
  },
  async afterWrite() {
    if (!useSession.getState().info?.offline) return;
    await get().refresh();
    set({ queuedCount: get().status?.waiting ?? null });
  },
  watch() {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The app's start asks connection:status itself (useSetup): polling begins from its answer, one call at a
    // time (the next is scheduled after the answer), and never on a standalone desktop.
    const schedule = () => {
      if (stopped || timer !== undefined || !isConnected()) return;
      timer = setTimeout(() => {
        void get()
          .refresh()
          .finally(() => {
            timer = undefined;
            schedule();
          });
      }, LINK_POLL_MS);
    };
    const unsubscribe = useConnection.subscribe(schedule);
    schedule();
    return () => {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
    };
  },
}));

// Every answer updates the link, whichever screen asked (the start, 接続設定, the poll).
useConnection.subscribe((s, prev) => {
  if (s.status && s.status !== prev.status) useLink.getState().apply(s.status);
});
