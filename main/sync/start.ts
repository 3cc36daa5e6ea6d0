import type { OfflineStatus } from '../../shared/contract/connection';
import type { RulesConfig } from '../config/rules';
import type { Dispatch } from '../ipc/dispatch';
import type { Remote } from '../remote/remoteDispatch';
import type { TrackedDispatch } from '../remote/sessions';
import type { EndReason } from '../session/sessions';
import { connectedDispatch } from './connected';
import { SyncEngine } from './engine';
import { failedOps, type FailedOps } from './failedOps';
import { OfflineFiles } from './files';
import { OfflineDesk } from './offlineDesk';

export type SyncStart = {
  readonly dir: string;
  readonly remote: Remote;
  readonly tracked: TrackedDispatch;
  readonly sealKey: (() => Buffer) | undefined;
  readonly rules: RulesConfig;
  readonly clock: () => Date;
  readonly probeIntervalMs: number | undefined;
};

export type OfflineWork = {
  readonly dispatch: Dispatch;
  readonly ops: FailedOps;
  /** Why offline work is refused on this desktop, or null when it is available. */
  readonly unavailable: string | null;
  /** This desktop's registration with its server, once made. */
  desktopId(): string | null;
  status(): OfflineStatus;
  probeNow(): Promise<void>;
  /** Resolves once no probe, block fetch or sync is under way. */
  idle(): Promise<void>;
  endAll(reason: EndReason): Promise<void>;
  close(): void;
};

function openFiles(dir: string, sealKey: (() => Buffer) | undefined): { files: OfflineFiles | null; unavailable: string | null } {
  if (!sealKey) return { files: null, unavailable: 'no seal key' };
  try {
    return { files: OfflineFiles.open(dir, sealKey()), unavailable: null };
  } catch (error) {
    return { files: null, unavailable: error instanceof Error ? error.message : String(error) };
  }
}

/** A connected desktop's offline work (SPEC R-OFF-1..8): its files, its offline authority, the link and the sync. */
export function startSync(o: SyncStart): OfflineWork {
  const { files, unavailable } = openFiles(o.dir, o.sealKey);
  const desk = new OfflineDesk(files, o.rules, o.clock);
  const engine = new SyncEngine({ remote: o.remote, desk, probeIntervalMs: o.probeIntervalMs });
  const connected = connectedDispatch(o.tracked, desk, engine);
  return {
    dispatch: connected.dispatch,
    ops: failedOps(desk, engine, connected),
    unavailable,
    desktopId: () => files?.registration?.desktopId ?? null,
    status: () => engine.status(),
    probeNow: () => engine.probeNow(),
    idle: () => engine.idle(),
    endAll: (reason) => desk.sessions.endAll(reason, o.clock()),
    close: () => engine.close(),
  };
}
