import { useEffect, type ReactNode } from 'react';
import { AppHeader } from './components/AppHeader';
import { MainMenu } from './components/MainMenu';
import { useT } from './i18n';
import { LoginScreen } from './screens/Login/LoginScreen';
import { OtpStep } from './screens/Login/OtpStep';
import { LostTokenScreen } from './screens/LostToken/LostTokenScreen';
import { TokenRegistrationScreen } from './screens/TokenRegistration/TokenRegistrationScreen';
import { ResultScreen } from './screens/TokenRevocation/ResultScreen';
import { RevocationScreen } from './screens/TokenRevocation/RevocationScreen';
import { TopScreen } from './screens/Top/TopScreen';
import { UserManagementMenu } from './screens/UserManagement/UserManagementMenu';
import { useLanguage } from './stores/language';
import { useNavigation, type View } from './stores/navigation';
import { useSession } from './stores/session';
import type { SessionInfo } from '../../shared/contract';

const managerOnly: ReadonlySet<View> = new Set(['userMenu', 'revoke']);

/**
 * Which screen shows. A screen that needs a session falls back to login without one; the revocation screens
 * fall back to the top page for a general user (SPEC R-REV-1; the main process refuses them anyway).
 * BRSK028 stays after a self-revocation ended the session (R-REV-4).
 */
function screenFor(view: View, info: SessionInfo | null): ReactNode {
  if (view === 'login') return <LoginScreen />;
  if (view === 'otp') return <OtpStep />;
  if (view === 'register') return <TokenRegistrationScreen />;
  if (view === 'lostToken') return <LostTokenScreen />;
  if (view === 'revokeResult') return <ResultScreen />;
  if (!info) return <LoginScreen />;
  if (managerOnly.has(view) && info.userType === 'general') return <TopScreen />;
  if (view === 'userMenu') return <UserManagementMenu />;
  if (view === 'revoke') return <RevocationScreen />;
  return <TopScreen />;
}

export function App() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const view = useNavigation((s) => s.view);
  const visit = useNavigation((s) => s.visit);
  const info = useSession((s) => s.info);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.app.bank} ${t.app.product}`;
  }, [lang, t]);
  return (
    <div className="app">
      <AppHeader />
      {info && <MainMenu />}
      <main className="screen" key={visit}>
        {screenFor(view, info)}
      </main>
    </div>
  );
}
