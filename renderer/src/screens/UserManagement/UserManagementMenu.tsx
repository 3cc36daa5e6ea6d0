import { ScreenHeader } from '../../components/ScreenHeader';
import { useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import '../../styles/tasks.css';

/**
 * 設定・管理 > 利用者管理, 作業内容を選択 (the guide's 手順2). Only トークンの失効 exists so far. The guide gives
 * this screen no ID, so none is shown.
 */
export function UserManagementMenu() {
  const t = useT();
  const go = useNavigation((s) => s.go);
  return (
    <>
      <ScreenHeader section={t.userMenu.section} title={t.userMenu.title} />
      <ul className="task-list">
        <li>
          <button type="button" className="task-button" aria-describedby="task-revoke-text" onClick={() => go('revoke')}>
            {t.userMenu.revoke}
          </button>
          <p id="task-revoke-text">{t.userMenu.revokeText}</p>
        </li>
      </ul>
      <div className="actions actions-start">
        <button type="button" className="button button-back" onClick={() => go('top')}>
          {t.userMenu.toTop}
        </button>
      </div>
    </>
  );
}
