import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AuditAction } from '../../shared/contract/auditActions';
import type { TransactionKind, TransactionRight, TransferState } from '../../shared/contract/transferModels';

/** Times are epoch milliseconds (INTEGER here, BIGINT on PostgreSQL). */
type Millis = number;

export type CompanyTable = { id: Generated<number>; code: string; name: string };

export type UserTable = {
  id: Generated<number>;
  company_id: number;
  login_id: string;
  name: string;
  user_type: 'master' | 'admin' | 'general';
  login_password_hash: string;
  auth_password_hash: string;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_at: Millis | null;
  created_at: Millis;
  /** 1 while the password is the one an admin set at registration: the user must change it (migration 003). */
  login_password_initial: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>;
  auth_password_initial: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>;
  /** Soft deletion: the row stays so the login ID is never reused and the audit log keeps its meaning. */
  deleted_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
  /** SPEC R-REV-6: the admin who last set a temporary authentication password for this master, and when (migration 004). */
  auth_password_reset_by: ColumnType<string | null, string | null | undefined, string | null>;
  auth_password_reset_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
};

/** How a token computes its codes (RFC 6238), as its row holds them; the product's tokens are SHA1, 6 digits, 60 s. */
export type TokenParams = {
  readonly algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  readonly digits: 6 | 8;
  readonly period: number;
};

export type TokenTable = {
  id: Generated<number>;
  serial: string;
  /** Null until the first registration binds the token to a company (SPEC R-TOK-3). */
  company_id: number | null;
  /** AES-256-GCM sealed seed (main/crypto/seal.ts); never leaves main/otp. */
  seed_sealed: Buffer;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: 6 | 8;
  period: number;
  expires_at: Millis;
  /** Last accepted RFC 6238 time step: the single authority for replay (DESIGN-NOTES 1). */
  last_step: ColumnType<number, number | undefined, number>;
  /** Saved offset in steps between the token's clock and ours. */
  drift: ColumnType<number, number | undefined, number>;
  state: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  /** Why and when the token was disabled for everyone sharing it (SPEC R-TOK-6, migration 004). */
  disabled_reason: ColumnType<'lost' | null, 'lost' | null | undefined, 'lost' | null>;
  disabled_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
  created_at: Millis;
};

export type AssignmentTable = {
  id: Generated<number>;
  user_id: number;
  token_id: number;
  state: 'active' | 'revoked';
  assigned_at: Millis;
  revoked_at: Millis | null;
  revoked_by: number | null;
  reregistration_at: Millis | null;
};

export type AuditTable = {
  id: Generated<number>;
  at: Millis;
  actor_login_id: string | null;
  action: AuditAction;
  target_login_id: string | null;
  result: 'success' | 'failure';
  reason: string | null;
  detail: string | null;
  /** An attempt on a login ID that matches no user: HMAC-SHA256 of what was typed, never the text (migration 004). */
  typed_login_id_hmac: ColumnType<string | null, string | null | undefined, string | null>;
};

export type LoginHistoryTable = { id: Generated<number>; user_id: number; at: Millis; result: 'success' | 'failure' };

export type NoticeTable = {
  id: Generated<number>;
  company_id: number | null;
  published_at: Millis;
  ends_at: Millis;
  title: string;
  body: string;
};

export type NoticeReadTable = { notice_id: number; user_id: number; read_at: Millis };

export type PendingApprovalTable = {
  id: Generated<number>;
  company_id: number;
  approver_user_id: number;
  kind: string;
  summary: string;
  created_at: Millis;
};

/** A company server's shared session state (migration 004): IDs only as SHA-256, hex. */
export type SessionTable = {
  id_hash: string;
  user_id: number;
  company_id: number;
  login_id: string;
  user_type: 'master' | 'admin' | 'general';
  must_change_passwords: 0 | 1;
  created_at: Millis;
  last_seen_at: Millis;
  ended_reason: 'idle' | 'absolute' | 'revoked' | 'locked' | 'logout' | 'suspended' | null;
  ended_at: Millis | null;
};

export type LoginChallengeTable = { id_hash: string; user_id: number; kind: 'needsOtp' | 'needsTokenRegistration'; expires_at: Millis };

export type SetupGrantTable = { id_hash: string; company_id: number; master_login_id: string; expires_at: Millis };

/** A connected desktop's registration (migration 005): only the SHA-256 of its secret, hex. */
export type DesktopTable = { id: string; company_id: number; secret_hash: string; registered_at: Millis; revoked_at: Millis | null };

/** Every step accepted per token, online or reported from offline (migration 005); (token_id, step) is unique. */
export type AcceptedStepTable = {
  token_id: number;
  step: number;
  source: 'online' | 'offline';
  desktop_id: string | null;
  login_id: string | null;
  used_at: Millis;
  recorded_at: Millis;
};

