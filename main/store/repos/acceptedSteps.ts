import type { Db } from '../transaction';

/** A step a desktop accepted offline, as its ledger reports it (main/offline/ledger.ts). */
export type ReportedStep = { readonly serial: string; readonly step: number; readonly loginId: string; readonly at: number };

/**
 * 'already': this desktop reported this very step before (a sync retried after a cut connection);
 * 'replay': the step was accepted elsewhere, online or by another desktop (SPEC R-OFF-3).
 */
export type StepOutcome = 'recorded' | 'already' | 'replay';

/**
 * One reported step: the primary key (token_id, step) is the one authority, as the conditional write is
 * online (DESIGN-NOTES 1). A recorded step lifts the token's last step, so online acceptance from then on
 * needs a step above the highest seen anywhere.
 */
export async function recordReportedStep(db: Db, tokenId: number, desktopId: string, s: ReportedStep, now: Date): Promise<StepOutcome> {
  const row = { token_id: tokenId, step: s.step, source: 'offline' as const, desktop_id: desktopId, login_id: s.loginId, used_at: s.at, recorded_at: now.getTime() };
  const r = await db.insertInto('accepted_steps').values(row).onConflict((oc) => oc.columns(['token_id', 'step']).doNothing()).executeTakeFirst();
  if ((r.numInsertedOrUpdatedRows ?? 0n) === 0n) {
    const held = await db.selectFrom('accepted_steps').select(['source', 'desktop_id']).where('token_id', '=', tokenId).where('step', '=', s.step).executeTakeFirstOrThrow();
    return held.source === 'offline' && held.desktop_id === desktopId ? 'already' : 'replay';
  }
  await db.updateTable('tokens').set({ last_step: s.step }).where('id', '=', tokenId).where('last_step', '<', s.step).execute();
  return 'recorded';
}
