import { sql, type Migration } from 'kysely';

/**
 * Offline work (SPEC R-OFF-1..3, DESIGN-NOTES 10), portable DDL for both stores. `desktops` is a connected
 * desktop's registration: the SHA-256 of its random secret (32 bytes, kept in its OS keychain), so a copy of
 * the table registers nobody. `accepted_steps` keeps every step accepted per token, online or reported from
 * offline, for the blocks' lifetime: its primary key is what makes a step reported twice a detected replay,
 * since a watermark alone cannot tell a used step from a skipped one. `offline_operations` keeps each queued
 * operation's idempotency key with its outcome (SPEC R-OFF-7): the primary key is what applies a key at most once,
 * and the row is written in the transaction of the operation's own writes (DESIGN-NOTES 3).
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
    await db.schema
      .createTable('offline_operations')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
      .addColumn('desktop_id', 'text', (c) => c.notNull().references('desktops.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('operator', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('accepted', 'refused')`))
      .addColumn('reason', 'text')
      .addColumn('login_ids', 'text')
      .addColumn('proof_token_id', 'integer')
      .addColumn('proof_step', 'bigint')
      .addColumn('queued_at', 'bigint', (c) => c.notNull())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute();
    // One offline step-up proves one applied operation: a second key with the same proof is a replay.
    await sql`create unique index offline_operations_proof on offline_operations (proof_token_id, proof_step) where outcome = 'accepted'`.execute(db);
  },
};
