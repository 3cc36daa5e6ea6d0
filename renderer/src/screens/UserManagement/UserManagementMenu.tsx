import { Screen } from '../../components/Screen';
import { BackActions } from '../../components/ScreenActions';
import { useT } from '../../i18n';
import { useNavigation, type View } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { mayOpen } from '../../screenAccess';
import '../../styles/tasks.css';

type Task = 'userRegister' | 'userUpdate' | 'userRemove' | 'userUnlock' | 'masterAuthPassword' | 'audit' | 'tokenImport' | 'tokenResync' | 'revoke';

const TASKS: readonly Task[] = ['userRegister', 'userUpdate', 'userRemove', 'userUnlock', 'masterAuthPassword', 'audit', 'tokenImport', 'tokenResync', 'revoke'];

/**
 * 設定・管理 > 利用者管理, 作業内容を選択 (the guide's 手順2), for master and admin users. Each task is offered as its
 * channel's access allows: マスターユーザの認証パスワード変更 to admins only (SPEC R-REV-6). The guide gives this screen
 * no ID, so none is shown.
 */
export function UserManagementMenu() {
  const t = useT();
  const go = useNavigation((s) => s.go);
  const userType = useSession((s) => s.info?.userType);
  const tasks = TASKS.filter((task) => userType !== undefined && mayOpen(task, userType));
  return (
    <Screen section={t.userMenu.section} title={t.userMenu.title} actions={<BackActions to="top" label={t.userMenu.toTop} />}>
      <ul className="task-list">
        {tasks.map((task) => (
          <li key={task}>
            <button type="button" className="task-button" aria-describedby={`task-${task}-text`} onClick={() => go(task satisfies View)}>
              {t.userMenu.tasks[task].label}
            </button>
            <p id={`task-${task}-text`}>{t.userMenu.tasks[task].text}</p>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
