import { ok, type Result } from '../../shared/errors';
import type { RequestOf } from '../../shared/contract';
import { authPasswordResetOf } from '../account/passwords';
import type { TopPage } from '../../shared/contract/models';
import type { Deps } from '../context/deps';
import type { Session } from '../session/sessions';
import { activeTokenOf } from '../store/repos/assignments';
import { findUserById } from '../store/repos/users';
import { currentNotices, markNoticeRead, pendingApprovalCount, recentLogins } from '../store/repos/topPage';
import { transact } from '../store/transaction';
import { expiryState } from '../views/expiry';

const iso = (ms: number) => new Date(ms).toISOString();

/** BTOP001 (SPEC R-TOP-2..4, R-TOK-4): login history, notices with read state, pending approvals, token expiry. */
export const topPage = (deps: Deps, session: Session, now: Date): Promise<Result<TopPage>> => topPageOf(deps, session, now);

/** The same page for a user of a company: the session's, or an offline replica's holder (SPEC R-OFF-5). */
export async function topPageOf(deps: Deps, { userId, companyId }: { userId: number; companyId: number }, now: Date): Promise<Result<TopPage>> {
  const t = now.getTime();
  const [logins, notices, approvals, active, user] = await Promise.all([
    recentLogins(deps.db, userId, deps.rules.loginHistoryLength),
    currentNotices(deps.db, companyId, userId, t),
    pendingApprovalCount(deps.db, userId),
    activeTokenOf(deps.db, userId),
    findUserById(deps.db, userId),
  ]);
  const token = active?.token;
  return ok({
    loginHistory: logins.map((l) => ({ at: iso(l.at), result: l.result })),
    notices: notices.map((n) => ({
      id: n.id,
      publishedAt: iso(n.published_at),
      endsAt: iso(n.ends_at),
      title: n.title,
      body: n.body,
      read: Boolean(n.read),
    })),
    unreadCount: notices.filter((n) => !n.read).length,
    pendingApprovalCount: approvals,
    authPasswordReset: user ? authPasswordResetOf(user) : null,
    token: token
      ? {
          serial: token.serial,
          expiresAt: iso(token.expires_at),
          expiresSoon: expiryState(token.expires_at, now, deps.rules.tokenExpiryWarningDays) !== 'ok',
        }
      : null,
  });
}

/** SPEC R-TOP-3: opening a notice marks it read; only notices the user can see. */
export async function readNotice(deps: Deps, session: Session, input: RequestOf<'top', 'markNoticeRead'>, now: Date) {
  const visible = await currentNotices(deps.db, session.companyId, session.userId, now.getTime());
  if (!visible.some((n) => n.id === input.noticeId)) return { ok: false as const, error: { code: 'VALIDATION' as const, field: 'noticeId' } };
  await transact(deps.db, async (tx) => {
    await markNoticeRead(tx, input.noticeId, session.userId, now.getTime());
    return ok(null);
  });
  return ok({ unreadCount: visible.filter((n) => !n.read && n.id !== input.noticeId).length });
}
