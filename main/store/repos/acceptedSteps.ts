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

/** A reported step once its token is known. */
export type TokenStep = ReportedStep & { readonly tokenId: number };

const keyOf = (s: { tokenId: number; step: number }) => `${s.tokenId}:${s.step}`;

/** Which of `steps` this very desktop recorded before (true) or someone else did (false): one query per chunk. */
async function holdersOf(db: Db, desktopId: string, steps: readonly TokenStep[]): Promise<Map<string, boolean>> {
  const held = new Map<string, boolean>();
  for (let i = 0; i < steps.length; i += CHUNK) {
    const chunk = steps.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('accepted_steps')
      .select(['token_id', 'step', 'source', 'desktop_id'])
      .where('token_id', 'in', [...new Set(chunk.map((s) => s.tokenId))])
      .where('step', 'in', [...new Set(chunk.map((s) => s.step))])
      .execute();
    for (const r of rows) held.set(keyOf({ tokenId: r.token_id, step: Number(r.step) }), r.source === 'offline' && r.desktop_id === desktopId);
  }
  return held;
}

/** Each token's last step lifted to the highest step recorded for it now (never lowered). */
async function liftLastSteps(db: Db, inserted: readonly { tokenId: number; step: number }[]): Promise<void> {
  const highest = new Map<number, number>();
  for (const s of inserted) highest.set(s.tokenId, Math.max(highest.get(s.tokenId) ?? -1, s.step));
  for (const [tokenId, step] of highest) {
    await db.updateTable('tokens').set({ last_step: step }).where('id', '=', tokenId).where('last_step', '<', step).execute();
  }
}

/**
 * Reported steps of the tokens of one report: the primary key (token_id, step) is the one authority, as the
 * conditional write is online (DESIGN-NOTES 1). A recorded step lifts its token's last step, so online
 * acceptance from then on needs a step above the highest seen anywhere: the caller passes only steps within the
 * clock's reach (main/offline/stepRule.ts). Batch inserts of CHUNK rows, one lift per token; a step named twice
 * in one report is recorded once and 'already' the second time. `stop` is checked between batches.
 */
export async function recordReportedSteps(db: Db, desktopId: string, steps: readonly TokenStep[], now: Date, stop: () => void): Promise<StepOutcome[]> {
  const first = new Map<string, number>();
  steps.forEach((s, i) => first.has(keyOf(s)) || first.set(keyOf(s), i));
  const fresh = [...first.values()].map((i) => steps[i]!);
  const inserted = new Set<string>();
  for (let i = 0; i < fresh.length; i += CHUNK) {
    stop();
    const rows = fresh.slice(i, i + CHUNK).map((s) => ({ token_id: s.tokenId, step: s.step, source: 'offline' as const, desktop_id: desktopId, login_id: s.loginId, used_at: s.at, recorded_at: now.getTime() }));
    const r = await db.insertInto('accepted_steps').values(rows).onConflict((oc) => oc.columns(['token_id', 'step']).doNothing()).returning(['token_id', 'step']).execute();
    for (const row of r) inserted.add(keyOf({ tokenId: row.token_id, step: Number(row.step) }));
  }
  const held = await holdersOf(db, desktopId, fresh.filter((s) => !inserted.has(keyOf(s))));
  await liftLastSteps(db, fresh.filter((s) => inserted.has(keyOf(s))));
  return steps.map((s, i): StepOutcome => {
    if (first.get(keyOf(s)) !== i) return 'already';
    if (inserted.has(keyOf(s))) return 'recorded';
    return held.get(keyOf(s)) ? 'already' : 'replay';
  });
}

/**
 * How long a token's accepted steps are kept (SPEC R-OFF-3): far beyond a block's 8 hours, so a desktop that
 * stayed offline for weeks still has its reported steps checked against what was used meanwhile; older ones
 * only the token's last_step remembers.
 */
export const ACCEPTED_STEP_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Drops the steps of the tokens older than the retention. Run by the sync that reports steps, never by a login: the range
 * it reads would make concurrent logins conflict under SERIALIZABLE (and a login has no use for old rows).
 */
export async function pruneAcceptedSteps(db: Db, tokenIds: readonly number[], now: Date): Promise<void> {
  if (tokenIds.length === 0) return;
  await db.deleteFrom('accepted_steps').where('token_id', 'in', [...tokenIds]).where('recorded_at', '<', now.getTime() - ACCEPTED_STEP_RETENTION_MS).execute();
}
