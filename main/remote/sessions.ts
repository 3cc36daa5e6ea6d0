import type { Dispatch } from '../ipc/dispatch';

export type TrackedDispatch = {
  readonly dispatch: Dispatch;
  /** Logs out on the server every session this desktop opened and has not closed. */
  endAll(): Promise<void>;
};

/**
 * A connected desktop's sessions live on the server, yet they must still end with the window, the screen lock
 * or sleep (NIST SP 800-63B §7.2), as the standalone desktop's do: the main process remembers the session IDs
 * the server handed out through it, and logs each out when asked.
 */
export function trackSessions(inner: Dispatch): TrackedDispatch {
  const open = new Set<string>();
  const dispatch: Dispatch = async (channelName, raw) => {
    const result = await inner(channelName, raw);
    const value: unknown = result.ok ? result.value : undefined;
    if (value && typeof value === 'object' && 'sessionId' in value && typeof value.sessionId === 'string') open.add(value.sessionId);
    if (channelName === 'auth:logout' && raw && typeof raw === 'object' && 'sessionId' in raw) open.delete(String(raw.sessionId));
    return result;
  };
  return {
    dispatch,
    async endAll() {
      const ids = [...open];
      open.clear();
      await Promise.all(ids.map((sessionId) => inner('auth:logout', { sessionId })));
    },
  };
}
