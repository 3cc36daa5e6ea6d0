import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApi, type Api } from '../../shared/contract';
import { defaultRules, type RulesConfig } from '../config/rules';
import { defaultKdf, type KdfParams } from '../crypto/password';
import { deriveAuditKey } from '../crypto/keyedHash';
import { assertSealKey } from '../crypto/seal';
import { workerParser } from '../imports/parseInWorker';
import { createDispatch, type BugLog, type Dispatch } from '../ipc/dispatch';
import { handlerTable } from '../ipc/handlerTable';
import { PreviewStore, sessionOwner } from '../context/previews';
import { SessionStore } from '../session/sessions';
import { SetupStore } from '../context/setups';
import type { Store } from '../store/open';
import type { Deps } from '../context/deps';

export type CoreOptions = {
  readonly store: Store;
  readonly sealKey: Buffer;
  readonly rules?: RulesConfig;
  readonly kdf?: KdfParams;
  /** The clock is a parameter (DESIGN-NOTES 5): the shell passes the system clock, tests a controllable one. */
  readonly clock?: () => Date;
  readonly logBug?: BugLog;
  /** The import parse worker's entry: the shell passes the built one (out/main/parseWorker.js); else the source. */
  readonly parseWorker?: URL;
};

/** Tests, the browser-test bridge and the demo tools run from the sources. */
const sourceParseWorker = () => pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '../imports/parseWorker.ts'));

export type Core = { readonly deps: Deps; readonly dispatch: Dispatch; readonly api: Api };

const logToStderr: BugLog = (channelName, error) => {
  const e = error instanceof Error ? error : new Error(String(error));
  console.error(`[bug] ${channelName}: ${e.name}: ${e.message}\n${e.stack ?? ''}`);
};

/** The composition root of the main process: everything the shell or a test needs, without Electron. */
export function createCore(options: CoreOptions): Core {
  const rules = options.rules ?? defaultRules;
  const sealKey = assertSealKey(options.sealKey);
  const previews = new PreviewStore();
  const deps: Deps = {
    db: options.store.db,
    rules,
    sealKey,
    auditKey: deriveAuditKey(sealKey),
    // A session's import previews, with their plaintext seeds, end with it (issue 11 finding 7).
    sessions: new SessionStore(rules.session, (sessionId) => previews.dropOwner(sessionOwner(sessionId))),
    kdf: options.kdf ?? defaultKdf,
    setups: new SetupStore(),
    previews,
    parseImport: workerParser(options.parseWorker ?? sourceParseWorker()),
  };
  const dispatch = createDispatch(handlerTable(deps), deps.sessions, options.clock ?? (() => new Date()), options.logBug ?? logToStderr);
  return { deps, dispatch, api: buildApi(dispatch) };
}
