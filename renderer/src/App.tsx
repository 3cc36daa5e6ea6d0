import { useEffect, type ReactNode } from 'react';
import { AppHeader } from './components/AppHeader';
import { MainMenu } from './components/MainMenu';
import { useT } from './i18n';
import { PasswordChangeScreen } from './screens/Account/PasswordChangeScreen';
import { ReplaceAuthPasswordScreen } from './screens/Account/ReplaceAuthPasswordScreen';
import { AuditScreen } from './screens/Audit/AuditScreen';
import { LoginScreen } from './screens/Login/LoginScreen';
import { OtpStep } from './screens/Login/OtpStep';
import { LostReportScreen } from './screens/LostToken/LostReportScreen';
import { LostTokenScreen } from './screens/LostToken/LostTokenScreen';
import { SetupScreen } from './screens/Setup/SetupScreen';
import { TokenImportScreen } from './screens/TokenImport/TokenImportScreen';
import { TokenRegistrationScreen } from './screens/TokenRegistration/TokenRegistrationScreen';
import { ResultScreen } from './screens/TokenRevocation/ResultScreen';
import { RevocationScreen } from './screens/TokenRevocation/RevocationScreen';
import { TopScreen } from './screens/Top/TopScreen';
import { MasterAuthPasswordScreen } from './screens/UserManagement/MasterAuthPasswordScreen';
import { RegisterUserScreen } from './screens/UserManagement/RegisterUserScreen';
import { RemoveUserScreen } from './screens/UserManagement/RemoveUserScreen';
import { UnlockUserScreen } from './screens/UserManagement/UnlockUserScreen';
import { UpdateUserScreen } from './screens/UserManagement/UpdateUserScreen';
import { UserManagementMenu } from './screens/UserManagement/UserManagementMenu';
import { useLanguage } from './stores/language';
import { useNavigation, type View } from './stores/navigation';
import { useSession } from './stores/session';
import { useSetup } from './stores/setup';
import type { SessionInfo } from '../../shared/contract';

/** Screens that need a session, by who may see them (SPEC R-REV-1; R-REV-6 for the master's password). */
const SESSION_SCREENS: Partial<Record<View, { screen: () => ReactNode; only?: 'managers' | 'admins' }>> = {
  passwordChange: { screen: () => <PasswordChangeScreen /> },
  replaceAuthPassword: { screen: () => <ReplaceAuthPasswordScreen /> },
  userMenu: { screen: () => <UserManagementMenu />, only: 'managers' },
  revoke: { screen: () => <RevocationScreen />, only: 'managers' },
  tokenImport: { screen: () => <TokenImportScreen />, only: 'managers' },
  userRegister: { screen: () => <RegisterUserScreen />, only: 'managers' },
  userUpdate: { screen: () => <UpdateUserScreen />, only: 'managers' },
  userRemove: { screen: () => <RemoveUserScreen />, only: 'managers' },
  userUnlock: { screen: () => <UnlockUserScreen />, only: 'managers' },
  audit: { screen: () => <AuditScreen />, only: 'managers' },
  lostReport: { screen: () => <LostReportScreen />, only: 'managers' },
  masterAuthPassword: { screen: () => <MasterAuthPasswordScreen />, only: 'admins' },
};

const allowed = (only: 'managers' | 'admins' | undefined, info: SessionInfo) =>
  !only || info.userType === 'admin' || (only === 'managers' && info.userType === 'master');

/**
 * Which screen shows. A screen that needs a session falls back to login without one; a user whose initial
 * passwords are unchanged sees パスワード変更 only; the user-management screens fall back to the top page for a
 * general user (SPEC R-REV-1; the main process refuses them anyway). BRSK028 stays after a self-revocation
 * ended the session (R-REV-4).
 */
function screenFor(view: View, info: SessionInfo | null, loading: string): ReactNode {
  if (view === 'starting') {
    return (
      <p className="loading" role="status">
        {loading}
      </p>
    );
  }
  if (view === 'setup') return <SetupScreen />;
  if (view === 'login') return <LoginScreen />;
  if (view === 'otp') return <OtpStep />;
  if (view === 'register') return <TokenRegistrationScreen />;
  if (view === 'lostToken') return <LostTokenScreen />;
  if (view === 'revokeResult') return <ResultScreen />;
  if (!info) return <LoginScreen />;
  if (info.mustChangePasswords) return <PasswordChangeScreen />;
  const entry = SESSION_SCREENS[view];
  return entry && allowed(entry.only, info) ? entry.screen() : <TopScreen />;
}

export function App() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const view = useNavigation((s) => s.view);
  const visit = useNavigation((s) => s.visit);
  const info = useSession((s) => s.info);
  const start = useSetup((s) => s.start);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.app.bank} ${t.app.product}`;
  }, [lang, t]);
  useEffect(() => {
    void start();
  }, [start]);
  return (
    <div className="app">
      <AppHeader />
      {info && !info.mustChangePasswords && <MainMenu />}
      <main className="screen" key={visit}>
        {screenFor(view, info, t.app.loading)}
      </main>
    </div>
  );
}
