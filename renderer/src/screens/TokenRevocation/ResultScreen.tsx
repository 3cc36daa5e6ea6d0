import { ResultPanel } from '../../components/ResultPanel';
import { Screen } from '../../components/Screen';
import { NavButton, ScreenActions } from '../../components/ScreenActions';
import { formatDateTime } from '../../format/jst';
import { useT } from '../../i18n';
import { useLink } from '../../stores/link';
import { useLanguage } from '../../stores/language';
import { useRevocation } from '../../stores/revocation';
import '../../styles/revocation.css';

/**
 * BRSK028 (SPEC R-REV-4, R-REV-2a): the revoked users, now 失効中, and when they may register again (computed
 * by the main process, R-REV-5). After revoking themself the operator has no session: only 閉じる remains.
 */
export function ResultScreen() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const result = useRevocation((s) => s.result);
  const waiting = useLink((s) => s.queuedCount);
  if (!result) return null;
  const opensAt = result.revoked.find((u) => u.reRegistrationAt)?.reRegistrationAt;
  const actions = result.selfRevoked ? (
    <NavButton to="login" look="primary" label={t.result.close} />
  ) : (
    <>
      <NavButton to="top" label={t.result.toTop} />
      <NavButton to="userMenu" label={t.result.toUserMenu} />
    </>
  );
  return (
    <Screen
      section={t.revoke.section}
      title={t.result.title}
      screenId="BRSK028"
      steps={{ names: t.revoke.steps, current: 1 }}
      lead={t.result.done}
      actions={<ScreenActions>{actions}</ScreenActions>}
    >
      {result.queued && <p className="banner banner-warning queued-note">{t.offline.queued(waiting)}</p>}
      {result.selfRevoked && <p className="banner banner-warning">{t.result.selfRevoked}</p>}
      <ResultPanel headingId="targets-heading" caption={t.result.targets} rows={result.revoked}>
        {opensAt && <p className="note">{t.result.reRegistration(formatDateTime(opensAt, lang))}</p>}
      </ResultPanel>
    </Screen>
  );
}
