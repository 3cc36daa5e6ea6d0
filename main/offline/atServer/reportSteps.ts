import { fail, ok, type Result } from '../../../shared/errors';
import type { RulesConfig } from '../../config/rules';
import { DeadlinePassed, type Budget } from '../../context/budget';
import { pruneAcceptedSteps, recordReportedSteps, type ReportedStep, type StepOutcome, type TokenStep } from '../../store/repos/acceptedSteps';
import { appendAudit, type AuditEntry } from '../../store/repos/audit';
import { issuedTo, oldestReportableStep, pruneOfflineBlocks, type IssuedRow } from '../../store/repos/offlineBlocks';
import { companyTokensBySerials } from '../../store/repos/tokens';
import { foreignLoginIds } from '../../store/repos/users';
import type { TokenRecord } from '../../store/schema';
import { transact, type Db } from '../../store/transaction';
import { standingHolders } from './desktop';
import { judgeStep } from '../stepRule';

export type Desktop = { readonly id: string; readonly companyId: number };

/**
 * 'blockVoid': the user was revoked, locked or removed (or lost the token) since the block was issued;
 * 'notIssued': no block issued to this desktop for that user and token covers the step, or it was used before that
 * block was issued (or it is older than the retention); 'aheadOfClock': the step is ahead of the clock at its
 * reported time, or that time is in the future (main/offline/stepRule.ts). The last three are not recorded, so
 * they spend nothing and prove nothing.
 */
export type StepReport = ReportedStep & { readonly outcome: StepOutcome | Unrecorded | 'blockVoid' };
type Unrecorded = 'unknownToken' | 'notIssued' | 'aheadOfClock';

/** What the desktop keeps from the answer: per serial, the highest step seen anywhere (its new floors). */
export type StepsAnswer = { readonly reports: readonly StepReport[]; readonly floors: Readonly<Record<string, number>> };

const REASONS = {
  replay: 'OFFLINE_REPLAY',
  unknownToken: 'TOKEN_NOT_FOUND',
  blockVoid: 'OFFLINE_BLOCK_VOID',
  notIssued: 'OFFLINE_NOT_ISSUED',
  aheadOfClock: 'OFFLINE_AHEAD_OF_CLOCK',
} as const;

/** A retried report ('already' at the store) was audited the first time; its answer is given again, not audited. */
function auditOf(desktop: Desktop, r: StepReport, stored: StepOutcome | Unrecorded, who: string | null, now: Date): AuditEntry | null {
  if (stored === 'already' || r.outcome === 'already') return null;
  const detail = { serial: r.serial, step: r.step, desktopId: desktop.id, usedAt: new Date(r.at).toISOString() };
  if (r.outcome === 'recorded') return { at: now.getTime(), actor: who, action: 'offline.step', target: who, result: 'success', detail };
  return { at: now.getTime(), actor: who, action: 'offline.step', target: who, result: 'failure', reason: REASONS[r.outcome], detail };
}

/** What the server's own records say about the whole report: read once, in a handful of set-based queries. */
type Records = {
  readonly tokens: ReadonlyMap<string, TokenRecord>;
  readonly issued: readonly IssuedRow[];
  /** `loginId:tokenId` of each user still standing with that token (active, unlocked, not removed). */
  readonly standing: ReadonlySet<string>;
  readonly foreign: ReadonlySet<string>;
};

async function recordsOf(tx: Db, desktop: Desktop, used: readonly ReportedStep[], now: Date): Promise<Records> {
  const loginIds = [...new Set(used.map((s) => s.loginId))];
  const tokens = await companyTokensBySerials(tx, desktop.companyId, [...new Set(used.map((s) => s.serial))]);
  const holders = await standingHolders(tx, desktop.companyId, loginIds);
  return {
    tokens: new Map(tokens.map((t) => [t.serial, t])),
    issued: await issuedTo(tx, desktop.id, desktop.companyId, loginIds, now),
    standing: new Set(holders.map((h) => `${h.user.login_id}:${h.token.id}`)),
    foreign: await foreignLoginIds(tx, desktop.companyId, loginIds),
  };
}

/**
 * The step as the rule judges it against the blocks issued to this desktop for that login ID and token: 'voided'
 * if only voided blocks cover it (issue 19 review F1), recorded as spent all the same but answered 'blockVoid'.
 */
