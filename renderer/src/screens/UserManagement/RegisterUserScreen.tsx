import { AdminResult } from '../../components/AdminResult';
import { Alert } from '../../components/Alert';
import { Screen } from '../../components/Screen';
import { NavButton } from '../../components/ScreenActions';
import { useQueuedText } from '../../components/useQueuedText';
import { useT } from '../../i18n';
import { useRowOutcome } from '../../stores/userAdmin';
import { RegisterUserForm } from './RegisterUserForm';

/** 設定・管理 > 利用者管理 > 利用者登録 (SPEC R-OTP-4: user registration needs the step-up). No screen ID in the guide. */
export function RegisterUserScreen() {
  const t = useT();
  const queued = useQueuedText();
  const registered = useRowOutcome('registered');
  const r = t.registerUser;
  return (
    <Screen section={t.admin.section} title={r.title}>
      <Alert tone="info" message={registered ? queued(r.done) : undefined} />
      {registered ? (
        <AdminResult caption={r.done} rows={[registered]} actions={<NavButton to="userRegister" look="plain" label={r.again} />}>
          <p className="note">{r.doneNote}</p>
        </AdminResult>
      ) : (
        <>
          <p className="lead">{r.intro}</p>
          <RegisterUserForm />
        </>
      )}
    </Screen>
  );
}
