import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { ResultPanel } from '../../components/ResultPanel';
import { Screen } from '../../components/Screen';
import { NavButton, ScreenActions } from '../../components/ScreenActions';
import { useCompanyUsers } from '../../components/useCompanyUsers';
import { formatDateTime } from '../../format/jst';
import { useErrorText, useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
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
  const { users, loaded, error } = useCompanyUsers();
  const outcome = useUserAdmin((s) => s.outcome);
  const reported = outcome?.kind === 'reportedLost' ? outcome : null;
  const revoked = reported?.rows[0] ?? null;
  const l = t.lostReport;
  return (
    <Screen title={l.title}>
      <Alert tone="info" message={revoked ? l.done : undefined} />
      <Alert message={describe(error)} />
      {reported && revoked ? (
        <ResultPanel headingId="lost-result-heading" caption={t.result.targets} rows={reported.rows}>
          {reported.rows.length > 1 && <p className="note">{l.alsoAffected(reported.rows.length - 1)}</p>}
          {reported.selfRevoked && <p className="note">{l.selfRevoked}</p>}
          {revoked.reRegistrationAt && <p className="note">{l.reRegistration(formatDateTime(revoked.reRegistrationAt, lang))}</p>}
          <p className="caution">{t.app.caution}</p>
          <ScreenActions>
            <NavButton to="top" label={t.result.toTop} />
            <NavButton to="userMenu" label={t.result.toUserMenu} />
          </ScreenActions>
        </ResultPanel>
      ) : (
        <>
          <div className="consequences">
            {l.intro.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {loaded ? <LostReportForm users={users} /> : <Loading />}
        </>
      )}
    </Screen>
  );
}
