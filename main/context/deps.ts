import type { RulesConfig } from '../config/rules';
import type { AuditKey } from '../crypto/keyedHash';
import type { KdfParams } from '../crypto/password';
import type { SealKey } from '../crypto/seal';
import type { ImportParser } from '../imports/parseInWorker';
import type { PreviewStore } from './previews';
import type { SessionStore } from '../session/sessions';
import type { SetupStore } from './setups';
import type { Db } from '../store/transaction';

/** What every service works with; built once by the composition root (main/core/createCore.ts). */
export type Deps = {
  readonly db: Db;
  readonly rules: RulesConfig;
  readonly sealKey: SealKey;
  /** HKDF subkey of the seal key for keyed hashes in the audit log (main/crypto/keyedHash.ts). */
  readonly auditKey: AuditKey;
  readonly sessions: SessionStore;
  readonly kdf: KdfParams;
  /** First-run setups in progress (in memory, like sessions). */
  readonly setups: SetupStore;
  /** Seed-import previews awaiting their commit, with their plaintext seeds (in memory only). */
  readonly previews: PreviewStore;
  /** Token files are parsed in a worker thread, off the event loop (main/imports/parseInWorker.ts). */
  readonly parseImport: ImportParser;
};
