import { contract } from '../../shared/contract';
import type { AppError, ErrorCode } from '../../shared/errors';
import { COMPANY_CODE_MAX, LOGIN_ID_LENGTH, NAME_MAX } from '../../shared/input/limits';
import { importBackup } from '../backup/importBackup';
import { openPostgresStore } from '../store/postgres/open';
import type { Store } from '../store/store';
import { postgresOptionsOf, type ServerConfig } from './config';
import { serverLog } from './logging';
import { assertOpensStoredSeeds, readSealKey } from './sealKeySource';
import { serverCore } from './serverCore';

/** A refusal of a server command: its message is what the operator reads (cli.ts prints it and exits 1). */
export class CommandError extends Error {}

/** A command's own small pool on the server's PostgreSQL, closed when the command ends. */
async function withStore<T>(config: ServerConfig, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openPostgresStore(postgresOptionsOf(config, 2));
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

/** The command line's names of the request's fields, for a refusal the operator can act on. */
const FLAG_OF: Record<string, string> = {
  companyCode: '--code',
  companyName: '--name',
  masterLoginId: '--master-login-id',
  masterName: '--master-name',
  loginPassword: "the master's login password",
  authPassword: "the master's authentication password",
};

function refusalText(error: AppError, input: CompanyInput): string {
  const where = FLAG_OF[error.field ?? ''] ?? error.field ?? 'the request';
  const texts: Partial<Record<ErrorCode, () => string>> = {
    VALIDATION: () =>
      `${where} is not valid (company code: up to ${COMPANY_CODE_MAX} letters or digits; login ID: ${LOGIN_ID_LENGTH.min} to ${LOGIN_ID_LENGTH.max} letters or digits; names: 1 to ${NAME_MAX} characters)`,
    PASSWORD_POLICY: () => `${where} breaks the password rules (${(error.rules ?? []).join(', ')})`,
    COMPANY_CODE_TAKEN: () => `a company with the code ${input.companyCode} exists already`,
    LOGIN_ID_TAKEN: () => `the login ID ${input.masterLoginId} is taken (login IDs are unique on the whole server)`,
  };
  return `refused: ${texts[error.code]?.() ?? error.code}`;
}

/**
 * A company and its master, as 初期設定 would make them, through the same dispatch as `setup:create` (the
 * contract's parsing: the login ID's width normalised and its pattern, the company code's, names trimmed); the
 * master then imports the tokens from a connected desktop (setup.resume).
 */
export async function createCompanyCommand(config: ServerConfig, input: CompanyInput, now = new Date()): Promise<string> {
  const sealKey = readSealKey(config.sealKey);
  return withStore(config, async (store) => {
    const { log } = serverLog(config.logLevel, process.stderr);
    const core = serverCore({ store, sealKey, setupPolicy: 'many', logBug: log.bug, clock: () => now });
    const created = await core.dispatch(contract.setup.create.name, input);
    if (!created.ok) throw new CommandError(refusalText(created.error, input));
    const made = contract.setup.create.request.parse(input);
    return `company ${made.companyCode} (${made.companyName}) created with master ${made.masterLoginId}; the master imports its tokens from a connected desktop (初期設定 → 再開)`;
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
    const result = await importBackup(store.db, sealKey, file, passphrase, now, 'server');
    if (!result.ok) throw new CommandError(`refused: ${result.error.code} ${result.error.problem ?? ''}`.trim());
    const { companies, users, tokens } = result.value;
    return `imported company ${companies.join(', ')}: ${users} users, ${tokens} tokens; its desktops now connect to the server (接続設定)`;
  });
}
