import { Alert } from '../../components/Alert';
import { ScreenHeader } from '../../components/ScreenHeader';
import { UserTable } from '../../components/UserTable';
import { useCompanyUsers } from '../../components/useCompanyUsers';
import { formatDateTime } from '../../format/jst';
import { useErrorText, useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
import { useNavigation } from '../../stores/navigation';
import { useUserAdmin } from '../../stores/userAdmin';
import { LostReportForm } from './LostReportForm';
import '../../styles/revocation.css';

/**
 * ハードトークン紛失届 (SPEC R-TOK-6): a master or admin reports another user's lost token; the main process audits
 * it and revokes the token with the usual step-up, so the result shows 失効中 and when a new token can be
 * registered (R-REV-5, in Japan time). No screen ID in the guide.
 */
export function LostReportScreen() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const describe = useErrorText();
  const go = useNavigation((s) => s.go);
  const { users, loaded, error } = useCompanyUsers();
  const outcome = useUserAdmin((s) => s.outcome);
  const reported = outcome?.kind === 'reportedLost' ? outcome : null;
  const revoked = reported?.rows[0] ?? null;
  const l = t.lostReport;
  return (
    <>
      <ScreenHeader title={l.title} />
      <Alert tone="info" message={revoked ? l.done : undefined} />
      <Alert message={describe(error)} />
      {reported && revoked ? (
        <section className="panel" aria-labelledby="lost-result-heading">
          <h2 id="lost-result-heading">{t.result.targets}</h2>
          <UserTable users={reported.rows} caption={t.result.targets} />
          {reported.rows.length > 1 && <p className="note">{l.alsoAffected(reported.rows.length - 1)}</p>}
          {reported.selfRevoked && <p className="note">{l.selfRevoked}</p>}
          {revoked.reRegistrationAt && <p className="note">{l.reRegistration(formatDateTime(revoked.reRegistrationAt, lang))}</p>}
          <p className="caution">{t.app.caution}</p>
          <div className="actions actions-start">
            <button type="button" className="button button-back" onClick={() => go('top')}>
              {t.result.toTop}
            </button>
            <button type="button" className="button button-back" onClick={() => go('userMenu')}>
              {t.result.toUserMenu}
            </button>
          </div>
        </section>
      ) : (
        <>
          <div className="consequences">
            {l.intro.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {loaded ? (
            <LostReportForm users={users} />
          ) : (
            <p className="loading" role="status">
              {t.app.loading}
            </p>
          )}
        </>
      )}
    </>
  );
}
