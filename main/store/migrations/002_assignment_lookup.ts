import { sql, type Migration } from 'kysely';

/**
 * The user list finds each user's latest assignment by (user_id, id); without this index that lookup scanned
 * every assignment per user, and listing 10,000 users took seconds (bench: users.list).
 */
export const assignmentLookup: Migration = {
  async up(db) {
    await sql`create index assignments_user_latest on token_assignments (user_id, id)`.execute(db);
  },
};
