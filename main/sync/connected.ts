import { serverChannels, type Channel, type SessionInfo } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import type { TrackedDispatch } from '../remote/sessions';
import type { SyncEngine } from './engine';
import { serveOffline } from './offlineChannels';
import type { OfflineDesk } from './offlineDesk';

/** The channels whose success ends an online login: the user's block is fetched after each (R-OFF-1). */
const LOGIN_ENDS = new Set(['auth:verify-otp', 'tokens:register']);

const unreachable = (r: Result<unknown>) => !r.ok && r.error.code === 'SERVER_UNREACHABLE';

export type Connected = {
  readonly dispatch: Dispatch;
  /** What this process knows of an online session it forwarded (its holder, their type), for offline:*. */
  onlineSession(sessionId: string): SessionInfo | undefined;
};

/**
 * A connected desktop's dispatch (SPEC R-SRV-1, R-OFF-1..7): forwards to the server as before, except that
 * - a session or challenge opened offline is answered here for its whole life (main/sync/offlineChannels.ts);
 * - while the link is offline or a sync runs, a new login is served offline, and a login that meets a transport
 *   fault falls back to offline at once; any transport fault marks the link offline;
 * - an online session meeting a transport fault gets SERVER_UNREACHABLE as ever (its work is the server's).
 */
export function connectedDispatch(tracked: TrackedDispatch, desk: OfflineDesk, engine: SyncEngine): Connected {
  const byName = new Map<string, Channel>(serverChannels().map((c) => [c.name, c]));
  const online = new Map<string, SessionInfo>();

  const parsed = (channelName: string, raw: unknown): Result<Record<string, unknown>> => {
    const channel = byName.get(channelName);
    const request = channel?.request.safeParse(raw);
    if (!request?.success) return fail('VALIDATION', { field: request?.error.issues[0]?.path.map(String).join('.') || undefined });
    return ok(request.data as Record<string, unknown>);
  };

  const offlineLogin = (request: Record<string, unknown>) => desk.login(String(request.loginId), String(request.password));

  const forward = async (channelName: string, raw: unknown): Promise<Result<unknown>> => {
    const answer = await tracked.dispatch(channelName, raw);
    if (unreachable(answer)) engine.markOffline();
    if (answer.ok && LOGIN_ENDS.has(channelName)) {
      const info = answer.value as SessionInfo;
      online.set(info.sessionId, info);
      engine.onlineLogin(info);
    }
    if (channelName === 'auth:logout' && raw && typeof raw === 'object' && 'sessionId' in raw) online.delete(String(raw.sessionId));
    return answer;
  };

  const dispatch: Dispatch = async (channelName, raw) => {
    const request = parsed(channelName, raw);
    if (!request.ok) return request;
    const { sessionId, challengeId } = request.value;
    if (typeof sessionId === 'string' && desk.ownsSession(sessionId)) {
      return serveOffline(desk, channelName, request.value as never, () => engine.queued());
    }
    if (channelName === 'auth:verify-otp' && desk.ownsChallenge(String(challengeId))) return desk.verifyOtp(String(challengeId), String(request.value.otp));
    if (channelName === 'tokens:register' && desk.ownsChallenge(String(challengeId))) return fail('OFFLINE_UNAVAILABLE');
    if (channelName === 'auth:login' && engine.servesLoginsOffline()) return offlineLogin(request.value);
    const answer = await forward(channelName, raw);
    return channelName === 'auth:login' && unreachable(answer) ? offlineLogin(request.value) : answer;
  };

  return { dispatch, onlineSession: (id) => online.get(id) };
}
