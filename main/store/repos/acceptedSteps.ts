import type { Db } from '../transaction';

/** A step a desktop accepted offline, as its ledger reports it (main/offline/ledger.ts). */
export type ReportedStep = { readonly serial: string; readonly step: number; readonly loginId: string; readonly at: number };

/**
 * 'already': this desktop reported this very step before (a sync retried after a cut connection);
 * 'replay': the step was accepted elsewhere, online or by another desktop (SPEC R-OFF-3).
 */
export type StepOutcome = 'recorded' | 'already' | 'replay';

/** Rows per statement: SQLite caps bound parameters (7 columns × 100 rows stays well under it). */
const CHUNK = 100;

/**
 * Reported steps of one token: the primary key (token_id, step) is the one authority, as the conditional write
 * is online (DESIGN-NOTES 1). A recorded step lifts the token's last step, so online acceptance from then on
 * needs a step above the highest seen anywhere. In batches (a 1,000-operation outbox brings 1,000 proofs); a
 * step named twice in one report is recorded once and 'already' the second time.
 */
export async function recordReportedSteps(db: Db, tokenId: number, desktopId: string, steps: readonly ReportedStep[], now: Date): Promise<StepOutcome[]> {
  const first = new Map<number, number>();
  steps.forEach((s, i) => first.has(s.step) || first.set(s.step, i));
  const fresh = [...first.values()].map((i) => steps[i]!);
  const inserted = new Set<number>();
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const rows = fresh.slice(i, i + CHUNK).map((s) => ({ token_id: tokenId, step: s.step, source: 'offline' as const, desktop_id: desktopId, login_id: s.loginId, used_at: s.at, recorded_at: now.getTime() }));
    const r = await db.insertInto('accepted_steps').values(rows).onConflict((oc) => oc.columns(['token_id', 'step']).doNothing()).returning('step').execute();
    for (const row of r) inserted.add(row.step);
  }
  const held = new Map<number, boolean>();
  const others = fresh.map((s) => s.step).filter((step) => !inserted.has(step));
  for (let i = 0; i < others.length; i += CHUNK) {
    const rows = await db.selectFrom('accepted_steps').select(['step', 'source', 'desktop_id']).where('token_id', '=', tokenId).where('step', 'in', others.slice(i, i + CHUNK)).execute();
    for (const row of rows) held.set(row.step, row.source === 'offline' && row.desktop_id === desktopId);
  }
  if (inserted.size > 0) {
    await db.updateTable('tokens').set({ last_step: Math.max(...inserted) }).where('id', '=', tokenId).where('last_step', '<', Math.max(...inserted)).execute();
  }
  return steps.map((s, i): StepOutcome => {
    if (first.get(s.step) !== i) return 'already';
    if (inserted.has(s.step)) return 'recorded';
    return held.get(s.step) ? 'already' : 'replay';
  });
}

/**
 * How long a token's accepted steps are kept (SPEC R-OFF-3): far beyond a block's 8 hours, so a desktop that
 * stayed offline for weeks still has its reported steps checked against what was used meanwhile; older ones
 * only the token's last_step remembers.
 */
export const ACCEPTED_STEP_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Drops a token's steps older than the retention. Run by the sync that reports steps, never by a login: the range
 * it reads would make concurrent logins conflict under SERIALIZABLE (and a login has no use for old rows).
 */
export async function pruneAcceptedSteps(db: Db, tokenId: number, now: Date): Promise<void> {
  await db.deleteFrom('accepted_steps').where('token_id', '=', tokenId).where('recorded_at', '<', now.getTime() - ACCEPTED_STEP_RETENTION_MS).execute();
}
