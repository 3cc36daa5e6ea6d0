import { readFileSync } from 'node:fs';
import { importBackup } from '../backup/importBackup';
import { openPostgresStore } from '../store/postgres/open';
import { askSecret } from './askSecret';
import { parseArgs } from './args';

const USAGE = `usage: npm run import-backup -- <file.otpbackup> --database-url postgresql://…
  the company server's seal key: 64 hex digits in OTP_SEAL_KEY; the backup's passphrase is asked on the terminal`;

/**
 * Moves a standalone desktop's company onto the company server (issue 15): its backup file loaded into the
 * server's PostgreSQL as a new company, every seed under the server's seal key, no token registered again.
 */
async function main(): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const url = flags.get('database-url');
  const sealKey = process.env.OTP_SEAL_KEY?.trim() ?? '';
  if (positional.length !== 1 || typeof url !== 'string') throw new Error(USAGE);
  if (!/^[0-9a-fA-F]{64}$/.test(sealKey)) throw new Error(`OTP_SEAL_KEY must hold 64 hex digits\n${USAGE}`);
  const file = readFileSync(positional[0]!);
  const passphrase = await askSecret('Backup passphrase: ');
  const store = await openPostgresStore({ connectionString: url, poolSize: 2 });
  try {
    const result = await importBackup(store.db, Buffer.from(sealKey, 'hex'), file, passphrase, new Date());
    if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.problem ?? ''}`.trim());
    const { companies, users, tokens } = result.value;
    console.log(`imported company ${companies.join(', ')}: ${users} users, ${tokens} tokens; its desktops now connect to the server (接続設定)`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
