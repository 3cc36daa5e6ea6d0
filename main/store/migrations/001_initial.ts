import { sql, type Kysely, type Migration } from 'kysely';

async function createCore(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('companies')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('login_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('user_type', 'text', (c) => c.notNull().check(sql`user_type in ('master', 'admin', 'general')`))
    .addColumn('login_password_hash', 'text', (c) => c.notNull())
    .addColumn('auth_password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`failed_attempts >= 0`))
    .addColumn('locked_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  // SPEC: exactly one master per company, enforced where no code path can forget it.
  await sql`create unique index users_one_master on users (company_id) where user_type = 'master'`.execute(db);
}

async function createTokens(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('serial', 'text', (c) => c.notNull().unique().check(sql`length(serial) between 8 and 12`))
    .addColumn('company_id', 'integer', (c) => c.references('companies.id'))
    .addColumn('seed_sealed', 'blob', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull().check(sql`algorithm in ('SHA1', 'SHA256', 'SHA512')`))
    .addColumn('digits', 'integer', (c) => c.notNull().check(sql`digits in (6, 8)`))
    .addColumn('period', 'integer', (c) => c.notNull().check(sql`period > 0`))
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('drift', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active').check(sql`state in ('active', 'disabled')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('token_assignments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('token_id', 'integer', (c) => c.notNull().references('tokens.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'revoked')`))
    .addColumn('assigned_at', 'integer', (c) => c.notNull())
    .addColumn('revoked_at', 'integer')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reregistration_at', 'integer')
    .execute();
  // SPEC R-TOK-2: at most one active token per user.
  await sql`create unique index assignments_one_active on token_assignments (user_id) where state = 'active'`.execute(db);
  await sql`create index assignments_token on token_assignments (token_id)`.execute(db);
  // DESIGN-NOTES 2: a revocation is never overwritten and no path un-revokes.
  await sql`create trigger assignments_revocation_final before update on token_assignments
    when old.state = 'revoked' begin select raise(abort, 'revocation is final'); end`.execute(db);
  await sql`create trigger assignments_no_delete before delete on token_assignments
    begin select raise(abort, 'assignments are history'); end`.execute(db);
}

async function createRecords(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('actor_login_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_login_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('success', 'failure')`))
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .execute();
  // DESIGN-NOTES 3: append-only.
  await sql`create trigger audit_no_update before update on audit_log
    begin select raise(abort, 'audit log is append-only'); end`.execute(db);
  await sql`create trigger audit_no_delete before delete on audit_log
    begin select raise(abort, 'audit log is append-only'); end`.execute(db);
  await db.schema
    .createTable('login_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('success', 'failure')`))
    .execute();
  await sql`create index login_history_user on login_history (user_id, at)`.execute(db);
}

async function createTopPage(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.references('companies.id'))
    .addColumn('published_at', 'integer', (c) => c.notNull())
    .addColumn('ends_at', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notice_reads')
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_reads_pk', ['notice_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('pending_approvals')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('approver_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
}

export const initial: Migration = {
  async up(db) {
    await createCore(db);
    await createTokens(db);
    await createRecords(db);
    await createTopPage(db);
  },
};
