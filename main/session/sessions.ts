import { fail, ok, type Result } from '../../shared/errors';
import type { UserType } from '../../shared/contract/models';
import type { Db } from '../store/transaction';
import { newId } from './ids';

/** A logged-in user. On a desktop held in this process's memory only, never persisted (DESIGN-NOTES 4, NIST SP 800-63B §7.2). */
export type Session = {
  readonly id: string;
  readonly userId: number;
  readonly companyId: number;
  readonly loginId: string;
  /** Follows the user's record while the session lives (see `follow`), so a changed type takes effect at once. */
  userType: UserType;
  /** Initial passwords not yet changed: every channel but a few is refused (main/ipc/passwordGate.ts). */
  mustChangePasswords: boolean;
  readonly createdAt: number;
  lastSeenAt: number;
};

/** A login whose password was accepted and whose OTP or token registration is pending. */
export type Challenge = {
  readonly id: string;
  readonly userId: number;
  readonly kind: 'needsOtp' | 'needsTokenRegistration';
  readonly expiresAt: number;
};

/**
 * One submission that would complete a challenge's login: the same object through every run of that submission's
 * transaction, so a run again after a serialization failure is told what its first run was told.
 */
export type ChallengeClaim = { readonly challengeId: string };

export type EndReason = 'idle' | 'absolute' | 'revoked' | 'locked' | 'logout' | 'suspended';
export type Timeouts = { readonly idleTimeoutMs: number; readonly absoluteTimeoutMs: number; readonly challengeTtlMs: number };
export type NewSession = Omit<Session, 'id' | 'createdAt' | 'lastSeenAt'>;

/**
 * Where sessions and pending logins live: this process's memory on a standalone desktop (DESIGN-NOTES 4), a
 * table shared by every instance on a company server (main/session/storedSessions.ts). Asynchronous for the latter.
 */
export interface SessionStore {
  open(user: NewSession, now: Date): Promise<Session>;
  expiresAt(session: Session): number;
  /**
   * Resolves and touches a session; an expired one is ended and reported with its reason. `touch: false` only
   * looks (a bearer checked before its request is read: a request refused as malformed then changes nothing).
   */
  resolve(id: string, now: Date, touch?: boolean): Promise<Result<Session>>;
  end(id: string, reason: EndReason, now: Date): Promise<void>;
  /** A change to the user's record that their live sessions must follow at once. */
  follow(userId: number, change: Partial<Pick<Session, 'userType' | 'mustChangePasswords'>>): Promise<void>;
  endAllOf(userId: number, reason: EndReason, now: Date): Promise<void>;
  issueChallenge(userId: number, kind: Challenge['kind'], now: Date): Promise<Challenge>;
  /** The pending challenge of the expected kind; it stays usable for a retry until it is consumed or expires. */
  challenge(id: string, kind: Challenge['kind'], now: Date): Promise<Result<Challenge>>;
  /**
   * Spends the challenge inside `tx`, the transaction that completes its login, as that login's conditional write
   * (DESIGN-NOTES 1): true for one claim only, so submissions racing on one challenge with several valid codes
   * open one session. Called once the code is accepted, so a wrong code leaves the challenge for a retry.
   */
  consumeChallenge(tx: Db, claim: ChallengeClaim): Promise<boolean>;
}

export class MemorySessionStore implements SessionStore {
  private readonly live = new Map<string, Session>();
  /** Why a recent session ended, so the screen can say so; forgotten after the absolute timeout. */
  private readonly ended = new Map<string, { reason: EndReason; at: number }>();
  private readonly challenges = new Map<string, Challenge>();
  /** Claims that spent their challenge (consumeChallenge), forgotten with them. */
  private readonly won = new WeakSet<ChallengeClaim>();

  /** `onEnd` hears of every session that ends, whatever the reason, so what it owns (import previews) goes with it. */
  constructor(
    private readonly timeouts: Timeouts,
    private readonly onEnd: (sessionId: string) => void = () => {},
  ) {}

  async open(user: NewSession, now: Date): Promise<Session> {
    this.sweep(now.getTime());
    const session: Session = { ...user, id: newId(), createdAt: now.getTime(), lastSeenAt: now.getTime() };
    this.live.set(session.id, session);
    return session;
  }

