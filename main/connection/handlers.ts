import type { z } from 'zod';
import type { desktopContract } from '../../shared/contract/connection';
import type { ConnectionSettings, OfflineStatus } from '../../shared/contract/connection';
import type { FailedOps } from '../sync/failedOps';
import { mayUse, type UserType } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import { serverBase } from '../remote/url';
import { writeSettings } from './settingsFile';

type Channels = typeof desktopContract.connection;
type Input<K extends keyof Channels> = z.output<Channels[K]['request']>;

/** The mode this process runs in: fixed at start, apart from a first run choosing to stay standalone. */
export type ProcessMode = 'unset' | 'standalone' | 'connected';

/** Connects with the pin and answers what it met: ok, or INSECURE_URL, PIN_MISMATCH, CERT_EXPIRED, SERVER_UNREACHABLE. */
export type Probe = (url: string, fingerprint: string) => Promise<Result<object>>;

export type ConnectionState = {
  readonly dir: string;
  mode: ProcessMode;
  settings: ConnectionSettings | null;
  /** The dispatch of the running mode, to check who asks (auth:session). */
  readonly inner: Dispatch;
  readonly probe: Probe;
  /** Connected: the link and the offline work (main/sync), for connection:status and offline:*. */
  readonly offline?: { status(): OfflineStatus; readonly ops: FailedOps };
};

/**
 * Who may change where this desktop's data lives: anyone on the first run (nothing chosen, nothing stored),
 * afterwards a master or admin only, so that a passer-by cannot point the desktop at another server and
 * collect passwords there.
 */
async function mayConfigure(state: ConnectionState, sessionId: string | undefined): Promise<Result<true>> {
  if (state.mode === 'unset') return ok(true);
  if (!sessionId) return fail('SESSION_INVALID');
  const session = await state.inner('auth:session', { sessionId });
  if (!session.ok) return session;
  // The same level the renderer's menu shows 接続設定 at (renderer/src/screenAccess.ts): masters and admins.
  const { userType } = session.value as { userType: UserType };
  return mayUse('manager', userType) ? ok(true) : fail('FORBIDDEN');
}

async function tested(state: ConnectionState, url: string, fingerprint: string): Promise<Result<object>> {
  const base = serverBase(url);
  return base.ok ? state.probe(base.value.origin, fingerprint) : base;
}

export function status(state: ConnectionState) {
  const { settings, mode } = state;
  if (settings?.mode !== 'connected') return ok({ mode });
  return ok({ mode, url: settings.url, fingerprint: settings.fingerprint, ...(state.offline ? { offline: state.offline.status() } : {}) });
}

export async function test(state: ConnectionState, input: Input<'test'>): Promise<Result<object>> {
  const allowed = await mayConfigure(state, input.sessionId);
  return allowed.ok ? tested(state, input.url, input.fingerprint) : allowed;
}

/**
 * Connected settings are written only once the same test passes. Any change of mode or server restarts the app
 * (restart: true), so one process is only ever one mode: a connected process never opened a store or a seal key.
 */
export async function save(state: ConnectionState, input: Input<'save'>): Promise<Result<{ restart: boolean }>> {
  const allowed = await mayConfigure(state, input.sessionId);
  if (!allowed.ok) return allowed;
  if (input.mode === 'standalone') {
    writeSettings(state.dir, { mode: 'standalone' });
    state.settings = { mode: 'standalone' };
    if (state.mode === 'connected') return ok({ restart: true });
    state.mode = 'standalone';
    return ok({ restart: false });
  }
  if (input.url === undefined) return fail('VALIDATION', { field: 'url' });
  if (input.fingerprint === undefined) return fail('VALIDATION', { field: 'fingerprint' });
  const found = await tested(state, input.url, input.fingerprint);
  if (!found.ok) return found;
  const settings = { mode: 'connected' as const, url: new URL(input.url).origin, fingerprint: input.fingerprint };
  writeSettings(state.dir, settings);
  state.settings = settings;
  // Until the restart this process answers as what is on disk: the first-run door is shut.
  state.mode = 'connected';
  return ok({ restart: true });
}
