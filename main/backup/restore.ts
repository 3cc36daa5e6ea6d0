import { fail, ok, type Result } from '../../shared/errors';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import type { Deps } from '../context/deps';
import { decodeFileBase64 } from '../imports/base64';
import { anyCompanyExists } from '../store/repos/userAdmin';
import type { Db } from '../store/transaction';
import { importBackup } from './importBackup';

/** A backup file may be this large once decoded (an SQLite image, compressed: tens of thousands of users fit). */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

type RestoreInput = { readonly fileBase64: string; readonly passphrase: string };

const refused = (problem: BackupProblem) => fail('BACKUP_REFUSED', { problem });

// Checked again under the write lock: a setup finished meanwhile on this store is not merged into.
const emptyStore = async (tx: Db): Promise<BackupProblem | null> => ((await anyCompanyExists(tx)) ? 'STORE_NOT_EMPTY' : null);

/**
 * バックアップから復元, on the first run only: the file is checked and its passphrase proven in memory, then the
 * whole company is loaded under this PC's seal key in one transaction with its audit row, appended after the
 * restored log (the first row this PC writes). No session is restored: everyone logs in again. A refusal writes
 * nothing at all, not even an audit row, so the store stays empty for the next try.
 */
export async function restoreBackup(deps: Deps, input: RestoreInput, now: Date): Promise<Result<{ companies: string[]; users: number }>> {
  if (await emptyStore(deps.db)) return refused('STORE_NOT_EMPTY');
  const bytes = decodeFileBase64(input.fileBase64, MAX_BACKUP_BYTES);
  if (bytes === 'FILE_TOO_LARGE') return refused('FILE_TOO_LARGE');
  if (bytes === 'MALFORMED_FILE') return refused('NOT_A_BACKUP');
  const loaded = await importBackup(deps.db, deps.sealKey, bytes, input.passphrase, now, 'desktop', emptyStore);
  if (!loaded.ok) return loaded;
  return ok({ companies: loaded.value.companies, users: loaded.value.users });
}
