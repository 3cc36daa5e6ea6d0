import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { useLink } from '../stores/link';
import { useNavigation, type View } from '../stores/navigation';
import { useSession } from '../stores/session';
import { mayOpen } from '../screenAccess';

/** SPEC R-TOP-1, in the guide's order; entries without a screen yet are shown but visibly unavailable. */
const UNAVAILABLE = ['inquiry', 'transfer', 'bulk', 'approval'] as const;
const UNAVAILABLE_AFTER = ['densai', 'statements', 'forex'] as const;

/** Screens under 設定・管理, which the menu marks as where the user is. */
const SETTINGS_VIEWS: ReadonlySet<View> = new Set<View>([
  'userMenu',
  'revoke',
  'revokeResult',
  'lostToken',
  'lostReport',
  'tokenImport',
  'userRegister',
  'userUpdate',
  'userRemove',
  'userUnlock',
  'masterAuthPassword',
  'audit',
  'connection',
  'backup',
  'tokenResync',
  'offlineFailed',
]);

/**
 * The global menu of the logged-in screens. 設定・管理 is a disclosure (a button that opens a list), not an
 * ARIA menu: plain Tab and Enter work, as on a web page. 利用者管理 is offered to whoever the contract lets call
 * its channel (master and admin users, SPEC R-REV-1), バックアップ likewise (the master, issue 15); the main
 * process refuses them to others anyway.
 */
export function MainMenu() {
  const t = useT();
  const go = useNavigation((s) => s.go);
  const view = useNavigation((s) => s.view);
  const openLostToken = useNavigation((s) => s.openLostToken);
  const userType = useSession((s) => s.info?.userType);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const manages = userType !== undefined && mayOpen('userMenu', userType);
  // 同期できなかった操作 exists on a connected desktop only: the link's status says there is one.
  const failed = useLink((s) => s.status?.failed);
  const seesFailed = failed !== undefined && userType !== undefined && mayOpen('offlineFailed', userType);
  const choose = (action: () => void) => {
    setSettingsOpen(false);
    action();
  };
  const unavailable = (key: (typeof UNAVAILABLE)[number] | (typeof UNAVAILABLE_AFTER)[number]) => (
    <li key={key} className="menu-item">
      <span className="menu-unavailable">
        {t.menu[key]}
        <small className="menu-badge">{t.menu.unavailable}</small>
      </span>
    </li>
  );
  // Escape closes the list and puts the focus back on 設定・管理, so it is not lost with the hidden entry.
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    setSettingsOpen(false);
    toggle.current?.focus();
  };
  // Leaving the disclosure (by Tab or a click elsewhere) closes it, as a web page's dropdown does.
  const closeOnLeave = (event: FocusEvent<HTMLLIElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setSettingsOpen(false);
  };
  const settingsCurrent = SETTINGS_VIEWS.has(view);
  return (
    <nav className="main-menu" aria-label={t.menu.label}>
      <ul>
        <li className="menu-item">
          <button type="button" className="menu-button" aria-current={view === 'top' ? 'page' : undefined} onClick={() => choose(() => go('top'))}>
            {t.menu.home}
          </button>
        </li>
        {UNAVAILABLE.map(unavailable)}
        <li className="menu-item" onKeyDown={closeOnEscape} onBlur={closeOnLeave}>
          <button
            ref={toggle}
            type="button"
            className={settingsCurrent ? 'menu-button menu-current' : 'menu-button'}
            aria-expanded={settingsOpen}
            aria-controls="settings-menu"
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            {t.menu.settings}
          </button>
          <ul id="settings-menu" className="submenu" hidden={!settingsOpen}>
            {manages && (
              <li>
                <button type="button" className="submenu-button" onClick={() => choose(() => go('userMenu'))}>
                  {t.menu.userManagement}
                </button>
              </li>
            )}
            {manages && (
              <li>
                <button type="button" className="submenu-button" onClick={() => choose(() => go('connection'))}>
                  {t.connection.title}
                </button>
              </li>
            )}
            {seesFailed && (
              <li>
                <button type="button" className="submenu-button" onClick={() => choose(() => go('offlineFailed'))}>
                  {t.offline.failedTitle}
                  {failed > 0 && <span className="menu-count">{t.offline.failedCount(failed)}</span>}
                </button>
              </li>
            )}
            {userType === 'master' && (
              <li>
                <button type="button" className="submenu-button" onClick={() => choose(() => go('backup'))}>
                  {t.backup.menu}
                </button>
              </li>
            )}
            <li>
              <button type="button" className="submenu-button" onClick={() => choose(openLostToken)}>
                {t.app.lostToken}
              </button>
            </li>
          </ul>
        </li>
        {UNAVAILABLE_AFTER.map(unavailable)}
      </ul>
    </nav>
  );
}
