import type { Db } from '../transaction';
import { ACCEPTED_STEP_RETENTION_MS } from './acceptedSteps';

/** A block as the server issued it (migration 007): to one desktop, for one user and token, steps first..last. */
export type IssuedBlock = {
  readonly desktopId: string;
  readonly userId: number;
  readonly tokenId: number;
  readonly firstStep: number;
  readonly lastStep: number;
  /** The token's period in seconds: when the last step ends is what the retention counts from. */
  readonly period: number;
};

/** Blocks whose last step ended by this time are forgotten, as the accepted steps of their time are (R-OFF-3). */
const cutoffOf = (now: Date) => now.getTime() - ACCEPTED_STEP_RETENTION_MS;

/**
 * Records a block issued (SPEC R-OFF-1/2), with the block's audit row (DESIGN-NOTES 3). Older blocks of the
 * same desktop and user stay: their steps may still be unreported. A block that covers no step records nothing;
 * one issued again from the same first step keeps the wider range.
 */
export async function recordIssuedBlock(db: Db, block: IssuedBlock, now: Date): Promise<void> {
  if (block.lastStep < block.firstStep) return;
  const row = {
    desktop_id: block.desktopId,
    user_id: block.userId,
    token_id: block.tokenId,
    first_step: block.firstStep,
    last_step: block.lastStep,
    ends_at: (block.lastStep + 1) * block.period * 1000,
    issued_at: now.getTime(),
  };
  await db
    .insertInto('offline_blocks')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['desktop_id', 'user_id', 'token_id', 'first_step'])
        .doUpdateSet((eb) => ({ last_step: eb.ref('excluded.last_step'), ends_at: eb.ref('excluded.ends_at'), issued_at: eb.ref('excluded.issued_at'), voided_at: null }))
        // A voided block issued again from its first step is a new block: from this issue time, so nothing used
        // under the old one counts under it.
        .where((eb) => eb.or([eb('offline_blocks.last_step', '<', eb.ref('excluded.last_step')), eb('offline_blocks.voided_at', 'is not', null)])),
    )
    .execute();
}

/**
 * Issue 19 review F1 (SPEC R-OFF-1, DESIGN-NOTES 2): voids every block of these users, in the transaction of their
 * lock, revocation or removal. The rows stay, so a step used before the void is still spent when reported.
 */
export async function voidBlocksOf(db: Db, userIds: readonly number[], now: number): Promise<void> {
  if (userIds.length === 0) return;
  await db.updateTable('offline_blocks').set({ voided_at: now }).where('user_id', 'in', [...userIds]).where('voided_at', 'is', null).execute();
}

/**
 * A block issued to a desktop, as the report of its steps checks them: for which login ID and token, when; `voided`
 * if its user was locked, revoked or removed since (its steps are spent, answered 'blockVoid').
 */
export type IssuedRow = {
  readonly loginId: string;
  readonly tokenId: number;
  readonly first: number;
  readonly last: number;
  readonly issuedAt: number;
  readonly endsAt: number;
  readonly voided: boolean;
};

/**
 * Every block (voided ones included: their steps are still spent) within the retention issued to `desktopId` for a user of `companyId` among `loginIds` (at most
 * MAX_SYNC_HOLDERS of them: the contract bounds a report), in one query for the whole report.
 */
export async function issuedTo(db: Db, desktopId: string, companyId: number, loginIds: readonly string[], now: Date): Promise<IssuedRow[]> {
  if (loginIds.length === 0) return [];
  const rows = await db
    .selectFrom('offline_blocks as b')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .select(['u.login_id', 'b.token_id', 'b.first_step', 'b.last_step', 'b.issued_at', 'b.ends_at', 'b.voided_at'])
    .where('b.desktop_id', '=', desktopId)
    .where('u.company_id', '=', companyId)
    .where('u.login_id', 'in', [...loginIds])
    .where('b.ends_at', '>', cutoffOf(now))
    .execute();
  return rows.map((r) => ({ loginId: r.login_id, tokenId: r.token_id, first: Number(r.first_step), last: Number(r.last_step), issuedAt: Number(r.issued_at), endsAt: Number(r.ends_at), voided: r.voided_at !== null }));
}

/**
 * An online acceptance records a step up to the saved drift and the drift window ahead of the clock (11 steps
 * by default, rules.otp), and accepted steps are pruned by the time recorded: a step within this margin of the
 * cutoff may already have lost the record of its online use.
 */
const DRIFT_MARGIN_MS = 3_600_000;

/**
 * The first step a desktop may still report for a token of `period` seconds: an older one ended before the
 * retention (less the drift margin), so what was accepted in its time may be pruned and a replay of it could
 * not be told (R-OFF-3).
 */
export const oldestReportableStep = (period: number, now: Date): number => Math.ceil((cutoffOf(now) + DRIFT_MARGIN_MS) / 1000 / period);

/**
 * Drops one desktop's blocks whose last step ended more than the retention ago. Run by the report of that
 * desktop (as pruneAcceptedSteps is), never by a login; a desktop that never syncs again keeps its few rows.
 */
export async function pruneOfflineBlocks(db: Db, desktopId: string, now: Date): Promise<void> {
  await db.deleteFrom('offline_blocks').where('desktop_id', '=', desktopId).where('ends_at', '<=', cutoffOf(now)).execute();
}

/**
 * Whether the user may still be issued a block for this token, asked as writes: a no-op update of the user's row
 * (unlocked, not removed) and of its active assignment of that token. A lock, removal or revocation committed
 * since this transaction began makes it run again (PostgreSQL SERIALIZABLE: 40001), one that comes later waits
 * for it and then voids the block it recorded (SQLite: one writer at a time). Without it a lock landing while
 * the block was hashed left a block nothing voids (issue 19 review).
 */
export async function claimStanding(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const user = await db
    .updateTable('users')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', userId)
    .where('locked_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(user.numUpdatedRows) === 0) return false;
  const held = await db
    .updateTable('token_assignments')
    .set((eb) => ({ state: eb.ref('state') }))
    .where('user_id', '=', userId)
    .where('token_id', '=', tokenId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(held.numUpdatedRows) > 0;
}

/** Whether any desktop was issued a block for this user at or after `since` (one block per online login). */
export async function blockIssuedSince(db: Db, userId: number, since: number): Promise<boolean> {
  const row = await db.selectFrom('offline_blocks').select('user_id').where('user_id', '=', userId).where('issued_at', '>=', since).executeTakeFirst();
  return row !== undefined;
}

/**
 * When the block holding `step`, issued to `desktopId` for that user and token, within the retention and not
 * voided, was issued (the earliest, if blocks overlap); undefined if none holds it. A queued operation's proof must lie in one.
 */
export async function issuedAtOfStep(db: Db, desktopId: string, userId: number, tokenId: number, step: number, now: Date): Promise<number | undefined> {
  const row = await db
    .selectFrom('offline_blocks')
    .select((eb) => eb.fn.min('issued_at').as('issued_at'))
    .where('desktop_id', '=', desktopId)
    .where('user_id', '=', userId)
    .where('token_id', '=', tokenId)
    .where('first_step', '<=', step)
    .where('last_step', '>=', step)
    .where('ends_at', '>', cutoffOf(now))
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return row?.issued_at === null || row?.issued_at === undefined ? undefined : Number(row.issued_at);
}
