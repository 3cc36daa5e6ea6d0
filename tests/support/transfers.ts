import type { TransactionRight } from '../../shared/contract/transferModels';
import type { Session } from '../../main/session/sessions';
import { approveTransfer } from '../../main/transfers/approve';
import { createTransfer } from '../../main/transfers/create';
import { loginWithOtp, nextStep, PASSWORDS, type Harness } from './harness';

/** The demo users' tokens: master and admin share one, the general user has their own. */
export const SERIALS = { kmb05871: '523405696', test12345: '523405696', ippan001: '523405697' } as const;
export type Operator = keyof typeof SERIALS;

export const ACCOUNT_ID = 'acct-demo-1';
/** A business day after the harness's start (2026-11-24, Tuesday 10:00 JST). */
export const TRANSFER_DATE = '2026-11-25';

/** A typed payee: 三菱ＵＦＪ 100, a 全銀 name typed in full-width katakana (converted). */
export const goodInput = {
  debitAccountId: ACCOUNT_ID,
  payee: { bankCode: '0005', branchCode: '100', type: 'ordinary' as const, number: '7654321', name: 'カ）ヤマダショウジ' },
  amount: 120_000,
  date: TRANSFER_DATE,
  fee: 'ours' as const,
  memo: '11月分',
};

async function companyId(h: Harness): Promise<number> {
  return (await h.store.db.selectFrom('companies').select('id').where('code', '=', 'C0001').executeTakeFirstOrThrow()).id;
}

/**
 * The company's transfer set-up, written straight to the store (its screens are a later session's): one debit
 * account, a rule of `approvers` for every amount, and the rights given.
 */
export async function setUpTransfers(h: Harness, approvers: number, rights: Partial<Record<Operator, readonly TransactionRight[]>>) {
  const db = h.store.db;
  const company = await companyId(h);
  const at = h.clock.now().getTime();
  await db
    .insertInto('debit_accounts')
    .values({ id: ACCOUNT_ID, company_id: company, bank_code: '0001', branch_code: '001', account_type: 'ordinary', account_number: '1234567', holder_name: 'ｸﾏﾓﾄｼﾖｳｼﾞ', created_at: at })
    .execute();
  await db.insertInto('approval_rules').values({ company_id: company, rule: JSON.stringify({ thresholds: [{ from: 0, approvers }] }), updated_at: at }).execute();
  for (const [loginId, allowed] of Object.entries(rights)) {
    const user = await db.selectFrom('users').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow();
    for (const allows of allowed ?? []) await db.insertInto('transaction_rights').values({ user_id: user.id, kind: 'transfer', allows }).execute();
  }
}

/** A logged-in operator's session as the services take it; the clock then moves on so their code is fresh. */
export async function sessionOf(h: Harness, loginId: Operator): Promise<Session> {
  const opened = await loginWithOtp(h, loginId, SERIALS[loginId]);
  const session = await h.core.deps.sessions.resolve(opened.sessionId, h.clock.now());
  if (!session.ok) throw new Error(`no session for ${loginId}`);
  nextStep(h);
  return session.value;
}

/** The operator's authentication password and the current code of their token. */
export async function proofOf(h: Harness, loginId: Operator) {
  return { authPassword: PASSWORDS.auth, otp: await h.codeOf(SERIALS[loginId]) };
}

export async function requestRow(h: Harness, id: string) {
  return h.store.db.selectFrom('transfer_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A request's approval rows, as the transactions that consumed each approver's step wrote them. */
export function approvalsOf(h: Harness, requestId: string) {
  return h.store.db.selectFrom('transfer_approvals').selectAll().where('request_id', '=', requestId).execute();
}

export async function instructionsOf(h: Harness, requestId: string) {
  return h.store.db.selectFrom('host_instructions').selectAll().where('request_id', '=', requestId).execute();
}

/** A request by `requester` of the good input (with the requester's proof), its ID and digest; the clock then moves on. */
export async function requested(h: Harness, requester: Session, input: Partial<typeof goodInput> = {}) {
  const result = await createTransfer(h.core.deps, requester, { ...goodInput, ...input, ...(await proofOf(h, requester.loginId as Operator)) }, h.clock.now());
  if (!result.ok) throw new Error(`request refused: ${JSON.stringify(result)}`);
  nextStep(h);
  return result.value;
}

/** An approval by `approver` of the content whose digest is given, with the approver's proof at the clock's step. */
export async function approve(h: Harness, approver: Session, request: { requestId: string; digest: string }) {
  const proof = await proofOf(h, approver.loginId as Operator);
  return approveTransfer(h.core.deps, approver, { requestId: request.requestId, digest: request.digest, ...proof }, h.clock.now());
}
