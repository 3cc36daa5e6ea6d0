import { defaultRules, type RulesConfig } from '../config/rules';
import type { Core } from '../core/createCore';
import type { Dispatch } from '../ipc/dispatch';
import { createRemote, type RemoteOptions } from '../remote/remoteDispatch';
import { trackSessions } from '../remote/sessions';
import { startSync, type OfflineWork } from '../sync/start';
import { withDesktopChannels } from './desktopDispatch';
import type { ConnectionState, ProcessMode, Probe } from './handlers';
import { readSettings } from './settingsFile';

/** The embedded store and the core over it, opened by the shell (it holds the keychain). */
export type LocalData = { readonly core: Core; close(): Promise<void> };

export type DesktopOptions = {
  /** The app's data folder, where connection.json lives. */
  readonly dir: string;
  /** A desktop older than the first-run choice has a store and no connection.json: it stays standalone. */
  readonly storeExists: boolean;
  readonly openLocal: () => Promise<LocalData>;
  /** Called after a save that changes the mode or the server: the shell relaunches the app. */
  readonly restart: () => void;
  /** Deadlines and retries of the remote dispatch (tests shorten them). */
  readonly remote?: Partial<Omit<RemoteOptions, 'url' | 'fingerprint'>>;
  /**
   * Connected: the keychain seal key of the offline files (main/startup/sealKey.ts in the shell; tests pass a
   * key). One that throws leaves the desktop online only: its offline work is refused, never started empty.
   */
  readonly sealKey?: () => Buffer;
  /** How often a connected desktop asks whether its server is there (default 5 s). */
  readonly probeIntervalMs?: number;
  /** Connected: the offline sessions' timeouts and the offline checks' rules; the clock for both. */
  readonly rules?: RulesConfig;
  readonly clock?: () => Date;
};

export type Desktop = {
  readonly mode: ProcessMode;
  readonly dispatch: Dispatch;
  /** Connected only: the link and the offline work (tests probe and wait on it). */
  readonly offline?: OfflineWork;
  /** Ends every session of this desktop: with the window, the screen lock, sleep. */
  endAll(reason: 'logout' | 'suspended'): Promise<void>;
  close(): Promise<void>;
};

const probeWith =
  (extra: DesktopOptions['remote']): Probe =>
  async (url, fingerprint) => {
    const remote = createRemote({ ...extra, url, fingerprint, readRetries: 0 });
    try {
      return await remote.ready();
    } finally {
      await remote.close();
    }
  };

/**
 * Chooses this process's mode from connection.json (SPEC R-SRV-1): connected runs the remote dispatch with
 * its offline work (main/sync; the keychain key seals those files, no store is opened); standalone opens the embedded store as before; a first run (no file, no
 * store) opens the store only when it is first needed, i.e. once 「この端末だけで使う」 was chosen.
 */
export async function startDesktop(options: DesktopOptions): Promise<Desktop> {
  const settings = readSettings(options.dir);
  const mode: ProcessMode = settings?.mode ?? (options.storeExists ? 'standalone' : 'unset');
  const probe = probeWith(options.remote);
  if (settings?.mode === 'connected') {
    const remote = createRemote({ ...options.remote, url: settings.url, fingerprint: settings.fingerprint });
    const tracked = trackSessions(remote.dispatch);
    const clock = options.clock ?? (() => new Date());
    const work = startSync({ dir: options.dir, remote, tracked, sealKey: options.sealKey, rules: options.rules ?? defaultRules, clock, probeIntervalMs: options.probeIntervalMs });
    const state: ConnectionState = { dir: options.dir, mode, settings, inner: work.dispatch, probe, offline: work };
    return {
      mode,
      dispatch: withDesktopChannels(state, options.restart),
      offline: work,
      endAll: async (reason) => {
        await Promise.all([tracked.endAll(), work.endAll(reason)]);
      },
      async close() {
        work.close();
        await remote.close();
      },
    };
  }
  let local: Promise<LocalData> | undefined;
  const opened = () => (local ??= options.openLocal());
  // A known standalone desktop opens its store at start, as it always did, so a broken store stops the start.
  if (mode === 'standalone') await opened();
  const inner: Dispatch = async (channelName, raw) => (await opened()).core.dispatch(channelName, raw);
  const state: ConnectionState = { dir: options.dir, mode, settings, inner, probe };
  return {
    mode,
    dispatch: withDesktopChannels(state, options.restart),
    async endAll(reason) {
      if (local) await (await local).core.localSessions?.endAll(reason, new Date());
    },
    async close() {
      if (local) await (await local).close();
    },
  };
}
