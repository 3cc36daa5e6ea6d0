import type { StepReport } from '../../../shared/contract/syncModels';
import { ok, type Result } from '../../../shared/errors';
import type { Deps } from '../../context/deps';
import type { DesktopRegistration } from '../../store/repos/desktops';
import { appendAudit, type AuditEntry } from '../../store/repos/audit';
import type { Budget } from '../../context/budget';
import { issuedTo } from '../../store/repos/offlineBlocks';
import { countFailure, findUsersByLoginIds } from '../../store/repos/users';
import { transact, type Db } from '../../store/transaction';
import type { ReportedStep } from '../../store/repos/acceptedSteps';
import { reportOfflineSteps } from './reportSteps';
import { holdersOnDesktop, provenDesktop, type DesktopProof } from './desktop';

export type ReportInput = DesktopProof & {
  readonly used: readonly ReportedStep[];
  readonly failures: Readonly<Record<string, number>>;
  readonly serials: readonly string[];
  readonly holders: readonly string[];
};
type ReportAnswer = { reports: StepReport[]; floors: Record<string, number>; void: string[] };

/** How long after a block's end the failures checked against it may still arrive: a desktop reconnecting late. */
const FAILURE_GRACE_MS = 3_600_000;

/**
 * Failures counted offline (SPEC R-OFF-4) join the server's count of each user of the desktop's company who was
 * issued a block on this desktop (within the retention: a desktop can only check, so only count, the users whose
 * blocks it holds), with the lock at the same limit (R-OTP-3), audited as online: a row per user reported, and
 * the lock's own row. Answers the users this locked, whose sessions end after the commit. A login ID of no user
 * there, or of a user never issued a block on this desktop, is ignored: nothing counted, nothing audited, so a
 * registered desktop cannot lock any user it likes (the master included).
 */
async function countOfflineFailures(deps: Deps, desktop: DesktopRegistration, failures: ReportInput['failures'], now: Date): Promise<number[]> {
  const t = now.getTime();
  const result = await transact(deps.db, async (tx) => {
    const locked: number[] = [];
    const entries: AuditEntry[] = [];
    const loginIds = Object.keys(failures);
    if (loginIds.length === 0) return ok(locked);
    // Only a block running now, or ended within FAILURE_GRACE_MS, and not voided: after that, or after a lock,
    // revocation or removal, the desktop could check nothing for its user (no offline login without a standing
    // block), so a count it reports is not believed (issue 19 review, F1: an unlock does not let it lock again).
    const since = t - FAILURE_GRACE_MS;
    const issued = new Set((await issuedTo(tx, desktop.id, desktop.companyId, loginIds, now)).filter((b) => b.endsAt > since && !b.voided).map((b) => b.loginId));
    // At most MAX_SYNC_HOLDERS users (the contract's bound): one count each, an atomic UPDATE.
    const counted = issued.size > 0 ? await findUsersByLoginIds(tx, desktop.companyId, loginIds.filter((id) => issued.has(id))) : [];
    for (const user of counted) {
      const loginId = user.login_id;
      // No report counts more than the lock's limit: one sync cannot say more than a lock's worth of failures.
      const count = Math.min(failures[loginId]!, deps.rules.maxConsecutiveFailures);
      const after = await countFailure(tx, user.id, deps.rules.maxConsecutiveFailures, t, count);
      entries.push({ at: t, actor: null, action: 'offline.failures', target: loginId, result: 'failure', detail: { count, desktopId: desktop.id } });
      if (!after.lockedNow) continue;
      entries.push({ at: t, actor: null, action: 'user.lock', target: loginId, result: 'success', reason: 'FAILURE_LIMIT' });
      locked.push(user.id);
    }
    await appendAudit(tx, entries);
    return ok(locked);
  });
  return result.ok ? result.value : [];
}

/** Per serial of the desktop's company among `serials`: the highest step seen anywhere, the desktop's new floor (R-OFF-3). */
async function floorsOf(db: Db, companyId: number, serials: readonly string[]): Promise<Record<string, number>> {
  const unique = [...new Set(serials)];
  const floors: Record<string, number> = {};
  // In chunks: SQLite caps bound parameters per statement.
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await db.selectFrom('tokens').select(['serial', 'last_step']).where('company_id', '=', companyId).where('serial', 'in', chunk).execute();
    for (const r of rows) floors[r.serial] = r.last_step;
  }
  return floors;
}

/**
 * The holders whose blocks the desktop must drop: revoked, locked, removed, token lost, of another company, or
 * with no running block issued to this desktop (issue 19 finding 3: the answer tells nothing of a user the
 * desktop merely names).
 */
async function voidHolders(db: Db, desktop: DesktopRegistration, holders: readonly string[], now: Date): Promise<string[]> {
  const standing = new Set((await holdersOnDesktop(db, desktop, holders, now)).map((h) => h.user.login_id));
  return [...new Set(holders)].filter((loginId) => !standing.has(loginId));
}

/**
 * `sync:report-steps`, the first thing a sync sends (SPEC R-OFF-3, R-OFF-4, R-OFF-7): the steps used offline
 * (main/offline/atServer/reportSteps.ts), then the failures counted offline, then what the desktop keeps: each token's
 * floor and the blocks to drop, read after both so a lock just reached voids its block at once.
 */
export async function reportSync(deps: Deps, input: ReportInput, now: Date, budget: Budget): Promise<Result<ReportAnswer>> {
  const desktop = await provenDesktop(deps.db, input);
  if (!desktop.ok) return desktop;
  const steps = await reportOfflineSteps(deps.db, deps.rules, desktop.value, input.used, now, budget);
  if (!steps.ok) return steps;
  for (const userId of await countOfflineFailures(deps, desktop.value, input.failures, now)) await deps.sessions.endAllOf(userId, 'locked', now);
  const floors = await floorsOf(deps.db, desktop.value.companyId, [...input.serials, ...input.used.map((s) => s.serial)]);
  return ok({ reports: [...steps.value.reports], floors, void: await voidHolders(deps.db, desktop.value, input.holders, now) });
}
