import { useT } from '../i18n';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';
import { LanguageSwitch } from './LanguageSwitch';
import { LinkIndicator } from './LinkIndicator';
import '../styles/header.css';

/** The bank's banner: product, the logged-in company and user with パスワード変更 and ログアウト, a connected desktop's link, and the language switch. */
export function AppHeader() {
  const t = useT();
  const info = useSession((s) => s.info);
  const logout = useSession((s) => s.logout);
  const go = useNavigation((s) => s.go);
  return (
    <header className="app-header">
      <div className="brand-block">
        <p className="brand">
          <span className="brand-bank">{t.app.bank}</span>
          <span className="brand-product">{t.app.product}</span>
        </p>
        <LinkIndicator />
      </div>
      <div className="header-tools">
        {info && (
          <p className="who">
            <span className="who-company">{info.companyName}</span>
            <span className="who-user">{t.app.userName(info.name)}</span>
          </p>
        )}
        <LanguageSwitch />
        {info && (
          <button type="button" className="button button-header" onClick={() => go('passwordChange')}>
            {t.account.headerLink}
          </button>
        )}
        {info && (
          <button type="button" className="button button-logout button-header" onClick={() => void logout()}>
            {t.app.logout}
          </button>
        )}
      </div>
    </header>
  );
}
