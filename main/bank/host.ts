import type { TransferContent } from '../../shared/contract/transferModels';

/**
 * SPEC R-TRX-8: the one interface through which money leaves, to the bank's host (outside this product). The
 * instruction's ID is the host's idempotency key (DESIGN-NOTES 12): sent again, it books nothing twice and answers
 * as it did the first time.
 */
export type HostInstruction = { readonly id: string; readonly content: TransferContent };

/** 受付番号 when booked; the host's reason when it refuses; `timeout` when no answer came in time (the outcome is unknown). */
export type HostReply = { readonly accepted: string } | { readonly refused: string } | { readonly timeout: true };

export interface BankHost {
  send(instruction: HostInstruction): Promise<HostReply>;
}
