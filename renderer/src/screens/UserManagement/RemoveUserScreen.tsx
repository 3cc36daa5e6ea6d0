import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { Screen } from '../../components/Screen';
import { useQueuedText } from '../../components/useQueuedText';
import { useCompanyUsers } from '../../components/useCompanyUsers';
import { useErrorText, useT } from '../../i18n';
import { useRowOutcome } from '../../stores/userAdmin';
import { RemoveUserForm } from './RemoveUserForm';

/** 設定・管理 > 利用者管理 > 利用者削除 (a soft delete in the main process). No screen ID in the guide. */
export function RemoveUserScreen() {
  const t = useT();
  const describe = useErrorText();
  const queued = useQueuedText();
  const { users, loaded, error } = useCompanyUsers();
  const removed = useRowOutcome('removed');
  const r = t.removeUser;
  return (
    <Screen section={t.admin.section} title={r.title} lead={r.intro}>
      <Alert tone="info" message={removed ? queued(r.done(removed.loginId, removed.name)) : undefined} />
      <Alert message={describe(error)} />
      {loaded ? <RemoveUserForm users={users} /> : <Loading />}
    </Screen>
  );
}
