import { sql, type Migration } from 'kysely';

/**
 * Offline work (SPEC R-OFF-1..3, DESIGN-NOTES 10), portable DDL for both stores. `desktops` is a connected
 * desktop's registration: the SHA-256 of its random secret (32 bytes, kept in its OS keychain), so a copy of
 * the table registers nobody. `accepted_steps` keeps every step accepted per token, online or reported from
 * offline, for the blocks' lifetime: its primary key is what makes a step reported twice a detected replay,
 * since a watermark alone cannot tell a used step from a skipped one.
 */
export const offline: Migration = {
  async up(db) {
    await db.schema
      .createTable('desktops')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createTable('accepted_steps')
      .addColumn('token_id', 'integer', (c) => c.notNull().references('tokens.id'))
      .addColumn('step', 'bigint', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('online', 'offline')`))
      .addColumn('desktop_id', 'text', (c) => c.references('desktops.id'))
      .addColumn('login_id', 'text')
      .addColumn('used_at', 'bigint', (c) => c.notNull())
      .addColumn('recorded_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('accepted_steps_pk', ['token_id', 'step'])
      .execute();
  },
};
