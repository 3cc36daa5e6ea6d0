import { z } from 'zod';
import { isCalendarDate } from '../time/japan';
import { checkZenginText, ZENGIN_MAX } from '../zengin/chars';

/** SPEC R-TRX-2 at the boundary: converts what was typed, or refuses with every problem as an issue's params. */
export function zenginTextSchema(max: number) {
  return z.string().transform((input, ctx) => {
    const { value, problems } = checkZenginText(input, max);
    for (const problem of problems) ctx.addIssue({ code: 'custom', message: `zengin:${problem.kind}`, params: problem });
    return problems.length === 0 ? value : z.NEVER;
  });
}

/** SPEC R-TRX-4 Reading: none, one or two approvers. */
export const MAX_APPROVERS = 2;

/**
 * SPEC R-TRX-4: a company's approval rule, by amount bands. Each threshold applies from its amount (yen, inclusive)
 * up to the next one; the first starts at 0 so every amount has a band, and the bands ascend strictly.
 */
export const approvalRuleSchema = z
  .object({
    thresholds: z
      .array(z.object({ from: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), approvers: z.number().int().min(0).max(MAX_APPROVERS) }))
      .min(1)
      .max(10),
  })
  .refine(({ thresholds }) => thresholds[0]?.from === 0, { message: 'the first threshold starts at 0', path: ['thresholds', 0, 'from'] })
  .refine(({ thresholds }) => thresholds.every((t, i) => i === 0 || t.from > thresholds[i - 1]!.from), {
    message: 'thresholds ascend strictly',
    path: ['thresholds'],
  });
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

/** SPEC R-TRX-1: 預金種目 普通 / 当座 / 貯蓄. */
export const ACCOUNT_TYPES = ['ordinary', 'current', 'savings'] as const;

const digits = (n: number) => z.string().regex(new RegExp(`^[0-9]{${n}}$`));

/** An account's coordinates in the 全銀 code list (R-TRX-1): bank 4 digits, branch 3, number 7. */
export const accountRefSchema = z.object({
  bankCode: digits(4),
  branchCode: digits(3),
  type: z.enum(ACCOUNT_TYPES),
  number: digits(7),
});

/** SPEC R-TRX-3: 当方負担 (the company pays the fee) / 先方負担 (the payee does). */
export const FEE_PAYERS = ['ours', 'theirs'] as const;

export const TRANSFER_MEMO_MAX = 100;

/**
 * SPEC R-TRX-3/4: the content of a transfer request that an approval binds to (the kinds of R-TRX-9 whose content
 * differs, Pay-easy and 一括伝送, get their own). The amount's upper limit is the company's, checked by the service.
 */
export const transferContentSchema = z.object({
  kind: z.literal('transfer'),
  debit: accountRefSchema,
  payee: accountRefSchema.extend({ name: zenginTextSchema(ZENGIN_MAX.payeeName) }),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  date: z.string().refine(isCalendarDate, 'a YYYY-MM-DD date'),
  fee: z.enum(FEE_PAYERS),
  memo: z.string().max(TRANSFER_MEMO_MAX).default(''),
});
export type TransferContent = z.output<typeof transferContentSchema>;

/**
 * SPEC R-TRX-4/5/8: a request's states, one word list for both sides: 承認待ち, 差戻し, 取消, 期限切れ, 送信中 (the
 * instruction to the bank's host is written, its answer not yet recorded), 受付済 (the host's 受付番号), 送信失敗
 * (the host refused it). The first is the only one an approval, a return or a cancel leaves.
 */
export const TRANSFER_STATES = ['pending', 'returned', 'cancelled', 'expired', 'sending', 'accepted', 'failed'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** SPEC R-TRX-9: the kinds rights are given per, and the two rights. */
export const TRANSACTION_KINDS = ['transfer', 'payEasy', 'bulk'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];
export const TRANSACTION_RIGHTS = ['request', 'approve'] as const;
export type TransactionRight = (typeof TRANSACTION_RIGHTS)[number];

/**
 * SPEC R-TRX-3: a new request as typed. Only the shape is checked here: the service checks every field against
 * the rules and the code list, and answers every problem at once (TRANSFER_INVALID).
 */
export const transferRequestInputSchema = z.object({
  debitAccountId: z.string().min(1).max(64),
  payee: z.union([
    z.object({ payeeId: z.string().min(1).max(64) }),
    z.object({ bankCode: z.string().max(8), branchCode: z.string().max(8), type: z.enum(ACCOUNT_TYPES), number: z.string().max(16), name: z.string().max(200) }),
  ]),
  amount: z.number().int().max(Number.MAX_SAFE_INTEGER).min(-Number.MAX_SAFE_INTEGER),
  date: z.string().max(16),
  fee: z.enum(FEE_PAYERS),
  memo: z.string().max(TRANSFER_MEMO_MAX).default(''),
});
export type TransferRequestInput = z.output<typeof transferRequestInputSchema>;
