import { useEffect, type ReactNode } from 'react';
import { AppHeader } from './components/AppHeader';
import { MainMenu } from './components/MainMenu';
import { useT } from './i18n';
import { PasswordChangeScreen } from './screens/Account/PasswordChangeScreen';
import { ReplaceAuthPasswordScreen } from './screens/Account/ReplaceAuthPasswordScreen';
import { AuditScreen } from './screens/Audit/AuditScreen';
import { ConnectionScreen } from './screens/Connection/ConnectionScreen';
import { FirstRunScreen } from './screens/Connection/FirstRunScreen';
import { UnreachableScreen } from './screens/Connection/UnreachableScreen';
import { BackupScreen } from './screens/Backup/BackupScreen';
import { LoginScreen } from './screens/Login/LoginScreen';
import { OfflineFailedScreen } from './screens/OfflineFailed/OfflineFailedScreen';
import { OtpStep } from './screens/Login/OtpStep';
import { LostReportScreen } from './screens/LostToken/LostReportScreen';
import { LostTokenScreen } from './screens/LostToken/LostTokenScreen';
import { SetupScreen } from './screens/Setup/SetupScreen';
import { TokenImportScreen } from './screens/TokenImport/TokenImportScreen';
import { TokenRegistrationScreen } from './screens/TokenRegistration/TokenRegistrationScreen';
import { TokenResyncScreen } from './screens/TokenResync/TokenResyncScreen';
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
import { mayOpen } from './screenAccess';
import type { SessionInfo } from '../../shared/contract';
import { usePick } from './stores/pick';

/** Screens that need a session; who may open each is the access of the channel it calls (screenAccess.ts). */
const SESSION_SCREENS: Partial<Record<View, () => ReactNode>> = {
  passwordChange: () => <PasswordChangeScreen />,
  replaceAuthPassword: () => <ReplaceAuthPasswordScreen />,
  userMenu: () => <UserManagementMenu />,
  revoke: () => <RevocationScreen />,
  tokenImport: () => <TokenImportScreen />,
  userRegister: () => <RegisterUserScreen />,
  userUpdate: () => <UpdateUserScreen />,
  userRemove: () => <RemoveUserScreen />,
  userUnlock: () => <UnlockUserScreen />,
  audit: () => <AuditScreen />,
  lostReport: () => <LostReportScreen />,
  masterAuthPassword: () => <MasterAuthPasswordScreen />,
  connection: () => <ConnectionScreen />,
  backup: () => <BackupScreen />,
  tokenResync: () => <TokenResyncScreen />,
  offlineFailed: () => <OfflineFailedScreen />,
};

/**
 * Which screen shows. A screen that needs a session falls back to login without one; a user whose initial
 * passwords are unchanged sees パスワード変更 only; a screen whose channel the user may not call falls back to the
 * top page (SPEC R-REV-1; the main process refuses the channel anyway). BRSK028 stays after a self-revocation
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
  if (view === 'firstRun') return <FirstRunScreen />;
  if (view === 'unreachable') return <UnreachableScreen />;
  if (view === 'setup') return <SetupScreen />;
  if (view === 'login') return <LoginScreen />;
  if (view === 'otp') return <OtpStep />;
  if (view === 'register') return <TokenRegistrationScreen />;
  if (view === 'lostToken') return <LostTokenScreen />;
  if (view === 'revokeResult') return <ResultScreen />;
  if (!info) return <LoginScreen />;
  if (info.mustChangePasswords) return <PasswordChangeScreen />;
  const screen = SESSION_SCREENS[view];
  return screen && mayOpen(view, info.userType) ? screen() : <TopScreen />;
}

export function App() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const { view, visit } = usePick(useNavigation, 'view', 'visit');
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
