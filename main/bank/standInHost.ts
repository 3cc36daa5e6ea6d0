import { setTimeout as sleep } from 'node:timers/promises';
import type { BankHost, HostInstruction, HostReply } from './host';

/** What the stand-in booked under one instruction ID: its content as first sent, and its one answer. */
export type Booking = { readonly instruction: HostInstruction; readonly reply: { accepted: string } | { refused: string } };

export type StandInOptions = {
  /** How long the host takes to settle before it answers (ms); 0 by default. */
  readonly settleMs?: number;
  /** Debit account numbers (7 digits) the host refuses, as a closed or frozen account. */
  readonly refusedAccounts?: readonly string[];
};

/**
 * The bank's host for tests and the demo (SPEC: no real money moves anywhere). Its ledger is keyed by instruction
 * ID, so a repeat books nothing twice and gets the first answer; the same ID with another content is refused, as
 * a real idempotency key would be. `hold` keeps answers back (a host that times out) until the release is called.
 */
export class StandInHost implements BankHost {
  readonly ledger = new Map<string, Booking>();
  private held: Promise<void> | null = null;
  private sequence = 0;

  constructor(private readonly options: StandInOptions = {}) {}

  async send(instruction: HostInstruction): Promise<HostReply> {
    const booking = this.book(instruction);
    if (JSON.stringify(booking.instruction.content) !== JSON.stringify(instruction.content)) return { refused: 'ID_REUSED' };
    if (this.options.settleMs) await sleep(this.options.settleMs);
    if (this.held) await this.held;
    return booking.reply;
  }

  /** Holds every answer, booked or not yet, until the returned function is called. */
  hold(): () => void {
    let release = () => {};
    this.held = new Promise((resolve) => (release = resolve));
    return () => {
      this.held = null;
      release();
    };
  }

  /** Transfers actually booked (accepted), each once. */
  bookings(): Booking[] {
    return [...this.ledger.values()].filter((b) => 'accepted' in b.reply);
  }

  private book(instruction: HostInstruction): Booking {
    const known = this.ledger.get(instruction.id);
    if (known) return known;
    const refused = this.options.refusedAccounts?.includes(instruction.content.debit.number);
    const reply = refused ? { refused: 'ACCOUNT_REFUSED' } : { accepted: `R${String(++this.sequence).padStart(9, '0')}` };
    const booking = { instruction, reply };
    this.ledger.set(instruction.id, booking);
    return booking;
  }
}
