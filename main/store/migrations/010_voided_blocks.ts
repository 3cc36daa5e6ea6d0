import { sql, type Migration } from 'kysely';

/**
 * Issue 19 review F1 (SPEC R-OFF-1/3, DESIGN-NOTES 2), portable DDL for both stores: a block is voided
 * (`voided_at`, epoch ms) in the same transaction as its user's lock, revocation or removal, and never stands
 * again: an unlock or a re-registration brings back no block, the next online login issues a new one. The rows
 * stay, so a step used before the void is still recorded as spent (answered 'blockVoid').
 *
 * The blocks whose user is already locked or removed, or no longer holds that token active, are voided here,
 * at the store's own latest time (DESIGN-NOTES 5; the block's issue time if the log is empty).
 */
export const voidedBlocks: Migration = {
  async up(db) {
    await db.schema.alterTable('offline_blocks').addColumn('voided_at', 'bigint').execute();
    await sql`update offline_blocks set voided_at = coalesce((select max(at) from audit_log), issued_at)
      where user_id in (select id from users where locked_at is not null or deleted_at is not null)
      or not exists (select 1 from token_assignments a join tokens t on t.id = a.token_id
        where a.user_id = offline_blocks.user_id and a.token_id = offline_blocks.token_id and a.state = 'active' and t.state = 'active')`.execute(db);
  },
};
