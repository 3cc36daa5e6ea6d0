import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectedDesktop } from '../../support/connectedDesktop';
import { userRecord } from '../../support/db';
import { PASSWORDS, type Harness } from '../../support/harness';
import { NEAR, eachOfflineWorld, type OfflineWorld } from '../../support/offlineWorld';

let w: OfflineWorld;
let h: Harness;

eachOfflineWorld((world) => ({ h } = w = world));

const desktop = (normalMs?: number) => w.desktop({ normalMs });
const replace = (d: ConnectedDesktop, next: ConnectedDesktop) => w.desktops.splice(w.desktops.indexOf(d), 1, next);
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
};
const userName = async (loginId: string) => (await userRecord(h, loginId))?.name;

describe('the link and the offline files of a connected desktop (main/sync)', () => {
  it('SPEC R-OFF-1: a login that meets a cut is served offline at once, and the link says offline without a probe', async () => {
    const d = await desktop();
    await w.loginAt(d, 'kmb05871');
    d.proxy.mode('drop');
    expect(await w.loginAt(d, 'kmb05871')).toMatchObject({ offline: true });
    expect(d.offline.status()).toMatchObject({ link: 'offline' });
  });

  it('SPEC R-OFF-7: an operation queued by an offline session while the link is up is sent at once', async () => {
    const d = await desktop();
    const { sessionId } = await w.offlineLogin(d);
    await d.restore();
    expect(await d.call('users:update', { sessionId, loginId: 'shinki01', name: '新規 即時', ...(await w.stepUp()) })).toMatchObject({ ok: true, value: { name: '新規 即時' } });
    await d.offline.idle();
    expect(d.offline.status()).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    expect(await userName('shinki01')).toBe('新規 即時');
  });

  it('SPEC R-OFF-8: a change refused as a conflict is redone offline with a new key and the base version now shown', async () => {
    const d1 = await desktop();
    const d2 = await desktop();
    const off = await w.offlineLogin(d1);
    const key = await w.conflict(d1, off.sessionId, d2);
    await d1.cut();
    expect(await d1.call('offline:redo', { sessionId: off.sessionId, key, ...(await w.stepUp()) })).toEqual({ ok: true, value: { queued: true } });
    expect(d1.offline.status()).toMatchObject({ waiting: 1, failed: 0 });
    await d1.restore();
    expect(d1.offline.status()).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    expect(await userName('shinki01')).toBe('端末1の名前');
  });

  it('SPEC R-OFF-7: the sync says how far it got in connection:status', async () => {
    const d = await desktop(1_000);
    const { sessionId } = await w.offlineLogin(d);
    for (const name of ['一', '二', '三']) expect(await d.call('users:update', { sessionId, loginId: 'shinki01', name, ...(await w.stepUp()) })).toMatchObject({ ok: true });
    d.proxy.mode('pass');
    const sync = d.offline.probeNow();
    await until(() => (d.offline.status().sync?.done ?? 0) >= 1);
    // The link stalls mid-sync: the status shows the progress, and the link stays offline until all is sent.
    d.proxy.mode('stall');
    expect(d.offline.status()).toMatchObject({ link: 'offline', sync: { total: 3 } });
    await sync;
    expect(d.offline.status()).toMatchObject({ link: 'offline', sync: null });
    await d.restore();
    expect(d.offline.status()).toMatchObject({ link: 'online', waiting: 0, failed: 0 });
    expect(await userName('shinki01')).toBe('三');
  });

  it('SPEC R-OFF-3: the offline files are owner-only, and one that does not open refuses offline work instead of starting empty', async () => {
    const d = await desktop();
    await w.loginAt(d, 'kmb05871');
    const folder = join(d.dir, 'offline');
    const files = [...readdirSync(folder).filter((n) => n !== 'blocks'), ...readdirSync(join(folder, 'blocks')).map((n) => join('blocks', n))];
    expect(files.map((n) => [n, statSync(join(folder, n)).mode & 0o777])).toEqual(files.map((n) => [n, 0o600]));
    writeFileSync(join(folder, 'ledger'), 'not a sealed ledger');
    const again = await d.restart();
    replace(d, again);
    expect(again.offline.unavailable).toMatch(/./);
    // Online work goes on; offline, nobody logs in.
    expect(await w.loginAt(again, 'kmb05871')).not.toHaveProperty('offline');
    await again.cut();
    expect(await again.call('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login })).toMatchObject({ ok: false, error: { code: 'OFFLINE_UNAVAILABLE' } });
  });

  it('DESIGN-NOTES 4: the window closing or the screen locking ends the offline sessions too', async () => {
    const d = await desktop();
    await w.loginAt(d, 'ippan001', NEAR);
    await d.cut();
    const { sessionId } = await w.loginAt(d, 'ippan001', NEAR);
    expect(await d.call('users:list', { sessionId, sort: 'loginId-asc' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await d.desktop.endAll('suspended');
    expect(await d.call('auth:session', { sessionId })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'suspended' } });
  });
});
