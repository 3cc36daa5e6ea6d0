import { fail, ok, type Result } from '../../shared/errors';
import type { Db } from '../store/transaction';
import type { SessionTable } from '../store/schema';
import { newId } from './ids';
import { idHash } from './idHash';
import type { Challenge, ChallengeClaim, EndReason, NewSession, Session, SessionStore, Timeouts } from './sessions';

/** Dead rows are deleted at most this often per instance, by the next login. */
const SWEEP_EVERY_MS = 60_000;

function sessionOf(id: string, row: SessionTable): Session {
  return {
    id,
    userId: row.user_id,
    companyId: row.company_id,
    loginId: row.login_id,
    userType: row.user_type,
    mustChangePasswords: row.must_change_passwords === 1,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

/**
 * Sessions and pending logins in the store, so every instance of a company server sees them and a restart logs
 * nobody out (DESIGN-NOTES 4); the same timeouts and answers as the desktop's MemorySessionStore. Each method is
 * one or two statements outside any transaction: ending a session is a conditional write, so two instances
 * ending one session at once leave one reason.
 */
export class StoredSessionStore implements SessionStore {
  private sweptAt = 0;

  constructor(
    private readonly db: Db,
    private readonly timeouts: Timeouts,
  ) {}

  async open(user: NewSession, now: Date): Promise<Session> {
    const t = now.getTime();
    await this.sweep(t);
    const session: Session = { ...user, id: newId(), createdAt: t, lastSeenAt: t };
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: idHash(session.id),
        user_id: user.userId,
        company_id: user.companyId,
        login_id: user.loginId,
        user_type: user.userType,
        must_change_passwords: user.mustChangePasswords ? 1 : 0,
        created_at: t,
        last_seen_at: t,
        ended_reason: null,
        ended_at: null,
      })
      .execute();
    return session;
  }

  expiresAt(session: Session): number {
    return Math.min(session.createdAt + this.timeouts.absoluteTimeoutMs, session.lastSeenAt + this.timeouts.idleTimeoutMs);
  }

  async resolve(id: string, now: Date, touch = true): Promise<Result<Session>> {
    const t = now.getTime();
    const hash = idHash(id);
    const row = await this.db.selectFrom('sessions').selectAll().where('id_hash', '=', hash).executeTakeFirst();
    if (!row) return fail('SESSION_INVALID');
    if (row.ended_reason !== null) return fail('SESSION_EXPIRED', { reason: row.ended_reason });
    if (t >= row.created_at + this.timeouts.absoluteTimeoutMs) return this.expire(hash, 'absolute', t);
    if (t >= row.last_seen_at + this.timeouts.idleTimeoutMs) return this.expire(hash, 'idle', t);
    if (!touch) return ok(sessionOf(id, row));
    await this.db.updateTable('sessions').set({ last_seen_at: t }).where('id_hash', '=', hash).where('last_seen_at', '<', t).execute();
    return ok(sessionOf(id, { ...row, last_seen_at: Math.max(row.last_seen_at, t) }));
  }

  async end(id: string, reason: EndReason, now: Date): Promise<void> {
    await this.endWhere(reason, now.getTime(), 'id_hash', idHash(id));
  }

  async follow(userId: number, change: Partial<Pick<Session, 'userType' | 'mustChangePasswords'>>): Promise<void> {
    const set = {
      ...(change.userType === undefined ? {} : { user_type: change.userType }),
      ...(change.mustChangePasswords === undefined ? {} : { must_change_passwords: change.mustChangePasswords ? (1 as const) : (0 as const) }),
    };
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('sessions').set(set).where('user_id', '=', userId).where('ended_reason', 'is', null).execute();
  }

  async endAllOf(userId: number, reason: EndReason, now: Date): Promise<void> {
    await this.endWhere(reason, now.getTime(), 'user_id', userId);
    await this.db.deleteFrom('login_challenges').where('user_id', '=', userId).execute();
  }

  async issueChallenge(userId: number, kind: Challenge['kind'], now: Date): Promise<Challenge> {
    await this.sweep(now.getTime());
    const challenge = { id: newId(), userId, kind, expiresAt: now.getTime() + this.timeouts.challengeTtlMs };
    await this.db.insertInto('login_challenges').values({ id_hash: idHash(challenge.id), user_id: userId, kind, expires_at: challenge.expiresAt }).execute();
    return challenge;
  }

  async challenge(id: string, kind: Challenge['kind'], now: Date): Promise<Result<Challenge>> {
    const row = await this.db.selectFrom('login_challenges').selectAll().where('id_hash', '=', idHash(id)).executeTakeFirst();
    if (!row || row.kind !== kind || now.getTime() >= row.expires_at) return fail('CHALLENGE_INVALID');
    return ok({ id, userId: row.user_id, kind: row.kind, expiresAt: row.expires_at });
  }

  /**
   * A conditional delete inside the login's transaction: of two transactions deleting one row, the second changes
   * nothing (SQLite: after the first commits; PostgreSQL: it is aborted, runs again, and then changes nothing), and
   * its rollback undoes its code's acceptance too. A transaction that rolls back leaves the challenge in place.
   */
  async consumeChallenge(tx: Db, claim: ChallengeClaim): Promise<boolean> {
    const r = await tx.deleteFrom('login_challenges').where('id_hash', '=', idHash(claim.challengeId)).executeTakeFirst();
    return r.numDeletedRows === 1n;
  }

  private async endWhere(reason: EndReason, t: number, column: 'id_hash' | 'user_id', value: string | number): Promise<void> {
    await this.db.updateTable('sessions').set({ ended_reason: reason, ended_at: t }).where(column, '=', value).where('ended_reason', 'is', null).execute();
  }

  private async expire(hash: string, reason: EndReason, t: number): Promise<Result<never>> {
    await this.endWhere(reason, t, 'id_hash', hash);
    return fail('SESSION_EXPIRED', { reason });
  }

  /**
   * A session row is kept (with its end reason) until twice the absolute timeout after it began: by then it has
   * ended and its reason has been remembered for an absolute timeout, as in memory. Expired challenges go too.
   */
  private async sweep(t: number): Promise<void> {
    if (t - this.sweptAt < SWEEP_EVERY_MS && t >= this.sweptAt) return;
    this.sweptAt = t;
    await this.db.deleteFrom('sessions').where('created_at', '<', t - 2 * this.timeouts.absoluteTimeoutMs).execute();
    await this.db.deleteFrom('login_challenges').where('expires_at', '<=', t).execute();
  }
}
