import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApi, type Api } from '../../shared/contract';
import { defaultRules, type RulesConfig } from '../config/rules';
import { defaultKdf, type KdfParams } from '../crypto/password';
import { deriveAuditKey } from '../crypto/keyedHash';
import { assertSealKey } from '../crypto/seal';
import { workerParser } from '../imports/parseInWorker';
import type { Deadlines } from '../ipc/deadlines';
import { createDispatch, type BugLog, type Dispatch } from '../ipc/dispatch';
import { createGate, type Gate } from '../ipc/gate';
import { appLog, createLogger, type AppLog } from '../log';
import { handlerTable } from '../ipc/handlerTable';
import { PreviewStore, sessionOwner } from '../context/previews';
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
  /** The import parse worker's entry: the shell passes the built one (out/main/parseWorker.js); else the source. */
  readonly parseWorker?: URL;
  /** Each channel's deadline (main/ipc/deadlines.ts): a company server passes its configured ones. */
  readonly deadlines?: Deadlines;
};

/** Tests, the browser-test bridge and the demo tools run from the sources. */
const sourceParseWorker = () => pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '../imports/parseWorker.ts'));

export type Core = {
  readonly deps: Deps;
  readonly dispatch: Dispatch;
  /** The admission alone, for a shell that checks the bearer before it reads a large body (main/server/routes.ts). */
  readonly gate: Gate;
  readonly api: Api;
  /** A desktop's sessions, in its memory (DESIGN-NOTES 4), which its shell ends all at once; none with shared ones. */
  readonly localSessions?: MemorySessionStore;
};

/** Without a shell's log (tests, the demo tools): the shared logger on standard error, scrubbed as everywhere. */
let stderrLog: AppLog | undefined;
const logToStderr: BugLog = (channelName, error) => (stderrLog ??= appLog(createLogger(process.stderr))).bug(channelName, error);

/** The composition root of the main process: everything the shell or a test needs, without Electron. */
export function createCore(options: CoreOptions): Core {
  const rules = options.rules ?? defaultRules;
  const sealKey = assertSealKey(options.sealKey);
  const previews = new PreviewStore();
  // A session's import previews, with their plaintext seeds, end with it (issue 11 finding 7). A server's shared
  // store ends sessions in PostgreSQL: its instance-local previews go by their ten-minute timer.
  const shared = options.sessions?.(rules.session);
  const localSessions = shared ? undefined : new MemorySessionStore(rules.session, (id) => previews.dropOwner(sessionOwner(id)));
  const deps: Deps = {
    db: options.store.db,
    rules,
    sealKey,
    auditKey: deriveAuditKey(sealKey),
    sessions: shared ?? localSessions!,
    kdf: options.kdf ?? defaultKdf,
    setups: options.setups ?? new MemorySetupStore(),
    setupPolicy: options.setupPolicy ?? 'once',
    previews,
    backupFiles: options.backupFiles ?? { chooseTarget: () => Promise.resolve(null) },
    parseImport: workerParser(options.parseWorker ?? sourceParseWorker()),
  };
  const clock = options.clock ?? (() => new Date());
  const logBug = options.logBug ?? logToStderr;
  const dispatch = createDispatch(handlerTable(deps, options.deadlines), deps, clock, logBug);
  return { deps, dispatch, gate: createGate(deps, clock, logBug), api: buildApi(dispatch), ...(localSessions ? { localSessions } : {}) };
}
