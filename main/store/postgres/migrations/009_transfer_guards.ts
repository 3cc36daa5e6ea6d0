import { sql, type Migration } from 'kysely';

/** Every column an instruction is written with (migration 008): none of them ever changes. */
const WRITTEN = ['id', 'request_id', 'company_id', 'content', 'created_at'];

/**
 * DESIGN-NOTES 12 in the store itself (PostgreSQL; SQLite's counterpart has the same name and meaning): no path
 * edits an instruction once written, none is deleted or truncated; an approval is never changed nor deleted.
 */
export const transferGuards: Migration = {
  async up(db) {
    const changed = WRITTEN.map((c) => `new.${c} is distinct from old.${c}`).join(' or ');
    await sql
      .raw(`create function instruction_final() returns trigger language plpgsql as $$ begin
        if tg_op = 'UPDATE' and not (${changed} or old.outcome is not null) then return new; end if;
        raise exception 'an instruction is never edited' using errcode = 'restrict_violation'; end $$`)
      .execute(db);
    await sql.raw(`create function approvals_history() returns trigger language plpgsql
      as $$ begin raise exception 'approvals are history' using errcode = 'restrict_violation'; end $$`).execute(db);
    await sql`create trigger host_instructions_final before update or delete on host_instructions
      for each row execute function instruction_final()`.execute(db);
    await sql`create trigger host_instructions_no_truncate before truncate on host_instructions
      for each statement execute function instruction_final()`.execute(db);
    await sql`create trigger transfer_approvals_no_change before update or delete on transfer_approvals
      for each row execute function approvals_history()`.execute(db);
    await sql`create trigger transfer_approvals_no_truncate before truncate on transfer_approvals
      for each statement execute function approvals_history()`.execute(db);
  },
};
