import { sql, type Migration } from 'kysely';

/**
 * Provisioning and user management: initial passwords the user must change at first login, and soft deletion
 * (a deleted user's login ID is never reused, and their audit rows keep naming them). The audit index serves
 * 操作履歴, which lists newest first within a date range.
 */
export const userLifecycle: Migration = {
  async up(db) {
    await sql`alter table users add column login_password_initial integer not null default 0
      check (login_password_initial in (0, 1))`.execute(db);
    await sql`alter table users add column auth_password_initial integer not null default 0
      check (auth_password_initial in (0, 1))`.execute(db);
    await sql`alter table users add column deleted_at integer`.execute(db);
    await sql`create index audit_at on audit_log (at, id)`.execute(db);
  },
};
