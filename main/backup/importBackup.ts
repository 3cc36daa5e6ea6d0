import { fail, type Result } from '../../shared/errors';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import type { SealKey } from '../crypto/seal';
import { appendAudit } from '../store/repos/audit';
import { transact, type Db } from '../store/transaction';
import { loadSnapshot, type LoadSummary } from './load';
import { readBackup } from './readBackup';

const refused = (problem: BackupProblem) => fail('BACKUP_REFUSED', { problem });

/** A check of the target under the write lock (a desktop's restore: no company yet); null lets the load go on. */
export type Precheck = (tx: Db) => Promise<BackupProblem | null>;

/**
 * A backup file loaded into any store (a desktop's SQLite at its first run, a company server's PostgreSQL as a
 * new company): checked and its passphrase proven in memory, then every row in one transaction with the
 * `backup.restore` row after them, under `sealKey`. A refusal writes nothing.
 */
export async function importBackup(db: Db, sealKey: SealKey, file: Buffer, passphrase: string, now: Date, precheck?: Precheck): Promise<Result<LoadSummary>> {
  const read = await readBackup(file, passphrase, sealKey);
  if (!read.ok) return refused(read.problem);
  return transact(db, async (tx) => {
    const problem = precheck ? await precheck(tx) : null;
    if (problem) return refused(problem);
    const summary = await loadSnapshot(tx, read.snapshot);
    if (!summary.ok) return summary;
    const { companies, users, tokens, auditRows } = summary.value;
    const detail = { companies: companies.join(','), users, tokens, auditRows };
    await appendAudit(tx, [{ at: now.getTime(), actor: null, action: 'backup.restore', result: 'success', detail }]);
    return summary;
  });
}
