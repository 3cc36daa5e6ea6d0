import { mayUse, type UserType } from '../../shared/contract';
import { ACCESS } from '../../shared/contract/access';
import type { FailedOperation } from '../../shared/contract/connection';
import { targetsOf } from '../../shared/contract/syncModels';
import { fail, ok, type Result } from '../../shared/errors';
import { refusedEntries, withoutEntry, type OutboxEntry } from '../offline/outbox';
import type { Connected } from './connected';
import type { SyncEngine } from './engine';
import type { OfflineDesk } from './offlineDesk';
import { queueOffline } from './queue';

export type FailedOps = {
  failed(input: { sessionId: string }): Promise<Result<{ operations: FailedOperation[] }>>;
  discard(input: { sessionId: string; key: string }): Promise<Result<object>>;
  redo(input: { sessionId: string; key: string; authPassword: string; otp: string }): Promise<Result<{ queued: boolean }>>;
};

type Who = { readonly loginId: string; readonly userType: UserType; readonly offline: boolean };

const rowOf = (e: OutboxEntry): FailedOperation => ({
  key: e.key,
  channel: e.channel,
  targets: targetsOf(e.request),
  operator: e.operator,
  queuedAt: new Date(e.queuedAt).toISOString(),
  refusedAt: new Date(e.refused!.at).toISOString(),
  reason: e.refused!.reason,
});

/**
 * 同期できなかった操作 (SPEC R-OFF-8): the operations the server refused, kept until a master or admin of this
 * desktop discards or redoes them. Redo is the same operation made again now, with a fresh step-up: through the
 * server when an online session asks and the link is up, else queued again (new key, base versions as the replica
 * shows now) with the asker's offline block.
 */
export function failedOps(desk: OfflineDesk, engine: SyncEngine, connected: Connected): FailedOps {
  const who = async (sessionId: string): Promise<Result<Who>> => {
    if (desk.ownsSession(sessionId)) {
      const resolved = await desk.resolve(sessionId);
      return resolved.ok ? ok({ loginId: resolved.value.block.loginId, userType: resolved.value.block.userType, offline: true }) : resolved;
    }
    const answer = await connected.dispatch('auth:session', { sessionId });
    const known = connected.onlineSession(sessionId);
    // Offline, the desktop vouches for an online session it saw open (the server cannot be asked).
    const info = answer.ok ? (answer.value as Who) : answer.error.code === 'SERVER_UNREACHABLE' ? known : undefined;
    if (!info) return answer.ok ? fail('SESSION_INVALID') : (answer as Result<never>);
    return ok({ loginId: info.loginId, userType: info.userType, offline: false });
  };
  const manager = async (sessionId: string): Promise<Result<Who>> => {
    if (!desk.files?.registration) return fail('OFFLINE_UNAVAILABLE');
    const w = await who(sessionId);
    if (!w.ok) return w;
    return mayUse(ACCESS.offline.failed, w.value.userType) ? w : fail('FORBIDDEN');
  };
  const entryOf = (key: string) => refusedEntries(desk.files!.outbox).find((e) => e.key === key);

  return {
    async failed({ sessionId }) {
      const w = await manager(sessionId);
      return w.ok ? ok({ operations: refusedEntries(desk.files!.outbox).map(rowOf) }) : w;
    },
    async discard({ sessionId, key }) {
      const w = await manager(sessionId);
      if (!w.ok) return w;
      if (!entryOf(key)) return fail('VALIDATION', { field: 'key' });
      desk.files!.setOutbox(withoutEntry(desk.files!.outbox, key));
      return ok({});
    },
    async redo({ sessionId, key, authPassword, otp }) {
      const w = await manager(sessionId);
      if (!w.ok) return w;
      const entry = entryOf(key);
      if (!entry) return fail('VALIDATION', { field: 'key' });
      const request = { ...entry.request, sessionId, authPassword, otp };
      if (!w.value.offline && !engine.servesLoginsOffline()) {
        const answer = await connected.dispatch(entry.channel, request);
        if (!answer.ok) return answer;
        desk.files!.setOutbox(withoutEntry(desk.files!.outbox, key));
        return ok({ queued: false });
      }
      const block = desk.blockOf(w.value.loginId);
      if (!block.ok) return block;
      const queued = await queueOffline(desk, { channel: entry.channel, request, block: block.value });
      if (!queued.ok) return queued;
      desk.files!.setOutbox(withoutEntry(desk.files!.outbox, key));
      engine.queued();
      return ok({ queued: true });
    },
  };
}