/** A queued offline operation applied or refused (migration 006): its idempotency key, kept with its outcome. */
export type OfflineOperationTable = {
  key: string;
  company_id: number;
  desktop_id: string;
  channel: string;
  operator: string;
  outcome: 'accepted' | 'refused';
  reason: string | null;
  /** JSON array of the login IDs a refusal names, or null. */
  login_ids: string | null;
  /** The accepted step that proved it (an accepted operation's only). */
  proof_token_id: number | null;
  proof_step: number | null;
  queued_at: Millis;
  applied_at: Millis;
};

/**
 * A block the server issued (migration 007): to one desktop, for one user and token, the steps first..last; ends_at
 * is when the last step ends. What a desktop may report: steps of its blocks, failures of their users.
 */
export type OfflineBlockTable = {
  desktop_id: string;
  user_id: number;
  token_id: number;
  first_step: number;
  last_step: number;
  ends_at: Millis;
  issued_at: Millis;
  /** When the user was locked, revoked or removed since (migration 010): a voided block never stands again. */
  voided_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
};

type AccountType = 'ordinary' | 'current' | 'savings';

/** SPEC R-TRX-1 (migration 008): a company's 支払口座. */
export type DebitAccountTable = {
  id: string;
  company_id: number;
  bank_code: string;
  branch_code: string;
  account_type: AccountType;
  account_number: string;
  holder_name: string;
  created_at: Millis;
};

/** SPEC R-TRX-1: a company's registered 振込先. */
export type PayeeTable = Omit<DebitAccountTable, 'holder_name'> & { name: string; customer_code: string | null };

/** SPEC R-TRX-4: the company's approval rule, as JSON of shared/contract/transferModels.ts approvalRuleSchema. */
export type ApprovalRuleTable = { company_id: number; rule: string; updated_at: Millis };

/** SPEC R-TRX-9: one row per right a user holds for one kind. */
export type TransactionRightTable = { user_id: number; kind: TransactionKind; allows: TransactionRight };

/** SPEC R-TRX-3..5: `content` is the JSON of the TransferContent an approval's digest is computed from. */
export type TransferRequestTable = {
  id: string;
  company_id: number;
  requester_id: number;
  debit_account_id: string;
  content: string;
  amount: number;
  transfer_date: string;
  approvals_needed: number;
  state: TransferState;
  created_at: Millis;
  updated_at: Millis;
};

/** SPEC R-TRX-4: an approval, bound to the digest of the content approved and to the OTP step that proved it. */
export type TransferApprovalTable = { request_id: string; user_id: number; digest: string; token_id: number; step: number; approved_at: Millis };

/** DESIGN-NOTES 12: the instruction to the bank's host (an outbox row); only the answer columns fill in later. */
export type HostInstructionTable = {
  id: string;
  request_id: string;
  company_id: number;
  content: string;
  created_at: Millis;
  attempts: ColumnType<number, number | undefined, number>;
  last_attempt_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
  outcome: ColumnType<'accepted' | 'refused' | null, undefined, 'accepted' | 'refused'>;
  receipt_no: ColumnType<string | null, undefined, string>;
  refusal: ColumnType<string | null, undefined, string>;
  answered_at: ColumnType<Millis | null, undefined, Millis>;
};

export type Database = {
  companies: CompanyTable;
  users: UserTable;
  tokens: TokenTable;
  token_assignments: AssignmentTable;
  audit_log: AuditTable;
  login_history: LoginHistoryTable;
  notices: NoticeTable;
  notice_reads: NoticeReadTable;
  pending_approvals: PendingApprovalTable;
  sessions: SessionTable;
  login_challenges: LoginChallengeTable;
  setup_grants: SetupGrantTable;
  desktops: DesktopTable;
  accepted_steps: AcceptedStepTable;
  offline_operations: OfflineOperationTable;
  offline_blocks: OfflineBlockTable;
  debit_accounts: DebitAccountTable;
  payees: PayeeTable;
  approval_rules: ApprovalRuleTable;
  transaction_rights: TransactionRightTable;
  transfer_requests: TransferRequestTable;
  transfer_approvals: TransferApprovalTable;
  host_instructions: HostInstructionTable;
};

export type UserRecord = Selectable<UserTable>;
export type TokenRecord = Selectable<TokenTable>;
export type AssignmentRecord = Selectable<AssignmentTable>;
export type NewAudit = Insertable<AuditTable>;
export type TransferRequestRecord = Selectable<TransferRequestTable>;
export type HostInstructionRecord = Selectable<HostInstructionTable>;
