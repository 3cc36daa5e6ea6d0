import { fail, ok, type Result } from '../../shared/errors';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import type { Deps } from '../context/deps';
import { decodeFileBase64 } from '../imports/base64';
import { appendAudit } from '../store/repos/audit';
import { anyCompanyExists } from '../store/repos/userAdmin';
import { transact } from '../store/transaction';
import { loadSnapshot } from './load';
import { readBackup } from './readBackup';

/** A backup file may be this large once decoded (an SQLite image, compressed: tens of thousands of users fit). */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

type RestoreInput = { readonly fileBase64: string; readonly passphrase: string };

const refused = (problem: BackupProblem) => fail('BACKUP_REFUSED', { problem });

/**
 * バックアップから復元, on the first run only: the file is checked and its passphrase proven in memory, then the
 * whole company is loaded under this PC's seal key in one transaction with its audit row, appended after the
 * restored log (the first row this PC writes). No session is restored: everyone logs in again. A refusal writes
 * nothing at all, not even an audit row, so the store stays empty for the next try.
 */
export async function restoreBackup(deps: Deps, input: RestoreInput, now: Date): Promise<Result<{ companies: string[]; users: number }>> {
  if (await anyCompanyExists(deps.db)) return refused('STORE_NOT_EMPTY');
  const bytes = decodeFileBase64(input.fileBase64, MAX_BACKUP_BYTES);
  if (bytes === 'FILE_TOO_LARGE') return refused('FILE_TOO_LARGE');
  if (bytes === 'MALFORMED_FILE') return refused('NOT_A_BACKUP');
  const read = await readBackup(bytes, input.passphrase, deps.sealKey);
  if (!read.ok) return refused(read.problem);
  const loaded = await transact(deps.db, async (tx) => {
    // Checked again under the write lock: a setup finished meanwhile on this store is not merged into.
    if (await anyCompanyExists(tx)) return refused('STORE_NOT_EMPTY');
    const summary = await loadSnapshot(tx, read.snapshot);
    if (!summary.ok) return summary;
    const { companies, users, tokens, auditRows } = summary.value;
    const detail = { companies: companies.join(','), users, tokens, auditRows };
    await appendAudit(tx, [{ at: now.getTime(), actor: null, action: 'backup.restore', result: 'success', detail }]);
    return summary;
  });
  if (!loaded.ok) return loaded;
  return ok({ companies: loaded.value.companies, users: loaded.value.users });
}
