import { sql, type Migration } from 'kysely';

/**
 * The blocks the server issued (SPEC R-OFF-1..4), portable DDL for both stores: per desktop, user and token, the
 * steps a block covers and when its last step ends (`ends_at`, epoch ms). A reported step is recorded only if
 * a block issued to that desktop for that user and token covers it, and failures counted offline join only the
 * count of a user issued a block on that desktop, so a registered desktop cannot spend steps or lock users it
 * was never given. Rows are kept for the retention of accepted steps (ACCEPTED_STEP_RETENTION_MS) after their
 * last step: an older block's steps may still be unreported when a newer block is issued.
 */
export const offlineBlocks: Migration = {
  async up(db) {
    await db.schema
      .createTable('offline_blocks')
      .addColumn('desktop_id', 'text', (c) => c.notNull().references('desktops.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('token_id', 'integer', (c) => c.notNull().references('tokens.id'))
      .addColumn('first_step', 'bigint', (c) => c.notNull())
      .addColumn('last_step', 'bigint', (c) => c.notNull())
      .addColumn('ends_at', 'bigint', (c) => c.notNull())
      .addColumn('issued_at', 'bigint', (c) => c.notNull())
      // The report's look-up (desktop, user, token) is the key's prefix; a block issued twice from one step is one row.
      .addPrimaryKeyConstraint('offline_blocks_pk', ['desktop_id', 'user_id', 'token_id', 'first_step'])
      .addCheckConstraint('offline_blocks_steps', sql`last_step >= first_step`)
      .execute();
    await db.schema.createIndex('offline_blocks_ends').on('offline_blocks').columns(['desktop_id', 'ends_at']).execute();
  },
};
