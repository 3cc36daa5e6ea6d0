// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfflineStatus } from '../../../shared/contract/connection';
import { LinkIndicator } from '../../../renderer/src/components/LinkIndicator';
import { MainMenu } from '../../../renderer/src/components/MainMenu';
import { ReplicaBanner, replicaText } from '../../../renderer/src/components/ReplicaBanner';
import { formatMonthDayTime } from '../../../renderer/src/format/jst';
import { en } from '../../../renderer/src/i18n/en';
import { ja } from '../../../renderer/src/i18n/ja';
import { useConnection } from '../../../renderer/src/stores/connection';
import { useLanguage } from '../../../renderer/src/stores/language';
import { useLink } from '../../../renderer/src/stores/link';
import { useSession } from '../../../renderer/src/stores/session';
import { render, type Rendered } from '../support/render';

const online: OfflineStatus = { link: 'online', waiting: 0, failed: 0, syncedAt: '2026-12-01T01:33:00.000Z', sync: null };
const linkIs = (offline: OfflineStatus) => act(() => useConnection.setState({ status: { mode: 'connected', offline } }));
const session = { sessionId: 's', loginId: 'kmb05871', name: '熊本 太郎', userType: 'admin' as const, companyName: '熊本商事', idleTimeoutMs: 600_000, expiresAt: '2026-12-01T09:00:00.000Z', mustChangePasswords: false, authPasswordReset: null };
let shown: Rendered | undefined;

beforeEach(() => {
  useLanguage.setState({ lang: 'ja' });
  useConnection.setState({ status: null });
  useLink.setState({ status: null, announced: null, queuedCount: null });
  useSession.setState({ info: null });
});
afterEach(() => shown?.unmount());

describe('SPEC R-OFF-5: replica data says so, with the last sync in Japan time', () => {
  it('12月1日 10時33分 whatever the computer zone (01:33 UTC), and 未同期 before the first sync', () => {
    expect(formatMonthDayTime('2026-12-01T01:33:00.000Z', 'ja')).toBe('12月1日 10時33分');
    expect(formatMonthDayTime('2026-12-31T15:05:00.000Z', 'en')).toBe('Jan 1 00:05 JST');
    expect(replicaText('2026-12-01T01:33:00.000Z', 'ja', ja)).toBe('オフライン表示 (最終同期 12月1日 10時33分)');
    expect(replicaText(null, 'ja', ja)).toBe('オフライン表示 (未同期)');
    expect(replicaText('2026-12-01T01:33:00.000Z', 'en', en)).toBe('Offline view (last synced Dec 1 10:33 JST)');
  });

  it('the banner shows in an offline session or while the link is down, never online', async () => {
    shown = await render(ReplicaBanner, {});
    await linkIs(online);
    expect(shown.container.textContent).toBe('');
    await act(() => useSession.setState({ info: { ...session, offline: true } }));
    expect(shown.container.textContent).toContain('オフライン表示 (最終同期 12月1日 10時33分)');
    await act(() => useSession.setState({ info: session }));
    expect(shown.container.textContent).toBe('');
    await linkIs({ ...online, link: 'offline' });
    expect(shown.container.textContent).toContain('オフライン表示 (最終同期 12月1日 10時33分)');
  });
});

describe('the connection indicator on every screen (issue 14)', () => {
  const live = () => shown!.container.querySelector('[aria-live="polite"]')!.textContent;
  const pill = () => shown!.container.querySelector('.link-state')?.textContent;

  it('shows オンライン / オフライン（送信待ち N件）/ 同期中 (done/total); its live region changes with news only', async () => {
    shown = await render(LinkIndicator, {});
    expect(pill()).toBeUndefined();
    await linkIs(online);
    expect(pill()).toBe('接続状態 オンライン');
    await linkIs({ ...online, link: 'offline', waiting: 2 });
    expect(pill()).toBe('接続状態 オフライン（送信待ち 2件）');
    expect(live()).toBe('接続状態 オフライン（送信待ち 2件）');
    await linkIs({ ...online, waiting: 2, sync: { done: 0, total: 2 } });
    await linkIs({ ...online, waiting: 1, sync: { done: 1, total: 2 } });
    expect(pill()).toBe('接続状態 同期中 (1/2)');
    expect(live()).toBe('接続状態 同期中 (0/2)');
    await linkIs(online);
    expect(live()).toBe('接続状態 オンライン');
    await act(() => useLanguage.setState({ lang: 'en' }));
    expect(pill()).toBe('Connection Online');
  });

  it('a standalone desktop shows no indicator', async () => {
    shown = await render(LinkIndicator, {});
    await act(() => useConnection.setState({ status: { mode: 'standalone' } }));
    expect(pill()).toBeUndefined();
    expect(live()).toBe('');
  });
});

describe('同期できなかった操作 in 設定・管理 (SPEC R-OFF-8)', () => {
  const entries = async () => {
    const settings = [...shown!.container.querySelectorAll('button')].find((b) => b.textContent === '設定・管理')!;
    await act(async () => settings.click());
    return [...shown!.container.querySelectorAll('#settings-menu button')].map((b) => b.textContent);
  };

  it('masters and admins of a connected desktop see it, with a count when the server refused some', async () => {
    await act(() => useSession.setState({ info: session }));
    shown = await render(MainMenu, {});
    expect(await entries()).not.toContain('同期できなかった操作');
    await linkIs({ ...online, failed: 0 });
    expect(await entries()).toContain('同期できなかった操作');
    await linkIs({ ...online, failed: 2 });
    expect(await entries()).toContain('同期できなかった操作2件');
  });

  it('a general user never sees it', async () => {
    await act(() => useSession.setState({ info: { ...session, userType: 'general' } }));
    shown = await render(MainMenu, {});
    await linkIs({ ...online, failed: 2 });
    expect((await entries()).some((e) => e?.startsWith('同期できなかった操作'))).toBe(false);
  });
});
