import { fail, type Result } from '../../shared/errors';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import type { SealKey } from '../crypto/seal';
import { appendAudit, type AuditEntry } from '../store/repos/audit';
import { transact, type Db } from '../store/transaction';
import { confine, foreignTargets } from './confine';
import { loadSnapshot, type LoadSummary, type Snapshot } from './load';
import { readBackup } from './readBackup';

const refused = (problem: BackupProblem) => fail('BACKUP_REFUSED', { problem });

/** A check of the target under the write lock (a desktop's restore: no company yet); null lets the load go on. */
export type Precheck = (tx: Db) => Promise<BackupProblem | null>;

/**
 * Where the backup goes: `desktop`, a PC's empty store, loaded as it was; `server`, beside other companies, so
 * it writes only into its own companies (./confine.ts) and its row shows in each one's 操作履歴.
 */
export type Into = 'desktop' | 'server';

/** Which of `loginIds` name users already on this store (another company's, since the backup's clash otherwise). */
async function usersHere(tx: Db, loginIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < loginIds.length; i += 500) {
    const rows = await tx.selectFrom('users').select('login_id').where('login_id', 'in', loginIds.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.login_id);
  }
  return found;
}

/** A server's import names each company's master, so the row is in that company's 操作履歴 (a desktop's: as before). */
function restoreRows(s: Snapshot, into: Into, summary: LoadSummary, now: Date): AuditEntry[] {
  const detail = { companies: summary.companies.join(','), users: summary.users, tokens: summary.tokens, auditRows: summary.auditRows };
  const row = (target: string | null): AuditEntry => ({ at: now.getTime(), actor: null, action: 'backup.restore', target, result: 'success', detail });
  if (into === 'desktop') return [row(null)];
  const masters = s.users.filter((u) => u.user_type === 'master' && u.deleted_at === null);
  return s.companies.map((c) => row(masters.find((u) => u.company_id === c.id)?.login_id ?? null));
}

/**
 * A backup file loaded into any store (a desktop's SQLite at its first run, a company server's PostgreSQL as a
 * new company): checked and its passphrase proven in memory, then every row in one transaction with the
 * `backup.restore` row after them, under `sealKey`. A refusal writes nothing.
 */
export async function importBackup(db: Db, sealKey: SealKey, file: Buffer, passphrase: string, now: Date, into: Into, precheck?: Precheck): Promise<Result<LoadSummary>> {
  const read = await readBackup(file, passphrase, sealKey);
  if (!read.ok) return refused(read.problem);
  return transact(db, async (tx) => {
    const problem = precheck ? await precheck(tx) : null;
    if (problem) return refused(problem);
    const confined = into === 'server' ? confine(read.snapshot, await usersHere(tx, foreignTargets(read.snapshot))) : { ok: true as const, snapshot: read.snapshot };
    if (!confined.ok) return refused(confined.problem);
    const summary = await loadSnapshot(tx, confined.snapshot);
    if (!summary.ok) return summary;
    await appendAudit(tx, restoreRows(confined.snapshot, into, summary.value, now));
    return summary;
  });
}
