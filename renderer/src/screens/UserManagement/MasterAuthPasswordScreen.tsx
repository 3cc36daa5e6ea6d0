import { Alert } from '../../components/Alert';
import { OfflineRefusalNote } from '../../components/OfflineRefusalNote';
import { Screen } from '../../components/Screen';
import { Loading } from '../../components/Loading';
import { useCompanyUsers } from '../../components/useCompanyUsers';
import { useErrorText, useT } from '../../i18n';
import { useUserAdmin } from '../../stores/userAdmin';
import { MasterAuthPasswordForm } from './MasterAuthPasswordForm';
import '../../styles/revocation.css';

/**
 * 設定・管理 > 利用者管理 > マスターユーザの認証パスワード変更, an admin's task only (SPEC R-REV-6: where an admin user
 * exists, the admin changes the master's authentication password on screen). No screen ID in the guide.
 */
export function MasterAuthPasswordScreen() {
  const t = useT();
  const describe = useErrorText();
  const { users, loaded, error } = useCompanyUsers();
  const outcome = useUserAdmin((s) => s.outcome);
  const master = users.find((u) => u.userType === 'master');
  const m = t.masterAuth;
  return (
    <Screen section={t.admin.section} title={m.title}>
      <OfflineRefusalNote />
      <div className="consequences">
        {m.intro.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <Alert tone="info" message={outcome?.kind === 'masterAuthChanged' ? m.done : undefined} />
      <Alert message={describe(error)} />
      {!loaded || !master ? (
        <Loading />
      ) : (
        <>
          <dl className="master-summary">
            <dt>{m.master}</dt>
            <dd>
              {master.loginId} {master.name}
            </dd>
          </dl>
          <MasterAuthPasswordForm master={master} />
        </>
      )}
    </Screen>
  );
}
