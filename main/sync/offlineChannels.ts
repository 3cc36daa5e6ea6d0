import { mayUse, type UserSort } from '../../shared/contract';
import { ACCESS } from '../../shared/contract/access';
import { fail, ok, type Result } from '../../shared/errors';
import { isQueueable } from '../offline/outbox';
import type { OfflineDesk } from './offlineDesk';
import { queueOffline } from './queue';
import { sortRows, topOf, withNoticeRead } from './replicaEdits';

type Request = Record<string, unknown> & { sessionId: string };

/**
 * A session opened offline, served here for its whole life (SPEC R-OFF-2, R-OFF-5, R-OFF-6), even once the link
 * is back: its reads from the replica, its queueable writes queued; every other channel needs the server's one
 * authority (DESIGN-NOTES 9: token registration, imports, setup, R-REV-6, own passwords, resync, lost reports,
 * backups) and is refused with OFFLINE_UNAVAILABLE. `onQueued` hears of each operation queued.
 */
export async function serveOffline(desk: OfflineDesk, channelName: string, request: Request, onQueued: () => void): Promise<Result<unknown>> {
  const resolved = await desk.resolve(request.sessionId);
  if (!resolved.ok) return resolved;
  const { session, block } = resolved.value;
  const replica = desk.files!.replica;
  switch (channelName) {
    case 'auth:session':
      return ok(desk.infoOf(session, block));
    case 'auth:logout':
      await desk.sessions.end(session.id, 'logout', desk.clock());
      return ok({});
    case 'top:get':
      return ok(topOf(replica, block.loginId));
    case 'top:mark-notice-read': {
      if (!replica) return ok({ unreadCount: 0 });
      const next = withNoticeRead(replica, block.loginId, Number(request.noticeId));
      desk.files!.setReplica(next);
      return ok({ unreadCount: topOf(next, block.loginId).unreadCount });
    }
    case 'users:list':
      if (!mayUse(ACCESS.users.list, block.userType)) return fail('FORBIDDEN');
      return ok({ users: sortRows(replica?.users ?? [], request.sort as UserSort) });
  }
  if (!isQueueable(channelName)) return fail('OFFLINE_UNAVAILABLE');
  const queued = await queueOffline(desk, { channel: channelName, request: request as never, block });
  if (!queued.ok) return queued;
  onQueued();
  return ok(queued.value.answer);
}
