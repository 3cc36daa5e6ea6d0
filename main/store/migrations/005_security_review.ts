import { sql, type Migration } from 'kysely';

/**
 * Issue 11 (security review):
 * - a token reported lost is disabled for everyone sharing it, with why and when (SPEC R-TOK-6);
 * - an admin's R-REV-6 reset of the master's authentication password is recorded on the master (who, when), so the
 *   master is told and can replace it;
 * - an attempt on a login ID that matches no user keeps only an HMAC of what was typed (it may be a password typed
 *   into the wrong field), so repeated attempts on one unknown ID can still be counted.
 */
export const securityReview: Migration = {
  async up(db) {
    await sql`alter table tokens add column disabled_reason text check (disabled_reason in ('lost'))`.execute(db);
    await sql`alter table tokens add column disabled_at integer`.execute(db);
    await sql`alter table users add column auth_password_reset_by text`.execute(db);
    await sql`alter table users add column auth_password_reset_at integer`.execute(db);
    await sql`alter table audit_log add column typed_login_id_hmac text`.execute(db);
    await sql`create index audit_typed_login_id on audit_log (typed_login_id_hmac) where typed_login_id_hmac is not null`.execute(db);
  },
};
