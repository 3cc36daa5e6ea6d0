import { describe, expect, it } from 'vitest';
import { userRecord } from '../../support/db';
import type { Harness } from '../../support/harness';
import { eachOfflineWorld, type OfflineWorld } from '../../support/offlineWorld';

let w: OfflineWorld;
let h: Harness;

eachOfflineWorld((world) => ({ h } = w = world));

describe('the offline code key lives in the offline session only (main/sync/offlineDesk.ts)', () => {
  it('SPEC R-OFF-2, R-OTP-4: an online session cut off cannot step up offline (OFFLINE_LOGIN_NEEDED); an offline login can, and it lands', async () => {
    const d1 = await w.desktop();
    const d2 = await w.desktop();
    const online = await w.loginAt(d1, 'kmb05871');
    await d1.cut();
    const off = await w.loginAt(d1, 'kmb05871');
    const key = await w.conflict(d1, off.sessionId, d2);
    await d1.cut();
    // The online session typed its password to the server: the desktop holds no key to test a code with.
    expect(await d1.call('offline:redo', { sessionId: online.sessionId, key, ...(await w.stepUp()) })).toEqual({ ok: false, error: { code: 'OFFLINE_LOGIN_NEEDED' } });
    expect(await d1.call('offline:redo', { sessionId: off.sessionId, key, ...(await w.stepUp()) })).toEqual({ ok: true, value: { queued: true } });
    await d1.restore();
    expect(d1.offline.status()).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    expect((await userRecord(h, 'shinki01'))?.name).toBe('端末1の名前');
  });
});
