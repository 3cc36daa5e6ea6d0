import { basename } from 'node:path';
import { fail, ok, type Result } from '../../shared/errors';
import type { BackupProblem } from '../../shared/contract/backupProblems';
import { jstStamp } from '../audit/csv';
import { withStepUp, type StepUpCredentials } from '../attempts/stepUp';
import { defaultKdf } from '../crypto/password';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { appendAudit, appendSuccess } from '../store/repos/audit';
import { transact } from '../store/transaction';
import { newFileKeys, sealFile } from './envelope';
import { wipe } from './keys';
import { takeSnapshot } from './snapshot';
import { writeFileAtomic } from './writeAtomic';

type CreateInput = StepUpCredentials & { readonly passphrase: string };

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** The snapshot, sealed under the passphrase, written whole under `target`, or the problem that stopped it. */
async function writeBackup(deps: Deps, target: string, passphrase: string): Promise<BackupProblem | null> {
  // A backup file is always scrypt (its format says so); a core that hashes passwords with Argon2 writes the default.
  const made = await newFileKeys(passphrase, 'N' in deps.kdf ? deps.kdf : defaultKdf);
  try {
    const file = await sealFile(await takeSnapshot(deps.db, deps.sealKey, made.keys.seeds), made);
    await (deps.backupFiles.write ?? writeFileAtomic)(target, file);
    return null;
  } catch (error) {
    const errno = (error as { code?: unknown }).code;
    if (typeof errno === 'string' && FULL.has(errno)) return 'DISK_FULL';
    if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) return 'WRITE_FAILED';
    throw error;
  } finally {
    wipe(made.keys);
  }
}

/**
 * 設定・管理 > バックアップ, the master's alone (access `master` in the contract: the file holds every seed). The save dialog comes first, so a
 * cancelled choice consumes nothing; then the step-up, whose transaction consumes the OTP and writes
 * `backup.start`, so the snapshot taken right after holds both (a code used for the backup stays used after a
 * restore, SPEC R-OTP-2). The write's outcome is `backup.create`, success or failure, kept on this PC only.
 */
export async function createBackup(deps: Deps, session: Session, input: CreateInput, now: Date): Promise<Result<{ fileName: string }>> {
  const target = await deps.backupFiles.chooseTarget(`otp-desktop-${jstStamp(now)}.otpbackup`);
  if (target === null) return fail('BACKUP_REFUSED', { problem: 'CANCELLED' });
  const fileName = basename(target);
  const operation = { action: 'backup.start' as const, targets: [session.loginId] };
  const started = await withStepUp(deps, session, input, operation, now, async (tx) => {
    await appendSuccess(tx, now, session.loginId, 'backup.start', null, { fileName });
    return ok(null);
  });
  if (!started.ok) return started;
  const problem = await writeBackup(deps, target, input.passphrase);
  const result = problem ? ('failure' as const) : ('success' as const);
  const row = { at: now.getTime(), actor: session.loginId, action: 'backup.create' as const, result, detail: { fileName } };
  await transact(deps.db, async (tx) => ok(await appendAudit(tx, [problem ? { ...row, reason: 'BACKUP_REFUSED', detail: { fileName, problem } } : row])));
  return problem ? fail('BACKUP_REFUSED', { problem }) : ok({ fileName });
}
