import type { Core } from '../core/createCore';
import type { Dispatch } from '../ipc/dispatch';
import { createRemote, type RemoteOptions } from '../remote/remoteDispatch';
import { trackSessions } from '../remote/sessions';
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
};

export type Desktop = {
  readonly mode: ProcessMode;
  readonly dispatch: Dispatch;
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
 * Chooses this process's mode from connection.json (SPEC R-SRV-1): connected runs the remote dispatch and
 * opens no store and no seal key; standalone opens the embedded store as before; a first run (no file, no
 * store) opens the store only when it is first needed, i.e. once 「この端末だけで使う」 was chosen.
 */
export async function startDesktop(options: DesktopOptions): Promise<Desktop> {
  const settings = readSettings(options.dir);
  const mode: ProcessMode = settings?.mode ?? (options.storeExists ? 'standalone' : 'unset');
  const probe = probeWith(options.remote);
  if (settings?.mode === 'connected') {
    const remote = createRemote({ ...options.remote, url: settings.url, fingerprint: settings.fingerprint });
    const tracked = trackSessions(remote.dispatch);
    const state: ConnectionState = { dir: options.dir, mode, settings, inner: tracked.dispatch, probe };
    return { mode, dispatch: withDesktopChannels(state, options.restart), endAll: () => tracked.endAll(), close: () => remote.close() };
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
      if (local) await (await local).core.deps.sessions.endAll(reason, new Date());
    },
    async close() {
      if (local) await (await local).close();
    },
  };
}
