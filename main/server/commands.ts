import { importBackup } from '../backup/importBackup';
import { createCompany } from '../setup/setup';
import { openPostgresStore } from '../store/postgres/open';
import type { Store } from '../store/store';
import type { ServerConfig } from './config';
import { assertOpensStoredSeeds, readSealKey } from './sealKeySource';
import { serverCore } from './serverCore';

/** A refusal of a server command: its message is what the operator reads (cli.ts prints it and exits 1). */
export class CommandError extends Error {}

/** A command's own small pool on the server's PostgreSQL, closed when the command ends. */
async function withStore<T>(config: ServerConfig, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openPostgresStore({ connectionString: config.postgres.url, poolSize: 2, statementTimeoutMs: config.postgres.statementTimeoutMs });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export type CompanyInput = {
  readonly companyCode: string;
  readonly companyName: string;
  readonly masterLoginId: string;
  readonly masterName: string;
  readonly loginPassword: string;
  readonly authPassword: string;
};

/** A company and its master, as 初期設定 would make them; the master then imports the tokens from a desktop (setup.resume). */
export async function createCompanyCommand(config: ServerConfig, input: CompanyInput, now = new Date()): Promise<string> {
  return withStore(config, async (store) => {
    const core = serverCore({ store, sealKey: readSealKey(config.sealKey), setupPolicy: 'many', logBug: (_c, e) => console.error(e) });
    const created = await createCompany(core.deps, input, now);
    if (!created.ok) throw new CommandError(`refused: ${JSON.stringify(created.error)}`);
    return `company ${input.companyCode} created with master ${input.masterLoginId}; the master imports its tokens from a connected desktop (初期設定 → 再開)`;
  });
}

/**
 * Moves a standalone desktop's company onto this server (issue 15): its backup file loaded into the server's
 * PostgreSQL as a new company, every seed under the server's seal key, no token registered again. The key must
 * open the seeds already stored first, or the new ones would be sealed under a wrong key.
 */
export async function importBackupCommand(config: ServerConfig, file: Buffer, passphrase: string, now = new Date()): Promise<string> {
  const sealKey = readSealKey(config.sealKey);
  return withStore(config, async (store) => {
    await assertOpensStoredSeeds(store.db, sealKey);
    const result = await importBackup(store.db, sealKey, file, passphrase, now);
    if (!result.ok) throw new CommandError(`refused: ${result.error.code} ${result.error.problem ?? ''}`.trim());
    const { companies, users, tokens } = result.value;
    return `imported company ${companies.join(', ')}: ${users} users, ${tokens} tokens; its desktops now connect to the server (接続設定)`;
  });
}
