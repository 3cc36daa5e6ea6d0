import { sql } from 'kysely';
import type { RulesConfig } from '../config/rules';
import { StoredSetupStore } from '../context/storedSetups';
import { createCore, type Core } from '../core/createCore';
import { serverKdf, type KdfParams } from '../crypto/password';
import type { Deadlines } from '../ipc/deadlines';
import type { BugLog } from '../ipc/dispatch';
import { StoredSessionStore } from '../session/storedSessions';
import { postgresMigrations } from '../store/postgres/migrations';
import type { Store } from '../store/store';
import type { Deps } from '../context/deps';

export type ServerCoreOptions = {
  readonly store: Store;
  readonly sealKey: Buffer;
  readonly setupPolicy: Deps['setupPolicy'];
  readonly logBug: BugLog;
  readonly kdf?: KdfParams;
  readonly clock?: () => Date;
  readonly rules?: RulesConfig;
  readonly deadlines?: Deadlines;
};

/** The same core as the desktop's, with what a server shares through PostgreSQL: sessions, logins, setup grants. */
export function serverCore(options: ServerCoreOptions): Core {
  const { store } = options;
  return createCore({
    store,
    sealKey: options.sealKey,
    kdf: options.kdf ?? serverKdf,
    clock: options.clock,
    rules: options.rules,
    deadlines: options.deadlines,
    logBug: options.logBug,
    setupPolicy: options.setupPolicy,
    sessions: (timeouts) => new StoredSessionStore(store.db, timeouts),
    setups: new StoredSetupStore(store.db),
  });
}

/** `/readyz`: PostgreSQL answers and every migration this build knows has been applied. */
export function readiness(store: Store, migrations: Record<string, unknown> = postgresMigrations): () => Promise<boolean> {
  const expected = Object.keys(migrations);
  return async () => {
    const { rows } = await sql<{ name: string }>`select name from schema_migrations`.execute(store.db);
    const applied = new Set(rows.map((r) => r.name));
    return expected.every((name) => applied.has(name));
  };
}
