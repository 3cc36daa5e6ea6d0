import { sql, type Migration } from 'kysely';

/** SQLite's 003_user_lifecycle: the initial-password flags stay 0/1 integers, so both stores answer the same values. */
export const userLifecycle: Migration = {
  async up(db) {
    await sql`alter table users add column login_password_initial smallint not null default 0
      check (login_password_initial in (0, 1))`.execute(db);
    await sql`alter table users add column auth_password_initial smallint not null default 0
      check (auth_password_initial in (0, 1))`.execute(db);
    await sql`alter table users add column deleted_at bigint`.execute(db);
    await sql`create index audit_at on audit_log (at, id)`.execute(db);
  },
};
