// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { buildApi } from '../../../shared/contract/api';
import type { SessionInfo } from '../../../shared/contract';
import { useConnection } from '../../../renderer/src/stores/connection';
import { useLink } from '../../../renderer/src/stores/link';
import { useOfflineFailed } from '../../../renderer/src/stores/offlineFailed';
import { useSession } from '../../../renderer/src/stores/session';
import { useUserAdmin } from '../../../renderer/src/stores/userAdmin';
import type { ConnectedDesktop } from '../../support/connectedDesktop';
import { loginWithOtp, nextStep, PASSWORDS, stepUp, type Harness } from '../../support/harness';
import { eachOfflineWorld, type OfflineWorld } from '../../support/offlineWorld';

let w: OfflineWorld;
let h: Harness;
let d: ConnectedDesktop;

eachOfflineWorld((world) => ({ h } = w = world));
beforeEach(async () => {
  d = await w.desktop();
  // The renderer's window.api over the real desktop core, as the preload gives it (structured clones both ways).
  const api = buildApi(async (channel, request) => structuredClone(await d.call(channel, structuredClone(request))));
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  useConnection.setState({ status: null });
  useLink.setState({ status: null, announced: null, queuedCount: null });
  useSession.setState({ info: null, pending: null, farewell: null });
});

/** Online once (the block is issued), then the server goes away and the admin logs in again, offline. */
async function offlineAdmin(): Promise<SessionInfo> {
  nextStep(h);
  await d.login('test12345');
  await d.cut();
  nextStep(h);
  const { sessionId } = await d.login('test12345');
  const info = await d.call('auth:session', { sessionId });
  useSession.setState({ info: info.value as SessionInfo });
  return info.value as SessionInfo;
}

/** A change queued offline by test12345 while the master changes the same user online; the link is back after it. */
async function conflictedChange(): Promise<{ sessionId: string }> {
  await offlineAdmin();
  nextStep(h);
  expect(await useUserAdmin.getState().update({ loginId: 'ippan001', name: '一般 花子(経理)' }, await stepUp(h))).toBeNull();
  nextStep(h);
  const master = await loginWithOtp(h, 'kmb05871');
  nextStep(h);
  expect(await h.core.api.users.update({ sessionId: master.sessionId, loginId: 'ippan001', name: '一般 花子(総務)', ...(await stepUp(h)) })).toMatchObject({ ok: true });
  await d.restore();
  return master;
}

describe('同期できなかった操作 store over a real connected desktop and server (SPEC R-OFF-6..8)', () => {
  it('a queued change of a user removed online is listed with its reason; a wrong step-up keeps it; 破棄 empties the list and the count', async () => {
    expect((await offlineAdmin()).offline).toBe(true);
    nextStep(h);
    expect(await useUserAdmin.getState().update({ loginId: 'ippan001', name: '一般 花子(経理)' }, await stepUp(h))).toBeNull();
    // R-OFF-6: queued, and the count waiting is known at once (not at the next poll).
    expect(useLink.getState().status).toMatchObject({ link: 'offline', waiting: 1 });
    expect(useLink.getState().queuedCount).toBe(1);

    nextStep(h);
    const master = await loginWithOtp(h, 'kmb05871');
    nextStep(h);
    expect(await h.core.api.users.remove({ sessionId: master.sessionId, loginId: 'ippan001', ...(await stepUp(h)) })).toMatchObject({ ok: true });
    await d.restore();
    // The completion message keeps the count of when it was queued; the indicator moves on.
    await useLink.getState().refresh();
    expect(useLink.getState()).toMatchObject({ queuedCount: 1, status: { waiting: 0, failed: 1 } });

    await useOfflineFailed.getState().load();
    const [op] = useOfflineFailed.getState().operations;
    expect(useOfflineFailed.getState().operations).toHaveLength(1);
    expect(op).toMatchObject({ channel: 'users:update', targets: ['ippan001'], operator: 'test12345', reason: 'OFFLINE_TARGET_GONE' });

    nextStep(h);
    const refused = await useOfflineFailed.getState().redo(op!.key, { authPassword: 'not-the-password', otp: await h.codeOf('523405696') });
    expect(refused).not.toBeNull();
    expect(useOfflineFailed.getState().operations.map((o) => o.key)).toEqual([op!.key]);
    expect(useOfflineFailed.getState().outcome).toBeNull();

    expect(await useOfflineFailed.getState().discard(op!.key)).toBeNull();
    expect(useOfflineFailed.getState()).toMatchObject({ operations: [], outcome: { kind: 'discarded' } });
    expect(useLink.getState().status).toMatchObject({ link: 'online', failed: 0, waiting: 0 });
  });

  it('a redo made in the offline session is queued again: the row leaves the list, the outcome says queued', async () => {
    await conflictedChange();
    await useOfflineFailed.getState().load();
    const [op] = useOfflineFailed.getState().operations;
    expect(op).toMatchObject({ channel: 'users:update', reason: 'OFFLINE_CONFLICT' });
    await d.cut();
    nextStep(h);
    expect(await useOfflineFailed.getState().redo(op!.key, { authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696') })).toBeNull();
    expect(useOfflineFailed.getState()).toMatchObject({ operations: [], outcome: { kind: 'redone', queued: true } });
    expect(useLink.getState().status).toMatchObject({ waiting: 1, failed: 0 });
  });

  it('a redo in an online session is applied at once on the server: the conflict is resolved by making it again', async () => {
    const master = await conflictedChange();
    // The admin logs in again, online now, and makes the refused change again.
    nextStep(h);
    const online = await d.login('test12345');
    expect(online.offline).toBeUndefined();
    useSession.setState({ info: (await d.call('auth:session', { sessionId: online.sessionId })).value as SessionInfo });
    await useOfflineFailed.getState().load();
    const [op] = useOfflineFailed.getState().operations;
    nextStep(h);
    expect(await useOfflineFailed.getState().redo(op!.key, { authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696') })).toBeNull();
    expect(useOfflineFailed.getState()).toMatchObject({ operations: [], outcome: { kind: 'redone', queued: false } });
    const list = await h.core.api.users.list({ sessionId: master.sessionId, sort: 'loginId-asc' });
    expect(list.ok && list.value.users.find((u) => u.loginId === 'ippan001')?.name).toBe('一般 花子(経理)');
  });
});
