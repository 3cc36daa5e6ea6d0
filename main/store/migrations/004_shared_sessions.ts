import type { Migration } from 'kysely';

/**
 * Sessions, pending logins and setup grants of a company server, shared by all its instances (DESIGN-NOTES 4):
 * only the SHA-256 of each ID is kept, so a copy of the table logs nobody in. Portable DDL: the same
 * migration serves SQLite and PostgreSQL. A desktop creates the tables and never writes them.
 */
export const sharedSessions: Migration = {
  async up(db) {
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
      .addColumn('login_id', 'text', (c) => c.notNull())
      .addColumn('user_type', 'text', (c) => c.notNull())
      .addColumn('must_change_passwords', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_reason', 'text')
      .addColumn('ended_at', 'bigint')
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema.createIndex('sessions_created').on('sessions').column('created_at').execute();
    await db.schema
      .createTable('login_challenges')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_challenges_user').on('login_challenges').column('user_id').execute();
    await db.schema
      .createTable('setup_grants')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
      .addColumn('master_login_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
