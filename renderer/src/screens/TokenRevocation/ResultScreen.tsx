import { ScreenHeader } from '../../components/ScreenHeader';
import { StepIndicator } from '../../components/StepIndicator';
import { UserTable } from '../../components/UserTable';
import { formatDateTime } from '../../format/jst';
import { useT } from '../../i18n';
import { useLink } from '../../stores/link';
import { useLanguage } from '../../stores/language';
import { useNavigation } from '../../stores/navigation';
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
  const go = useNavigation((s) => s.go);
  const waiting = useLink((s) => s.queuedCount);
  if (!result) return null;
  const opensAt = result.revoked.find((u) => u.reRegistrationAt)?.reRegistrationAt;
  return (
    <>
      <ScreenHeader section={t.revoke.section} title={t.result.title} screenId="BRSK028" />
      <StepIndicator steps={t.revoke.steps} current={1} />
      <p className="lead">{t.result.done}</p>
      {result.queued && <p className="banner banner-warning queued-note">{t.offline.queued(waiting)}</p>}
      {result.selfRevoked && <p className="banner banner-warning">{t.result.selfRevoked}</p>}
      <section className="panel" aria-labelledby="targets-heading">
        <h2 id="targets-heading">{t.result.targets}</h2>
        <UserTable users={result.revoked} caption={t.result.targets} />
        {opensAt && <p className="note">{t.result.reRegistration(formatDateTime(opensAt, lang))}</p>}
      </section>
      <div className="actions actions-start">
        {result.selfRevoked ? (
          <button type="button" className="button button-primary" onClick={() => go('login')}>
            {t.result.close}
          </button>
        ) : (
          <>
            <button type="button" className="button button-back" onClick={() => go('top')}>
              {t.result.toTop}
            </button>
            <button type="button" className="button button-back" onClick={() => go('userMenu')}>
              {t.result.toUserMenu}
            </button>
          </>
        )}
      </div>
    </>
  );
}
