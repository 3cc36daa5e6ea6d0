import { useT } from '../i18n';
import { useLink } from '../stores/link';
import { useSession } from '../stores/session';

/** Whether a write made now is queued rather than applied (SPEC R-OFF-6): the session was opened offline. */
export const useQueues = (): boolean => useSession((s) => s.info?.offline === true);

/**
 * The completion message's second half after an operation queued offline (R-OFF-6): it applies at the next
 * connection, with the number waiting when it was queued (asked for at once: useLink.afterWrite), not a later count.
 */
export function useQueuedText(): (done: string) => string {
  const t = useT();
  const queues = useQueues();
  const waiting = useLink((s) => s.queuedCount);
  return (done) => (queues ? `${done} ${t.offline.queued(waiting)}` : done);
}
