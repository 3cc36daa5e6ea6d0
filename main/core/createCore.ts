import { buildApi, type Api } from '../../shared/contract';
import { defaultRules, type RulesConfig } from '../config/rules';
import { defaultKdf, type KdfParams } from '../crypto/password';
import { assertSealKey } from '../crypto/seal';
import { createDispatch, type BugLog, type Dispatch } from '../ipc/dispatch';
import { handlerTable } from '../ipc/handlerTable';
import { PreviewStore } from '../context/previews';
import { MemorySessionStore, type SessionStore, type Timeouts } from '../session/sessions';
import { MemorySetupStore, type SetupStore } from '../context/setups';
import type { Store } from '../store/open';
import type { BackupFiles, Deps } from '../context/deps';

export type CoreOptions = {
  readonly store: Store;
  readonly sealKey: Buffer;
  readonly rules?: RulesConfig;
  readonly kdf?: KdfParams;
  /** The clock is a parameter (DESIGN-NOTES 5): the shell passes the system clock, tests a controllable one. */
  readonly clock?: () => Date;
  readonly logBug?: BugLog;
  /** A company server's shared stores (PostgreSQL); a desktop keeps both in memory (DESIGN-NOTES 4). */
  readonly sessions?: (timeouts: Timeouts) => SessionStore;
  readonly setups?: SetupStore;
  readonly setupPolicy?: Deps['setupPolicy'];
  /** The shell's save dialog; without one every backup answers CANCELLED. */
  readonly backupFiles?: BackupFiles;
};

export type Core = { readonly deps: Deps; readonly dispatch: Dispatch; readonly api: Api };

const logToStderr: BugLog = (channelName, error) => {
  const e = error instanceof Error ? error : new Error(String(error));
  console.error(`[bug] ${channelName}: ${e.name}: ${e.message}\n${e.stack ?? ''}`);
};

/** The composition root of the main process: everything the shell or a test needs, without Electron. */
export function createCore(options: CoreOptions): Core {
  const rules = options.rules ?? defaultRules;
  const deps: Deps = {
    db: options.store.db,
    rules,
    sealKey: assertSealKey(options.sealKey),
    sessions: options.sessions ? options.sessions(rules.session) : new MemorySessionStore(rules.session),
    kdf: options.kdf ?? defaultKdf,
    setups: options.setups ?? new MemorySetupStore(),
    setupPolicy: options.setupPolicy ?? 'once',
    previews: new PreviewStore(),
    backupFiles: options.backupFiles ?? { chooseTarget: () => Promise.resolve(null) },
  };
  const dispatch = createDispatch(handlerTable(deps), deps, options.clock ?? (() => new Date()), options.logBug ?? logToStderr);
  return { deps, dispatch, api: buildApi(dispatch) };
}
