import { formatMonthDayTime } from '../format/jst';
import { useT } from '../i18n';
import type { Dictionary } from '../i18n/ja';
import { useLanguage, type Lang } from '../stores/language';
import { useLink } from '../stores/link';
import { useSession } from '../stores/session';
import '../styles/offline.css';

/** Whether the desktop works offline now: an offline session (served from the replica), or the link is down. */
export function useIsOffline(): boolean {
  const offlineSession = useSession((s) => s.info?.offline === true);
  const linkDown = useLink((s) => s.status?.link === 'offline');
  return offlineSession || linkDown;
}

/** The banner's words, with the last sync in Japan time (R-OFF-5); null: never synced. */
export function replicaText(syncedAt: string | null, lang: Lang, t: Dictionary): string {
  return t.offline.replica(syncedAt ? formatMonthDayTime(syncedAt, lang) : null);
}

/**
 * SPEC R-OFF-5: on every screen showing replica data (BRSK027's list, BTOP001's notices and login history, the
 * pickers of the user-management tasks), オフライン表示 (最終同期 12月1日 10時33分) while it is replica data.
 */
export function ReplicaBanner() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const shows = useIsOffline();
  const syncedAt = useLink((s) => s.status?.syncedAt ?? null);
  if (!shows) return null;
  return (
    <div className="banner banner-warning replica-banner">
      <p className="replica-title">{replicaText(syncedAt, lang, t)}</p>
      <p>{t.offline.replicaNote}</p>
    </div>
  );
}
