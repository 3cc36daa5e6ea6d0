import { Alert } from '../../components/Alert';
import { useQueuedText } from '../../components/useQueuedText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useCompanyUsers } from '../../components/useCompanyUsers';
import { useErrorText, useT } from '../../i18n';
import { useUserAdmin } from '../../stores/userAdmin';
import { RemoveUserForm } from './RemoveUserForm';

/** 設定・管理 > 利用者管理 > 利用者削除 (a soft delete in the main process). No screen ID in the guide. */
export function RemoveUserScreen() {
  const t = useT();
  const describe = useErrorText();
  const queued = useQueuedText();
  const { users, loaded, error } = useCompanyUsers();
  const outcome = useUserAdmin((s) => s.outcome);
  const removed = outcome?.kind === 'removed' ? outcome.row : null;
  const r = t.removeUser;
  return (
    <>
      <ScreenHeader section={t.admin.section} title={r.title} />
      <p className="lead">{r.intro}</p>
      <Alert tone="info" message={removed ? queued(r.done(removed.loginId, removed.name)) : undefined} />
      <Alert message={describe(error)} />
      {loaded ? (
        <RemoveUserForm users={users} />
      ) : (
        <p className="loading" role="status">
          {t.app.loading}
        </p>
      )}
    </>
  );
}
