import type { TransferContent, TransferRequestInput } from '../../shared/contract/transferModels';
import { transferDateRefusal } from '../../shared/time/bankCalendar';
import { checkZenginText, ZENGIN_MAX } from '../../shared/zengin/chars';
import type { RulesConfig } from '../config/rules';
import { findBank, findBranch } from '../banks/search';

/** One refused field of a new request: the field's path and why (shared/errors.ts TRANSFER_INVALID). */
export type FieldProblem = { readonly field: string; readonly problem: string };

/** The debit account and the payee as the store holds them, or undefined when the company has no such one. */
export type Parties = {
  readonly debit: TransferContent['debit'] | undefined;
  readonly payee: { readonly bankCode: string; readonly branchCode: string; readonly type: TransferContent['debit']['type']; readonly number: string; readonly name: string } | undefined;
};

const DIGITS = { bankCode: 4, branchCode: 3, number: 7 } as const;

function payeeProblems(payee: NonNullable<Parties['payee']>): { name: string; problems: FieldProblem[] } {
  const malformed = (key: keyof typeof DIGITS) => !new RegExp(`^[0-9]{${DIGITS[key]}}$`).test(payee[key]);
  const problems: FieldProblem[] = (Object.keys(DIGITS) as (keyof typeof DIGITS)[]).filter(malformed).map((key) => ({ field: `payee.${key}`, problem: 'DIGITS' }));
  // The code list is asked only about well-formed codes, and about a branch only of a bank it knows.
  if (!malformed('bankCode')) {
    if (!findBank(payee.bankCode)) problems.push({ field: 'payee.bankCode', problem: 'UNKNOWN_BANK' });
    else if (!malformed('branchCode') && !findBranch(payee.bankCode, payee.branchCode)) problems.push({ field: 'payee.branchCode', problem: 'UNKNOWN_BRANCH' });
  }
  const name = checkZenginText(payee.name, ZENGIN_MAX.payeeName);
  for (const p of name.problems) problems.push({ field: 'payee.name', problem: p.kind === 'CHAR' ? `CHAR:${p.position}` : p.kind });
  return { name: name.value, problems };
}

/**
 * SPEC R-TRX-1..3: every problem of a new request at once (R-GEN-3), or its content. Pure: the parties come from
 * the store, the clock and the limits are parameters.
 */
export function checkRequest(
  input: TransferRequestInput,
  parties: Parties,
  now: Date,
  rules: RulesConfig['transfers'],
): { ok: true; content: TransferContent } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!parties.debit) problems.push({ field: 'debitAccountId', problem: 'UNKNOWN_ACCOUNT' });
  const payee = parties.payee ? payeeProblems(parties.payee) : undefined;
  if (!payee) problems.push({ field: 'payee.payeeId', problem: 'UNKNOWN_PAYEE' });
  else problems.push(...payee.problems);
  if (input.amount < 1) problems.push({ field: 'amount', problem: 'TOO_SMALL' });
  if (input.amount > rules.maxAmount) problems.push({ field: 'amount', problem: 'OVER_LIMIT' });
  const date = transferDateRefusal(input.date, now, rules);
  if (date) problems.push({ field: 'date', problem: date });
  if (problems.length > 0 || !parties.debit || !parties.payee || !payee) return { ok: false, problems };
  const { bankCode, branchCode, type, number } = parties.payee;
  return {
    ok: true,
    content: { kind: 'transfer', debit: parties.debit, payee: { bankCode, branchCode, type, number, name: payee.name }, amount: input.amount, date: input.date, fee: input.fee, memo: input.memo },
  };
}

/**
 * SPEC R-TRX-5: a request lapses (期限切れ) when its 振込指定日 can no longer be met: the day is past, or it is
 * today and past the cut-off.
 */
export function hasLapsed(date: string, now: Date, rules: RulesConfig['transfers']): boolean {
  const refusal = transferDateRefusal(date, now, rules);
  return refusal === 'PAST' || refusal === 'PAST_CUT_OFF';
}
