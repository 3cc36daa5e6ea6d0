import { AdminResult } from '../../components/AdminResult';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { Screen } from '../../components/Screen';
import { useQueuedText } from '../../components/useQueuedText';
import { useCompanyUsers } from '../../components/useCompanyUsers';
import { useErrorText, useT } from '../../i18n';
import { useRowOutcome } from '../../stores/userAdmin';
import { UpdateUserForm } from './UpdateUserForm';

/** 設定・管理 > 利用者管理 > 利用者情報変更 (SPEC R-OTP-4: user change needs the step-up). No screen ID in the guide. */
export function UpdateUserScreen() {
  const t = useT();
  const describe = useErrorText();
  const queued = useQueuedText();
  const { users, loaded, error } = useCompanyUsers();
  const updated = useRowOutcome('updated');
  const u = t.updateUser;
  return (
    <Screen section={t.admin.section} title={u.title}>
      <Alert tone="info" message={updated ? queued(u.done) : undefined} />
      <Alert message={describe(error)} />
      {updated ? (
        <AdminResult caption={u.done} rows={[updated]} />
      ) : (
        <>
          <p className="lead">{u.intro}</p>
          {loaded ? <UpdateUserForm users={users} /> : <Loading />}
        </>
      )}
    </Screen>
  );
}
