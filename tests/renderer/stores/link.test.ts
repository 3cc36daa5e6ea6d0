// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus, OfflineStatus } from '../../../shared/contract/connection';
import { buildApi } from '../../../shared/contract/api';
import { isNews, LINK_POLL_MS, phraseOf, useLink } from '../../../renderer/src/stores/link';
import { useConnection } from '../../../renderer/src/stores/connection';

const online: OfflineStatus = { link: 'online', waiting: 0, failed: 0, syncedAt: null, sync: null };
const connected = (offline: OfflineStatus): ConnectionStatus => ({ mode: 'connected', url: 'https://otp.example:8443', fingerprint: 'AB', offline });

beforeEach(() => {
  useConnection.setState({ status: null });
  useLink.setState({ status: null, announced: null, queuedCount: null });
});

describe('the link indicator says each change once (SPEC R-OFF-5..7)', () => {
  it('phrases: online, offline with the count waiting, a sync with its progress', () => {
    expect(phraseOf(online)).toEqual({ kind: 'online', failed: 0 });
    expect(phraseOf({ ...online, link: 'offline', waiting: 3 })).toEqual({ kind: 'offline', waiting: 3, failed: 0 });
    expect(phraseOf({ ...online, waiting: 3, sync: { done: 1, total: 3 } })).toEqual({ kind: 'syncing', done: 1, total: 3 });
  });

  it('news: a new state or count is news; the same phrase again and a sync moving on are not', () => {
    const off = phraseOf({ ...online, link: 'offline', waiting: 1 });
    expect(isNews(null, off)).toBe(true);
    expect(isNews(off, phraseOf({ ...online, link: 'offline', waiting: 1 }))).toBe(false);
    expect(isNews(off, phraseOf({ ...online, link: 'offline', waiting: 2 }))).toBe(true);
    const syncing = phraseOf({ ...online, sync: { done: 0, total: 2 } });
    expect(isNews(off, syncing)).toBe(true);
    expect(isNews(syncing, phraseOf({ ...online, sync: { done: 1, total: 2 } }))).toBe(false);
    expect(isNews(syncing, phraseOf(online))).toBe(true);
  });

  it('the store announces only changes: repeated polls leave the live region as it is', () => {
    useConnection.setState({ status: connected(online) });
    const first = useLink.getState().announced;
    expect(first).toEqual({ kind: 'online', failed: 0 });
    useConnection.setState({ status: connected({ ...online }) });
    expect(useLink.getState().announced).toBe(first);
    useConnection.setState({ status: connected({ ...online, link: 'offline', waiting: 1 }) });
    expect(useLink.getState().announced).toEqual({ kind: 'offline', waiting: 1, failed: 0 });
    useConnection.setState({ status: connected({ ...online, sync: { done: 0, total: 1 } }) });
    const sync = useLink.getState().announced;
    useConnection.setState({ status: connected({ ...online, sync: { done: 1, total: 1 } }) });
    // The progress is shown (status) but the announcement stays the sync's start.
    expect(useLink.getState().announced).toBe(sync);
    expect(useLink.getState().status?.sync).toEqual({ done: 1, total: 1 });
  });

  it('a standalone desktop has no link: nothing shown, nothing announced', () => {
    useConnection.setState({ status: { mode: 'standalone' } });
    expect(useLink.getState()).toMatchObject({ status: null, announced: null });
  });
});

describe('polling connection:status', () => {
  let answers: ConnectionStatus[];
  let calls: number;
  beforeEach(() => {
    vi.useFakeTimers();
    calls = 0;
    // The main process's answers, scripted: the renderer's side of the channel is what is under test here.
    Object.defineProperty(window, 'api', {
      configurable: true,
      value: buildApi(async (channel) => {
        expect(channel).toBe('connection:status');
        calls++;
        return { ok: true, value: answers.shift() ?? connected(online) };
      }),
    });
  });
  afterEach(() => vi.useRealTimers());

  it('polls every 2 s on a connected desktop, one call at a time, and stops when the indicator unmounts', async () => {
    answers = [connected({ ...online, link: 'offline', waiting: 2 })];
    useConnection.setState({ status: connected(online) });
    const stop = useLink.getState().watch();
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(LINK_POLL_MS);
    expect(calls).toBe(1);
    expect(useLink.getState().status).toMatchObject({ link: 'offline', waiting: 2 });
    await vi.advanceTimersByTimeAsync(LINK_POLL_MS * 3);
    expect(calls).toBe(4);
    stop();
    await vi.advanceTimersByTimeAsync(LINK_POLL_MS * 3);
    expect(calls).toBe(4);
  });

  it('never polls a standalone desktop', async () => {
    useConnection.setState({ status: { mode: 'standalone' } });
    const stop = useLink.getState().watch();
    await vi.advanceTimersByTimeAsync(LINK_POLL_MS * 5);
    expect(calls).toBe(0);
    stop();
  });
});
