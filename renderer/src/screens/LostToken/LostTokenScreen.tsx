import { Screen } from '../../components/Screen';
import { ScreenActions } from '../../components/ScreenActions';
import { useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import '../../styles/lostToken.css';

/**
 * ハードトークンを紛失した場合 (SPEC R-TOK-6, R-TOK-7): whom to call, what a reissue takes, how a token is replaced
 * (revocation, then registration of the new one), and the way to revocation and to 紛失届, offered to the
 * master and admin users who may revoke (R-REV-1).
 */
export function LostTokenScreen() {
  const t = useT();
  const back = useNavigation((s) => s.back);
  const go = useNavigation((s) => s.go);
  const userType = useSession((s) => s.info?.userType);
  const manages = userType === 'master' || userType === 'admin';
  return (
    <Screen title={t.lost.title}>
      <section className="panel" aria-labelledby="lost-contact">
        <h2 id="lost-contact">{t.lost.centre}</h2>
        <p className="lead">{t.lost.contact}</p>
        <dl className="contact">
          <dt>{t.lost.phoneLabel}</dt>
          <dd className="phone">{t.lost.phone}</dd>
        </dl>
        <p>{t.lost.hours}</p>
        <p>{t.lost.reissue}</p>
      </section>
      <section className="panel" aria-labelledby="lost-replace">
        <h2 id="lost-replace">{t.replace.heading}</h2>
        <p>{t.replace.text}</p>
      </section>
      <section className="panel" aria-labelledby="lost-revoke">
        <h2 id="lost-revoke">{t.lost.revokeHeading}</h2>
        <p>{t.lost.revokeText}</p>
        <p>{t.lost.disabledForAll}</p>
        {manages && (
          <button type="button" className="button" onClick={() => go('revoke')}>
            {t.lost.goRevoke}
          </button>
        )}
      </section>
      {manages && (
        <section className="panel" aria-labelledby="lost-report">
          <h2 id="lost-report">{t.lostReport.offerHeading}</h2>
          <p>{t.lostReport.offer}</p>
          <button type="button" className="button" onClick={() => go('lostReport')}>
            {t.lostReport.go}
          </button>
        </section>
      )}
      <p className="caution">{t.app.caution}</p>
      <ScreenActions>
        <button type="button" className="button button-back" onClick={back}>
          {t.lost.back}
        </button>
      </ScreenActions>
    </Screen>
  );
}
