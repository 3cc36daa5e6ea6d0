import { readFileSync } from 'node:fs';
import { parseArgs } from '../cli/args';
import { createCompanyCommand, importBackupCommand } from './commands';
import { readConfig, type ServerConfig } from './config';
import { closeOnSignals, launch } from './launch';
import { askSecrets } from './prompt';
import { readSealKey } from './sealKeySource';

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

async function createCompany(config: ServerConfig, flags: Map<string, string | true>): Promise<string> {
  const named = {
    companyCode: flag(flags, 'code'),
    companyName: flag(flags, 'name'),
    masterLoginId: flag(flags, 'master-login-id'),
    masterName: flag(flags, 'master-name'),
  };
  const [loginPassword, authPassword] = await askSecrets(["Master's login password: ", "Master's authentication password: "]);
  return createCompanyCommand(config, { ...named, loginPassword: loginPassword!, authPassword: authPassword! });
}

async function importBackup(config: ServerConfig, files: readonly string[]): Promise<string> {
  if (files.length !== 1) throw new Error(USAGE);
  const file = readFileSync(files[0]!);
  readSealKey(config.sealKey); // a key that cannot be read stops the command before the passphrase is asked
  const [passphrase] = await askSecrets(['Backup passphrase: ']);
  return importBackupCommand(config, file, passphrase!);
}

async function main(): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const config = readConfig(flag(flags, 'config'));
  if (positional[0] === 'create-company') return console.log(await createCompany(config, flags));
  if (positional[0] === 'import-backup') return console.log(await importBackup(config, positional.slice(1)));
  if (positional.length > 0) throw new Error(USAGE);
  const running = await launch(config);
  running.app.log.info({ url: running.url }, 'listening');
  closeOnSignals(running, config.shutdownTimeoutMs);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
