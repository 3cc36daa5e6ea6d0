import { readFileSync } from 'node:fs';
import { importBackup } from '../backup/importBackup';
import { parseArgs } from '../cli/args';
import { createCompany } from '../setup/setup';
import { openPostgresStore } from '../store/postgres/open';
import { readConfig, type ServerConfig } from './config';
import { closeOnSignals, launch } from './launch';
import { askSecrets } from './prompt';
import { readSealKey } from './sealKeySource';
import { serverCore } from './serverCore';

const USAGE = `usage:
  npm run server -- --config <file>
  npm run server -- create-company --config <file> --code <C0003> --name <会社名> --master-login-id <id> --master-name <氏名>
    (the master's login and authentication passwords are asked on the terminal)
  npm run server -- import-backup --config <file> <file.otpbackup>
    (a standalone desktop's backup becomes a new company; its passphrase is asked on the terminal)`;

function flag(flags: Map<string, string | true>, name: string): string {
  const value = flags.get(name);
  if (typeof value !== 'string') throw new Error(`missing --${name}\n${USAGE}`);
  return value;
}

/** A company and its master, as 初期設定 would make them; the master then imports the tokens from a desktop (setup.resume). */
async function createCompanyCommand(config: ServerConfig, flags: Map<string, string | true>): Promise<void> {
  const input = {
    companyCode: flag(flags, 'code'),
    companyName: flag(flags, 'name'),
    masterLoginId: flag(flags, 'master-login-id'),
    masterName: flag(flags, 'master-name'),
  };
  const [loginPassword, authPassword] = await askSecrets(["Master's login password: ", "Master's authentication password: "]);
  const store = await openPostgresStore({ connectionString: config.postgres.url, poolSize: 2 });
  try {
    const core = serverCore({ store, sealKey: readSealKey(config.sealKey), setupPolicy: 'many', logBug: (_c, e) => console.error(e) });
    const created = await createCompany(core.deps, { ...input, loginPassword: loginPassword!, authPassword: authPassword! }, new Date());
    if (!created.ok) throw new Error(`refused: ${JSON.stringify(created.error)}`);
    console.log(`company ${input.companyCode} created with master ${input.masterLoginId}; the master imports its tokens from a connected desktop (初期設定 → 再開)`);
  } finally {
    await store.close();
  }
}

/**
 * Moves a standalone desktop's company onto this server (issue 15): its backup file loaded into the server's
 * PostgreSQL as a new company, every seed under the server's seal key, no token registered again.
 */
async function importBackupCommand(config: ServerConfig, files: readonly string[]): Promise<void> {
  if (files.length !== 1) throw new Error(USAGE);
  const file = readFileSync(files[0]!);
  const sealKey = readSealKey(config.sealKey);
  const [passphrase] = await askSecrets(['Backup passphrase: ']);
  const store = await openPostgresStore({ connectionString: config.postgres.url, poolSize: 2 });
  try {
    const result = await importBackup(store.db, sealKey, file, passphrase!, new Date());
    if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.problem ?? ''}`.trim());
    const { companies, users, tokens } = result.value;
    console.log(`imported company ${companies.join(', ')}: ${users} users, ${tokens} tokens; its desktops now connect to the server (接続設定)`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const config = readConfig(flag(flags, 'config'));
  if (positional[0] === 'create-company') return createCompanyCommand(config, flags);
  if (positional[0] === 'import-backup') return importBackupCommand(config, positional.slice(1));
  if (positional.length > 0) throw new Error(USAGE);
  const running = await launch(config);
  running.app.log.info({ url: running.url }, 'listening');
  closeOnSignals(running);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
