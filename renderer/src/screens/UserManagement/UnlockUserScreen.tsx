import { Alert } from '../../components/Alert';
import { useQueuedText } from '../../components/useQueuedText';
import { Screen } from '../../components/Screen';
import { BackActions } from '../../components/ScreenActions';
import { useCompanyUsers } from '../../components/useCompanyUsers';
import { Loading } from '../../components/Loading';
import { useErrorText, useT } from '../../i18n';
import { useRowOutcome } from '../../stores/userAdmin';
import { UnlockUserForm } from './UnlockUserForm';

/** 設定・管理 > 利用者管理 > ロック解除: the company's locked users only (otpState 'locked'). No screen ID in the guide. */
export function UnlockUserScreen() {
  const t = useT();
  const describe = useErrorText();
  const queued = useQueuedText();
  const { users, loaded, error } = useCompanyUsers();
  const unlocked = useRowOutcome('unlocked');
  const locked = users.filter((u) => u.otpState === 'locked');
  const u = t.unlockUser;
  return (
    <Screen section={t.admin.section} title={u.title} lead={u.intro}>
      <Alert tone="info" message={unlocked ? queued(u.done(unlocked.loginId, unlocked.name)) : undefined} />
      <Alert message={describe(error)} />
      {!loaded ? (
        <Loading />
      ) : locked.length > 0 ? (
        <UnlockUserForm locked={locked} />
      ) : (
        <>
          <p className="panel">{u.none}</p>
          <BackActions to="userMenu" label={t.admin.toMenu} />
        </>
      )}
    </Screen>
  );
}
