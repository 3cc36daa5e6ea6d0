import { ok, type Result } from '../../shared/errors';
import { pruneAcceptedSteps, recordReportedSteps, type ReportedStep, type StepOutcome } from '../store/repos/acceptedSteps';
import { appendAudit, type AuditEntry } from '../store/repos/audit';
import { activeTokenOf } from '../store/repos/assignments';
import { issuedRanges, oldestReportableStep, pruneOfflineBlocks, type IssuedRange } from '../store/repos/offlineBlocks';
import { findTokenBySerial } from '../store/repos/tokens';
import { findUserByLoginId, nameableIn } from '../store/repos/users';
import { transact, type Db } from '../store/transaction';

export type Desktop = { readonly id: string; readonly companyId: number };

/**
 * 'blockVoid': the user was revoked, locked or removed (or lost the token) since the block was issued;
 * 'notIssued': no block issued to this desktop for that user and token covers the step (or it is older than the
 * retention): not recorded, so it spends nothing and proves nothing.
 */
export type StepReport = ReportedStep & { readonly outcome: StepOutcome | 'unknownToken' | 'blockVoid' | 'notIssued' };
type Unrecorded = 'unknownToken' | 'notIssued';

/** What the desktop keeps from the answer: per serial, the highest step seen anywhere (its new floors). */
export type StepsAnswer = { readonly reports: readonly StepReport[]; readonly floors: Readonly<Record<string, number>> };

const REASONS = { replay: 'OFFLINE_REPLAY', unknownToken: 'TOKEN_NOT_FOUND', blockVoid: 'OFFLINE_BLOCK_VOID', notIssued: 'OFFLINE_NOT_ISSUED' } as const;

/** A retried report ('already' at the store) was audited the first time; its answer is given again, not audited. */
function auditOf(desktop: Desktop, r: StepReport, stored: StepOutcome | Unrecorded, who: string | null, now: Date): AuditEntry | null {
  if (stored === 'already' || r.outcome === 'already') return null;
  const detail = { serial: r.serial, step: r.step, desktopId: desktop.id, usedAt: new Date(r.at).toISOString() };
  if (r.outcome === 'recorded') return { at: now.getTime(), actor: who, action: 'offline.step', target: who, result: 'success', detail };
  return { at: now.getTime(), actor: who, action: 'offline.step', target: who, result: 'failure', reason: REASONS[r.outcome], detail };
}

/** The ranges of the blocks issued to this desktop for that login ID's user (of its company) and that token. */
async function issuedTo(db: Db, desktop: Desktop, loginId: string, tokenId: number, now: Date): Promise<IssuedRange[]> {
  const user = await findUserByLoginId(db, loginId);
  if (!user || user.company_id !== desktop.companyId) return [];
  return issuedRanges(db, desktop.id, user.id, tokenId, now);
}

/** Whether the block the step came from still stands: its user active, unlocked and holding that token. */
async function blockStands(db: Db, companyId: number, loginId: string, tokenId: number): Promise<boolean> {
  const user = await findUserByLoginId(db, loginId);
  if (!user || user.company_id !== companyId || user.deleted_at !== null || user.locked_at !== null) return false;
  return (await activeTokenOf(db, user.id))?.token.id === tokenId;
}

/**
 * The first thing a sync sends (SPEC R-OFF-3/7): the steps this desktop accepted offline. Only a step of a block
 * the server issued to this desktop, for that login ID's user and that token, is looked at further: any other
 * (a step beyond the block, of a user never issued one here, of another desktop's block, or older than the
 * retention) is not recorded, lifts nothing and is answered 'notIssued', audited, so what it proved is refused.
 * Each step of an issued block is recorded once; one accepted elsewhere is a detected replay, audited for the
 * company's admins (操作履歴) and answered so that the operation it proved is refused. A serial outside the
 * desktop's company is never looked at further (SPEC R-SRV-3); one from the block of a user revoked, locked or
 * removed meanwhile is spent but answered 'blockVoid', so what it proved is refused. All in one transaction
 * with its audit rows (DESIGN-NOTES 3).
 */
export function reportOfflineSteps(db: Db, desktop: Desktop, used: readonly ReportedStep[], now: Date): Promise<Result<StepsAnswer>> {
  return transact(db, async (tx) => {
    const reports: StepReport[] = new Array<StepReport>(used.length);
    const audits: AuditEntry[] = [];
    const floors: Record<string, number> = {};
    // The login ID as the desktop sent it, unless it names another company's user (SPEC R-SRV-3).
    const names = new Map<string, Promise<string | null>>();
    const answer = async (i: number, outcome: StepReport['outcome'], stored: StepOutcome | Unrecorded) => {
      reports[i] = { ...used[i]!, outcome };
      const { loginId } = used[i]!;
      if (!names.has(loginId)) names.set(loginId, nameableIn(tx, desktop.companyId, loginId));
      const entry = auditOf(desktop, reports[i], stored, await names.get(loginId)!, now);
      if (entry) audits.push(entry);
    };
    await pruneOfflineBlocks(tx, desktop.id, now);
    // A sync reports hundreds of steps of a few tokens and users: recorded per token, each holder looked up once.
    const stands = new Map<string, Promise<boolean>>();
    for (const [serial, indices] of bySerial(used)) {
      const token = await findTokenBySerial(tx, serial);
      if (!token || token.company_id !== desktop.companyId) {
        for (const i of indices) await answer(i, 'unknownToken', 'unknownToken');
        continue;
      }
      const ranges = new Map<string, Promise<IssuedRange[]>>();
      const oldest = oldestReportableStep(token.period, now);
      // Only the steps of this desktop's blocks go further; the others are answered 'notIssued' below.
      const covered: number[] = [];
      for (const i of indices) {
        const { loginId, step } = used[i]!;
        if (!ranges.has(loginId)) ranges.set(loginId, issuedTo(tx, desktop, loginId, token.id, now));
        if (step >= oldest && (await ranges.get(loginId)!).some((r) => r.first <= step && step <= r.last)) covered.push(i);
      }
      await pruneAcceptedSteps(tx, token.id, now);
      // Recorded whatever else holds, so the step is spent everywhere; a void block's step proves nothing.
      const stored = covered.length > 0 ? await recordReportedSteps(tx, token.id, desktop.id, covered.map((i) => used[i]!), now) : [];
      const storedOf = new Map(covered.map((i, k) => [i, stored[k]!]));
      for (const i of indices) {
        const outcome = storedOf.get(i);
        if (outcome === undefined) {
          await answer(i, 'notIssued', 'notIssued');
          continue;
        }
        const { loginId } = used[i]!;
        const holder = `${token.id}:${loginId}`;
        if (!stands.has(holder)) stands.set(holder, blockStands(tx, desktop.companyId, loginId, token.id));
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
