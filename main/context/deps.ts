import type { RulesConfig } from '../config/rules';
import type { AuditKey } from '../crypto/keyedHash';
import type { KdfParams } from '../crypto/password';
import type { SealKey } from '../crypto/seal';
import type { ImportParser } from '../seedFiles/importParser';
import type { PreviewStore } from './previews';
import type { SessionStore } from '../session/sessions';
import type { SetupStore } from './setups';
import type { Db } from '../store/transaction';

/** Where a backup goes (issue 15): the shell's native save dialog, a path in tests; null when the user cancels. */
export type BackupFiles = {
  readonly chooseTarget: (suggestedName: string) => Promise<string | null>;
  /** The atomic writer (main/backup/writeAtomic.ts) unless a test hands one that fails as a full disk does. */
  readonly write?: (target: string, bytes: Buffer) => Promise<void>;
};

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
  /** First-run setup: 'once' on a desktop; a company server creates 'many' companies, or only by its command ('closed'). */
  readonly setupPolicy: 'once' | 'many' | 'closed';
  /** Seed-import previews awaiting their commit, with their plaintext seeds (in memory only). */
  readonly previews: PreviewStore;
  readonly backupFiles: BackupFiles;
  /** Token files are parsed in a worker thread, off the event loop (main/imports/parseInWorker.ts). */
  readonly parseImport: ImportParser;
};
