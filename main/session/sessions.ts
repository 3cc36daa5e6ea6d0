import { fail, ok, type Result } from '../../shared/errors';
import type { UserType } from '../../shared/contract/models';
import { newId } from './ids';

/** A logged-in user. Held in this process's memory only, never persisted (DESIGN-NOTES 4, NIST SP 800-63B §7.2). */
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

type EndReason = 'idle' | 'absolute' | 'revoked' | 'locked' | 'logout' | 'suspended';
type Timeouts = { readonly idleTimeoutMs: number; readonly absoluteTimeoutMs: number; readonly challengeTtlMs: number };

export class SessionStore {
  private readonly live = new Map<string, Session>();
  /** Why a recent session ended, so the screen can say so; forgotten after the absolute timeout. */
  private readonly ended = new Map<string, { reason: EndReason; at: number }>();
  private readonly challenges = new Map<string, Challenge>();

  /** `onEnd` hears of every session that ends, whatever the reason, so what it owns (import previews) goes with it. */
  constructor(
    private readonly timeouts: Timeouts,
    private readonly onEnd: (sessionId: string) => void = () => {},
  ) {}

  open(user: Omit<Session, 'id' | 'createdAt' | 'lastSeenAt'>, now: Date): Session {
    this.sweep(now.getTime());
    const session: Session = { ...user, id: newId(), createdAt: now.getTime(), lastSeenAt: now.getTime() };
    this.live.set(session.id, session);
    return session;
  }

  expiresAt(session: Session): number {
    return Math.min(session.createdAt + this.timeouts.absoluteTimeoutMs, session.lastSeenAt + this.timeouts.idleTimeoutMs);
  }

  /** Resolves and touches a session; an expired one is ended and reported with its reason. */
  resolve(id: string, now: Date): Result<Session> {
    const t = now.getTime();
    const session = this.live.get(id);
    if (!session) {
      const ended = this.ended.get(id);
      return ended ? fail('SESSION_EXPIRED', { reason: ended.reason }) : fail('SESSION_INVALID');
    }
    if (t >= session.createdAt + this.timeouts.absoluteTimeoutMs) return this.expire(id, 'absolute', t);
    if (t >= session.lastSeenAt + this.timeouts.idleTimeoutMs) return this.expire(id, 'idle', t);
    session.lastSeenAt = Math.max(session.lastSeenAt, t);
    return ok(session);
  }

  end(id: string, reason: EndReason, now: Date): void {
    if (!this.live.delete(id)) return;
    this.ended.set(id, { reason, at: now.getTime() });
    this.onEnd(id);
  }

  /** A change to the user's record that their live sessions must follow at once. */
  follow(userId: number, change: Partial<Pick<Session, 'userType' | 'mustChangePasswords'>>): void {
    for (const s of this.live.values()) if (s.userId === userId) Object.assign(s, change);
  }

  endAllOf(userId: number, reason: EndReason, now: Date): void {
    for (const s of [...this.live.values()]) if (s.userId === userId) this.end(s.id, reason, now);
    for (const c of [...this.challenges.values()]) if (c.userId === userId) this.challenges.delete(c.id);
  }

  /** Every session and pending login ends: the window closed, the screen locked or the machine slept. */
  endAll(reason: EndReason, now: Date): void {
    for (const id of [...this.live.keys()]) this.end(id, reason, now);
    this.challenges.clear();
  }

  issueChallenge(userId: number, kind: Challenge['kind'], now: Date): Challenge {
    this.sweep(now.getTime());
    const challenge = { id: newId(), userId, kind, expiresAt: now.getTime() + this.timeouts.challengeTtlMs };
    this.challenges.set(challenge.id, challenge);
    return challenge;
  }

  /** The pending challenge of the expected kind; it stays usable for a retry until it is consumed or expires. */
  challenge(id: string, kind: Challenge['kind'], now: Date): Result<Challenge> {
    const c = this.challenges.get(id);
    if (!c || c.kind !== kind || now.getTime() >= c.expiresAt) return fail('CHALLENGE_INVALID');
    return ok(c);
  }

  consumeChallenge(id: string): void {
    this.challenges.delete(id);
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
