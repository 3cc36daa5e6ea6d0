import { useT } from '../../i18n';

/** SPEC R-TOP-4: the count of transactions waiting for this user's approval. */
export function PendingApprovals({ count }: { count: number }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t.top.pending(count)}</h2>
      <p>{count === 0 ? t.top.pendingNone : t.top.pendingSome}</p>
    </section>
  );
}
