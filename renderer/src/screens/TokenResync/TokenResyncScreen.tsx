import { Alert } from '../../components/Alert';
import { Screen } from '../../components/Screen';
import { useT } from '../../i18n';
import { useUserAdmin } from '../../stores/userAdmin';
import { TokenResyncForm } from './TokenResyncForm';

/**
 * 設定・管理 > 利用者管理 > トークンの同期 (SPEC R-OTP-1), for master and admin users: a token whose clock drifted
 * past the verification window is re-anchored with two consecutive codes. No screen ID in the guide.
 */
export function TokenResyncScreen() {
  const t = useT();
  const outcome = useUserAdmin((s) => s.outcome);
  const r = t.resync;
  return (
    <Screen section={t.admin.section} title={r.title}>
      <div className="lead">
        {r.intro.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <Alert tone="info" message={outcome?.kind === 'resynced' ? r.done(outcome.serial) : undefined} />
      <TokenResyncForm />
    </Screen>
  );
}
