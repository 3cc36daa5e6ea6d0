import { ok, type Result } from '../../shared/errors';
import { recordReportedStep, type ReportedStep, type StepOutcome } from '../store/repos/acceptedSteps';
import { appendAudit, type AuditEntry } from '../store/repos/audit';
import { findTokenBySerial } from '../store/repos/tokens';
import { transact, type Db } from '../store/transaction';

export type Desktop = { readonly id: string; readonly companyId: number };

export type StepReport = ReportedStep & { readonly outcome: StepOutcome | 'unknownToken' };

/** What the desktop keeps from the answer: per serial, the highest step seen anywhere (its new floors). */
export type StepsAnswer = { readonly reports: readonly StepReport[]; readonly floors: Readonly<Record<string, number>> };

function auditOf(desktop: Desktop, r: StepReport, now: Date): AuditEntry | null {
  if (r.outcome === 'already') return null;
  const detail = { serial: r.serial, step: r.step, desktopId: desktop.id, usedAt: new Date(r.at).toISOString() };
  if (r.outcome === 'recorded') return { at: now.getTime(), actor: r.loginId, action: 'offline.step', target: r.loginId, result: 'success', detail };
  return { at: now.getTime(), actor: r.loginId, action: 'offline.step', target: r.loginId, result: 'failure', reason: r.outcome === 'replay' ? 'OFFLINE_REPLAY' : 'TOKEN_NOT_FOUND', detail };
}

/**
 * The first thing a sync sends (SPEC R-OFF-3/7): the steps this desktop accepted offline. Each is recorded
 * once; one accepted elsewhere is a detected replay, audited for the company's admins (操作履歴) and answered
 * so that the operation it proved is refused. A serial outside the desktop's company is never looked at
 * further (SPEC R-SRV-3). All in one transaction with its audit rows (DESIGN-NOTES 3).
 */
export function reportOfflineSteps(db: Db, desktop: Desktop, used: readonly ReportedStep[], now: Date): Promise<Result<StepsAnswer>> {
  return transact(db, async (tx) => {
    const reports: StepReport[] = [];
    const floors: Record<string, number> = {};
    for (const s of used) {
      const token = await findTokenBySerial(tx, s.serial);
      if (!token || token.company_id !== desktop.companyId) {
        reports.push({ ...s, outcome: 'unknownToken' });
        continue;
      }
      reports.push({ ...s, outcome: await recordReportedStep(tx, token.id, desktop.id, s, now) });
      floors[s.serial] = (await findTokenBySerial(tx, s.serial))?.last_step ?? token.last_step;
    }
    await appendAudit(tx, reports.flatMap((r) => auditOf(desktop, r, now) ?? []));
    return ok({ reports, floors });
  });
}
