import { sql, type Migration } from 'kysely';

/** SQLite's 005_security_review (main/store/migrations/005_security_review.ts, which says why), on PostgreSQL. */
export const securityReview: Migration = {
  async up(db) {
    await sql`alter table tokens add column disabled_reason text collate "C" check (disabled_reason in ('lost'))`.execute(db);
    await sql`alter table tokens add column disabled_at bigint`.execute(db);
    await sql`alter table users add column auth_password_reset_by text collate "C"`.execute(db);
    await sql`alter table users add column auth_password_reset_at bigint`.execute(db);
    await sql`alter table audit_log add column typed_login_id_hmac text collate "C"`.execute(db);
    await sql`create index audit_typed_login_id on audit_log (typed_login_id_hmac) where typed_login_id_hmac is not null`.execute(db);
  },
};
