import type { RulesConfig } from '../config/rules';
import type { KdfParams } from '../crypto/password';
import type { SealKey } from '../crypto/seal';
import type { PreviewStore } from './previews';
import type { SessionStore } from '../session/sessions';
import type { SetupStore } from './setups';
import type { Db } from '../store/transaction';

/** What every service works with; built once by the composition root (main/core/createCore.ts). */
export type Deps = {
  readonly db: Db;
  readonly rules: RulesConfig;
  readonly sealKey: SealKey;
  readonly sessions: SessionStore;
  readonly kdf: KdfParams;
  /** First-run setups in progress (in memory, like sessions). */
  readonly setups: SetupStore;
  /** First-run setup: 'once' on a desktop; a company server creates 'many' companies, or only by its command ('closed'). */
  readonly setupPolicy: 'once' | 'many' | 'closed';
  /** Seed-import previews awaiting their commit, with their plaintext seeds (in memory only). */
  readonly previews: PreviewStore;
};
