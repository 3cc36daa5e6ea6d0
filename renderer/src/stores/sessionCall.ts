import type { AppError, ErrorCode, Result } from '../../../shared/errors';
import { call } from '../api';
import type { Api } from '../../../shared/contract';
import { useSession } from './session';

/** Refusals after which the main process holds no session for this window any more. */
const ENDS_SESSION: ReadonlySet<ErrorCode> = new Set(['SESSION_EXPIRED', 'SESSION_INVALID', 'LOCKED']);

const noSession: AppError = { code: 'SESSION_INVALID' };

/**
 * A call that needs the session: it carries the session ID, and an answer saying the session is over
 * (idle or absolute timeout, revoked, locked) sends the window back to login with the reason; one saying the
 * passwords must be changed first sends it to パスワード変更.
 */
export async function withSession<T>(request: (api: Api, sessionId: string) => Promise<Result<T>>): Promise<Result<T>> {
  const info = useSession.getState().info;
  if (!info) return { ok: false, error: noSession };
  const result = await call((api) => request(api, info.sessionId));
  // A late answer about a session this window already left must not log out the next one.
  const stillCurrent = useSession.getState().info?.sessionId === info.sessionId;
  if (!result.ok && stillCurrent && ENDS_SESSION.has(result.error.code)) useSession.getState().ended(result.error);
  // Initial passwords unchanged: the main process answers nothing else until both are changed.
  if (!result.ok && stillCurrent && result.error.code === 'PASSWORD_CHANGE_REQUIRED') useSession.getState().requirePasswordChange();
  return result;
}