function verdictOf(rules: RulesConfig, records: Records, s: ReportedStep, now: Date): Unrecorded | 'covered' | 'voided' {
  const token = records.tokens.get(s.serial);
  if (!token) return 'unknownToken';
  if (s.step < oldestReportableStep(token.period, now)) return 'notIssued';
  const spans = records.issued.filter((r) => r.loginId === s.loginId && r.tokenId === token.id);
  const verdict = judgeStep(rules, token, spans, s, now);
  if (verdict !== 'covered') return verdict;
  return judgeStep(rules, token, spans.filter((r) => !r.voided), s, now) === 'covered' ? 'covered' : 'voided';
}

/** A step a block covers is recorded as spent, voided or not (R-OFF-3). */
const spent = (v: Unrecorded | 'covered' | 'voided'): v is 'covered' | 'voided' => v === 'covered' || v === 'voided';

/**
 * The first thing a sync sends (SPEC R-OFF-3/7): the steps this desktop accepted offline. Only a step of a block
 * the server issued to this desktop, for that login ID's user and that token, used after that block was issued
 * and not ahead of the clock at its time (issue 19 finding 2), is recorded; any other is not recorded, lifts
 * nothing and is answered 'notIssued' or 'aheadOfClock', audited, so what it proved is refused. Each recorded
 * step is recorded once; one accepted elsewhere is a detected replay, audited for the company's admins (操作履歴)
 * and answered so that the operation it proved is refused. A serial outside the desktop's company is never
 * looked at further (SPEC R-SRV-3); one from the block of a user revoked, locked or removed meanwhile is spent
 * but answered 'blockVoid'. All in one transaction with its audit rows (DESIGN-NOTES 3), in set-based queries
 * whatever the number of steps; past the budget it rolls back and answers DEADLINE_PASSED (finding 6).
 */
export async function reportOfflineSteps(db: Db, rules: RulesConfig, desktop: Desktop, used: readonly ReportedStep[], now: Date, budget: Budget): Promise<Result<StepsAnswer>> {
  try {
    return await transact(db, (tx) => report(tx, rules, desktop, used, now, budget));
  } catch (error) {
    if (error instanceof DeadlinePassed) return fail('DEADLINE_PASSED');
    throw error;
  }
}

async function report(tx: Db, rules: RulesConfig, desktop: Desktop, used: readonly ReportedStep[], now: Date, budget: Budget): Promise<Result<StepsAnswer>> {
  await pruneOfflineBlocks(tx, desktop.id, now);
  const records = await recordsOf(tx, desktop, used, now);
  await pruneAcceptedSteps(tx, [...records.tokens.values()].map((t) => t.id), now);
  const verdicts = used.map((s) => verdictOf(rules, records, s, now));
  const covered = used.flatMap((s, i): (TokenStep & { i: number })[] => (spent(verdicts[i]!) ? [{ ...s, tokenId: records.tokens.get(s.serial)!.id, i }] : []));
  budget.check();
  const stored = await recordReportedSteps(tx, desktop.id, covered, now, budget.check);
  const storedOf = new Map(covered.map((c, k) => [c.i, stored[k]!]));
  const reports: StepReport[] = [];
  const audits: AuditEntry[] = [];
  used.forEach((s, i) => {
    const verdict = verdicts[i]!;
    const outcome = storedOf.get(i);
    const tokenId = records.tokens.get(s.serial)?.id;
    const standing = verdict === 'covered' && records.standing.has(`${s.loginId}:${tokenId}`);
    const voided = outcome !== undefined && outcome !== 'replay' && !standing;
    const report: StepReport = { ...s, outcome: spent(verdict) ? (voided ? 'blockVoid' : outcome!) : verdict };
    reports.push(report);
    const entry = auditOf(desktop, report, spent(verdict) ? outcome! : verdict, records.foreign.has(s.loginId) ? null : s.loginId, now);
    if (entry) audits.push(entry);
  });
  budget.check();
  await appendAudit(tx, audits);
  const after = await companyTokensBySerials(tx, desktop.companyId, [...records.tokens.keys()]);
  return ok({ reports, floors: Object.fromEntries(after.map((t) => [t.serial, t.last_step])) });
}
