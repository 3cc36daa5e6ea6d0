import { useEffect } from 'react';
import { Alert } from '../../components/Alert';
import { ReplicaBanner } from '../../components/ReplicaBanner';
import { Screen } from '../../components/Screen';
import { Loading } from '../../components/Loading';
import { useErrorText, useT } from '../../i18n';
import { useTopPage } from '../../stores/topPage';
import { AuthResetBanner } from './AuthResetBanner';
import { ExpiryBanner } from './ExpiryBanner';
import { LoginHistory } from './LoginHistory';
import { Notices } from './Notices';
import { PendingApprovals } from './PendingApprovals';
import '../../styles/top.css';
import { usePick } from '../../stores/pick';

/** BTOP001 (SPEC R-TOP-1..4, R-TOK-4); the menu of R-TOP-1 is the app's MainMenu above. */
export function TopScreen() {
  const t = useT();
  const describe = useErrorText();
  const { page, error, load } = usePick(useTopPage, 'page', 'error', 'load');
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Screen title={t.top.title} screenId="BTOP001">
      <Alert message={describe(error)} />
      {!page ? (
        <Loading />
      ) : (
        <>
          {page.authPasswordReset && <AuthResetBanner by={page.authPasswordReset.by} at={page.authPasswordReset.at} />}
          {page.token?.expiresSoon && <ExpiryBanner serial={page.token.serial} expiresAt={page.token.expiresAt} />}
          <ReplicaBanner />
          <div className="top-grid">
            <Notices page={page} />
            <div className="top-side">
              <PendingApprovals count={page.pendingApprovalCount} />
              <LoginHistory records={page.loginHistory} />
            </div>
          </div>
        </>
      )}
    </Screen>
  );
}
