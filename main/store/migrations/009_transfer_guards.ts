import { sql, type Migration } from 'kysely';

/** Every column an instruction is written with (migration 008): none of them ever changes. */
const WRITTEN = ['id', 'request_id', 'company_id', 'content', 'created_at'];

/**
 * DESIGN-NOTES 12 in the store itself (SQLite; PostgreSQL's counterpart has the same name): no path edits an
 * instruction once written. Its content columns never change, an answered one never changes at all, and none is
 * deleted; an approval, the proof that moved money, is never changed nor deleted either.
 */
export const transferGuards: Migration = {
  async up(db) {
    const changed = WRITTEN.map((c) => `new.${c} is not old.${c}`).join(' or ');
    await sql
      .raw(`create trigger host_instructions_final before update on host_instructions
        when ${changed} or old.outcome is not null
        begin select raise(abort, 'an instruction is never edited'); end`)
      .execute(db);
    await sql`create trigger host_instructions_no_delete before delete on host_instructions
      begin select raise(abort, 'an instruction is never edited'); end`.execute(db);
    await sql`create trigger transfer_approvals_no_update before update on transfer_approvals
      begin select raise(abort, 'approvals are history'); end`.execute(db);
    await sql`create trigger transfer_approvals_no_delete before delete on transfer_approvals
      begin select raise(abort, 'approvals are history'); end`.execute(db);
  },
};
