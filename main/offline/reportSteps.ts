import { ok, type Result } from '../../shared/errors';
import { pruneAcceptedSteps, recordReportedSteps, type ReportedStep, type StepOutcome } from '../store/repos/acceptedSteps';
import { appendAudit, type AuditEntry } from '../store/repos/audit';
import { activeTokenOf } from '../store/repos/assignments';
import { findTokenBySerial } from '../store/repos/tokens';
import { findUserByLoginId, nameableIn } from '../store/repos/users';
import { transact, type Db } from '../store/transaction';

export type Desktop = { readonly id: string; readonly companyId: number };

/** 'blockVoid': the user was revoked, locked or removed (or lost the token) since the block was issued. */
export type StepReport = ReportedStep & { readonly outcome: StepOutcome | 'unknownToken' | 'blockVoid' };

/** What the desktop keeps from the answer: per serial, the highest step seen anywhere (its new floors). */
export type StepsAnswer = { readonly reports: readonly StepReport[]; readonly floors: Readonly<Record<string, number>> };

const REASONS = { replay: 'OFFLINE_REPLAY', unknownToken: 'TOKEN_NOT_FOUND', blockVoid: 'OFFLINE_BLOCK_VOID' } as const;

/** A retried report ('already' at the store) was audited the first time; its answer is given again, not audited. */
function auditOf(desktop: Desktop, r: StepReport, stored: StepOutcome | 'unknownToken', who: string | null, now: Date): AuditEntry | null {
  if (stored === 'already' || r.outcome === 'already') return null;
  const detail = { serial: r.serial, step: r.step, desktopId: desktop.id, usedAt: new Date(r.at).toISOString() };
  if (r.outcome === 'recorded') return { at: now.getTime(), actor: who, action: 'offline.step', target: who, result: 'success', detail };
  return { at: now.getTime(), actor: who, action: 'offline.step', target: who, result: 'failure', reason: REASONS[r.outcome], detail };
}

/** Whether the block the step came from still stands: its user active, unlocked and holding that token. */
async function blockStands(db: Db, companyId: number, loginId: string, tokenId: number): Promise<boolean> {
  const user = await findUserByLoginId(db, loginId);
  if (!user || user.company_id !== companyId || user.deleted_at !== null || user.locked_at !== null) return false;
  return (await activeTokenOf(db, user.id))?.token.id === tokenId;
}

/**
 * The first thing a sync sends (SPEC R-OFF-3/7): the steps this desktop accepted offline. Each is recorded
 * once; one accepted elsewhere is a detected replay, audited for the company's admins (操作履歴) and answered
 * so that the operation it proved is refused. A serial outside the desktop's company is never looked at
 * further (SPEC R-SRV-3); one from the block of a user revoked, locked or removed meanwhile is spent but
 * answered 'blockVoid', so what it proved is refused. All in one transaction with its audit rows (DESIGN-NOTES 3).
 */
export function reportOfflineSteps(db: Db, desktop: Desktop, used: readonly ReportedStep[], now: Date): Promise<Result<StepsAnswer>> {
  return transact(db, async (tx) => {
    const reports: StepReport[] = new Array<StepReport>(used.length);
    const audits: AuditEntry[] = [];
    const floors: Record<string, number> = {};
    // The login ID as the desktop sent it, unless it names another company's user (SPEC R-SRV-3).
    const names = new Map<string, Promise<string | null>>();
    const answer = async (i: number, outcome: StepReport['outcome'], stored: StepOutcome | 'unknownToken') => {
      reports[i] = { ...used[i]!, outcome };
      const { loginId } = used[i]!;
      if (!names.has(loginId)) names.set(loginId, nameableIn(tx, desktop.companyId, loginId));
      const entry = auditOf(desktop, reports[i], stored, await names.get(loginId)!, now);
      if (entry) audits.push(entry);
    };
    // A sync reports hundreds of steps of a few tokens and users: recorded per token, each holder looked up once.
    const stands = new Map<string, Promise<boolean>>();
    for (const [serial, indices] of bySerial(used)) {
      const token = await findTokenBySerial(tx, serial);
      if (!token || token.company_id !== desktop.companyId) {
        for (const i of indices) await answer(i, 'unknownToken', 'unknownToken');
        continue;
      }
      // Recorded whatever else holds, so the step is spent everywhere; a void block's step proves nothing.
      await pruneAcceptedSteps(tx, token.id, now);
      const stored = await recordReportedSteps(tx, token.id, desktop.id, indices.map((i) => used[i]!), now);
      for (const [k, i] of indices.entries()) {
        const { loginId } = used[i]!;
        const holder = `${token.id}:${loginId}`;
        if (!stands.has(holder)) stands.set(holder, blockStands(tx, desktop.companyId, loginId, token.id));
        const outcome = stored[k]!;
        await answer(i, outcome === 'replay' || (await stands.get(holder)) ? outcome : 'blockVoid', outcome);
      }
      floors[serial] = (await findTokenBySerial(tx, serial))?.last_step ?? token.last_step;
    }
    await appendAudit(tx, audits);
    return ok({ reports, floors });
  });
}

/** The indices of the reported steps, per serial, in the order reported. */
function bySerial(used: readonly ReportedStep[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  used.forEach((s, i) => {
    const group = groups.get(s.serial);
    if (group) group.push(i);
    else groups.set(s.serial, [i]);
  });
  return groups;
}
