import { sql, type Migration } from 'kysely';

/** The state words as they were when this was written (shared/contract/transferModels.ts TRANSFER_STATES). */
const STATES = sql`state in ('pending', 'returned', 'cancelled', 'expired', 'sending', 'accepted', 'failed')`;
const ACCOUNT_TYPE = sql`account_type in ('ordinary', 'current', 'savings')`;

/**
 * 資金移動 and 承認 (SPEC R-TRX-1..5, 8, 9; DESIGN-NOTES 12), portable DDL for both stores. IDs are UUIDv7 text,
 * made by the service, so no dialect's sequence is needed. `transfer_approvals`' key is what makes two approvals
 * come from two users, and its (token_id, step) what makes one accepted step prove one approval.
 * `host_instructions.request_id` is unique: a request has one instruction, whatever the races (R-TRX-5); its
 * content is written once with it, and only the answer columns fill in later.
 */
export const transfers: Migration = {
  async up(db) {
    await db.schema
      .createTable('debit_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
      .addColumn('bank_code', 'text', (c) => c.notNull())
      .addColumn('branch_code', 'text', (c) => c.notNull())
      .addColumn('account_type', 'text', (c) => c.notNull().check(ACCOUNT_TYPE))
      .addColumn('account_number', 'text', (c) => c.notNull())
      .addColumn('holder_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('payees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
      .addColumn('bank_code', 'text', (c) => c.notNull())
      .addColumn('branch_code', 'text', (c) => c.notNull())
      .addColumn('account_type', 'text', (c) => c.notNull().check(ACCOUNT_TYPE))
      .addColumn('account_number', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('customer_code', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('approval_rules')
      .addColumn('company_id', 'integer', (c) => c.primaryKey().references('companies.id'))
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('transaction_rights')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('transfer', 'payEasy', 'bulk')`))
      .addColumn('allows', 'text', (c) => c.notNull().check(sql`allows in ('request', 'approve')`))
      .addPrimaryKeyConstraint('transaction_rights_pk', ['user_id', 'kind', 'allows'])
      .execute();
    await db.schema
      .createTable('transfer_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
      .addColumn('requester_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('debit_account_id', 'text', (c) => c.notNull().references('debit_accounts.id'))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('transfer_date', 'text', (c) => c.notNull())
      .addColumn('approvals_needed', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(STATES))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('transfer_requests_state').on('transfer_requests').columns(['company_id', 'state']).execute();
    await db.schema
      .createTable('transfer_approvals')
      .addColumn('request_id', 'text', (c) => c.notNull().references('transfer_requests.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('token_id', 'integer', (c) => c.notNull().references('tokens.id'))
      .addColumn('step', 'bigint', (c) => c.notNull())
      .addColumn('approved_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('transfer_approvals_pk', ['request_id', 'user_id'])
      .addUniqueConstraint('transfer_approvals_step', ['token_id', 'step'])
      .execute();
    await db.schema
      .createTable('host_instructions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().unique().references('transfer_requests.id'))
      .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_attempt_at', 'bigint')
      .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('accepted', 'refused')`))
      .addColumn('receipt_no', 'text')
      .addColumn('refusal', 'text')
      .addColumn('answered_at', 'bigint')
      .execute();
    await db.schema.createIndex('host_instructions_open').on('host_instructions').columns(['outcome', 'created_at']).execute();
  },
};
