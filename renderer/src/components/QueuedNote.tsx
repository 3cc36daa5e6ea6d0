import { useT } from '../i18n';
import { useLink } from '../stores/link';
import { useSession } from '../stores/session';

/** Whether a write made now is queued rather than applied (SPEC R-OFF-6): the session was opened offline. */
export const useQueues = (): boolean => useSession((s) => s.info?.offline === true);

/**
 * The completion message's second half after an operation queued offline (R-OFF-6): it applies at the next
 * connection, with the number waiting (the stores ask for it as soon as the write is queued: useLink.afterWrite).
 */
export function useQueuedText(): (done: string) => string {
  const t = useT();
  const queues = useQueues();
  const waiting = useLink((s) => s.status?.waiting ?? null);
  return (done) => (queues ? `${done} ${t.offline.queued(waiting)}` : done);
}
