import { createHash } from 'node:crypto';
import type { ApprovalRule, TransferContent } from '../../shared/contract/transferModels';

/**
 * SPEC R-TRX-4: how many approvals a request needs, and the digest an approval binds to (DESIGN-NOTES 12;
 * PSD2 dynamic linking): an approval stored with the digest of the content it approved proves that content only.
 */

/** The approvers of the band the amount falls in: the last threshold at or below it (the rule's bands ascend). */
export function approversNeeded(rule: ApprovalRule, amount: number): number {
  let needed = 0;
  for (const t of rule.thresholds) if (t.from <= amount) needed = t.approvers;
  return needed;
}

/** Names the form, so a later form (another field, another kind) can never collide with this one. */
const CANONICAL_V1 = 'otp-desktop/transfer-content/v1';

/**
 * The one canonical form of a request's content: its fields in a fixed order in a JSON array, so key order, absent
 * keys and extra keys play no part, and no two contents share a form (JSON escapes every string).
 */
export function canonicalContent(c: TransferContent): string {
  const account = (a: TransferContent['debit']) => [a.bankCode, a.branchCode, a.type, a.number];
  return JSON.stringify([CANONICAL_V1, c.kind, ...account(c.debit), ...account(c.payee), c.payee.name, c.amount, c.date, c.fee, c.memo]);
}

/** SHA-256 of the canonical form, hex. */
export function requestDigest(content: TransferContent): string {
  return createHash('sha256').update(canonicalContent(content), 'utf8').digest('hex');
}
