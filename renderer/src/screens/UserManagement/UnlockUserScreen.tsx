import { Alert } from '../../components/Alert';
import { useQueuedText } from '../../components/useQueuedText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useCompanyUsers } from '../../components/useCompanyUsers';
import { useErrorText, useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { useUserAdmin } from '../../stores/userAdmin';
import { UnlockUserForm } from './UnlockUserForm';

/** 設定・管理 > 利用者管理 > ロック解除: the company's locked users only (otpState 'locked'). No screen ID in the guide. */
export function UnlockUserScreen() {
  const t = useT();
  const describe = useErrorText();
  const queued = useQueuedText();
  const go = useNavigation((s) => s.go);
  const { users, loaded, error } = useCompanyUsers();
  const outcome = useUserAdmin((s) => s.outcome);
  const unlocked = outcome?.kind === 'unlocked' ? outcome.row : null;
  const locked = users.filter((u) => u.otpState === 'locked');
  const u = t.unlockUser;
  return (
    <>
      <ScreenHeader section={t.admin.section} title={u.title} />
      <p className="lead">{u.intro}</p>
      <Alert tone="info" message={unlocked ? queued(u.done(unlocked.loginId, unlocked.name)) : undefined} />
      <Alert message={describe(error)} />
      {!loaded ? (
        <p className="loading" role="status">
          {t.app.loading}
        </p>
      ) : locked.length > 0 ? (
        <UnlockUserForm locked={locked} />
      ) : (
        <>
          <p className="panel">{u.none}</p>
          <div className="actions actions-start">
            <button type="button" className="button button-back" onClick={() => go('userMenu')}>
              {t.admin.toMenu}
            </button>
          </div>
        </>
      )}
    </>
  );
}