  expiresAt(session: Session): number {
    return Math.min(session.createdAt + this.timeouts.absoluteTimeoutMs, session.lastSeenAt + this.timeouts.idleTimeoutMs);
  }

  async resolve(id: string, now: Date, touch = true): Promise<Result<Session>> {
    const t = now.getTime();
    const session = this.live.get(id);
    if (!session) {
      const ended = this.ended.get(id);
      return ended ? fail('SESSION_EXPIRED', { reason: ended.reason }) : fail('SESSION_INVALID');
    }
    if (t >= session.createdAt + this.timeouts.absoluteTimeoutMs) return this.expire(id, 'absolute', t);
    if (t >= session.lastSeenAt + this.timeouts.idleTimeoutMs) return this.expire(id, 'idle', t);
    if (touch) session.lastSeenAt = Math.max(session.lastSeenAt, t);
    return ok(session);
  }

  async end(id: string, reason: EndReason, now: Date): Promise<void> {
    this.endNow(id, reason, now);
  }

  private endNow(id: string, reason: EndReason, now: Date): void {
    if (!this.live.delete(id)) return;
    this.ended.set(id, { reason, at: now.getTime() });
    this.onEnd(id);
  }

  async follow(userId: number, change: Partial<Pick<Session, 'userType' | 'mustChangePasswords'>>): Promise<void> {
    for (const s of this.live.values()) if (s.userId === userId) Object.assign(s, change);
  }

  async endAllOf(userId: number, reason: EndReason, now: Date): Promise<void> {
    for (const s of [...this.live.values()]) if (s.userId === userId) this.endNow(s.id, reason, now);
    for (const c of [...this.challenges.values()]) if (c.userId === userId) this.challenges.delete(c.id);
  }

  /**
   * Every session and pending login of this desktop ends: the window closed, the screen locked or the machine
   * slept. Only here, never on the SessionStore interface: a company server's shared store holds every company's
   * sessions (SPEC R-SRV-3), and nothing there may end them all at once.
   */
  async endAll(reason: EndReason, now: Date): Promise<void> {
    for (const id of [...this.live.keys()]) this.endNow(id, reason, now);
    this.challenges.clear();
  }

  async issueChallenge(userId: number, kind: Challenge['kind'], now: Date): Promise<Challenge> {
    this.sweep(now.getTime());
    const challenge = { id: newId(), userId, kind, expiresAt: now.getTime() + this.timeouts.challengeTtlMs };
    this.challenges.set(challenge.id, challenge);
    return challenge;
  }

  async challenge(id: string, kind: Challenge['kind'], now: Date): Promise<Result<Challenge>> {
    const c = this.challenges.get(id);
    if (!c || c.kind !== kind || now.getTime() >= c.expiresAt) return fail('CHALLENGE_INVALID');
    return ok(c);
  }

  /**
   * In this process's memory, beside the store's transaction: taking the challenge out of the map is the
   * conditional write (one caller gets true). A run of the same claim again (PostgreSQL's retry) is answered true;
   * a transaction that throws after this has spent the challenge, and its user logs in again.
   */
  async consumeChallenge(_tx: Db, claim: ChallengeClaim): Promise<boolean> {
    if (this.won.has(claim)) return true;
    if (!this.takeChallenge(claim.challengeId)) return false;
    this.won.add(claim);
    return true;
  }

  /** Removes a pending challenge: true for the one caller that found it (the offline desk spends its own so). */
  takeChallenge(id: string): boolean {
    return this.challenges.delete(id);
  }

  private expire(id: string, reason: EndReason, t: number): Result<never> {
    if (this.live.delete(id)) this.onEnd(id);
    this.ended.set(id, { reason, at: t });
    return fail('SESSION_EXPIRED', { reason });
  }

  private sweep(t: number): void {
    for (const [id, e] of this.ended) if (t - e.at > this.timeouts.absoluteTimeoutMs) this.ended.delete(id);
    for (const [id, c] of this.challenges) if (t >= c.expiresAt) this.challenges.delete(id);
    for (const s of this.live.values()) {
      if (t >= s.createdAt + this.timeouts.absoluteTimeoutMs) this.expire(s.id, 'absolute', t);
      else if (t >= s.lastSeenAt + this.timeouts.idleTimeoutMs) this.expire(s.id, 'idle', t);
    }
  }
}
