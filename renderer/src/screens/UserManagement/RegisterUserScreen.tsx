import { AdminResult } from '../../components/AdminResult';
import { Alert } from '../../components/Alert';
import { useQueuedText } from '../../components/useQueuedText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { useUserAdmin } from '../../stores/userAdmin';
import { RegisterUserForm } from './RegisterUserForm';

/** 設定・管理 > 利用者管理 > 利用者登録 (SPEC R-OTP-4: user registration needs the step-up). No screen ID in the guide. */
export function RegisterUserScreen() {
  const t = useT();
  const outcome = useUserAdmin((s) => s.outcome);
  const queued = useQueuedText();
  const go = useNavigation((s) => s.go);
  const registered = outcome?.kind === 'registered' ? outcome.row : null;
  const r = t.registerUser;
  return (
    <>
      <ScreenHeader section={t.admin.section} title={r.title} />
      <Alert tone="info" message={registered ? queued(r.done) : undefined} />
      {registered ? (
        <AdminResult
          caption={r.done}
          rows={[registered]}
          actions={
            <button type="button" className="button" onClick={() => go('userRegister')}>
              {r.again}
            </button>
          }
        >
          <p className="note">{r.doneNote}</p>
        </AdminResult>
      ) : (
        <>
          <p className="lead">{r.intro}</p>
          <RegisterUserForm />
        </>
      )}
    </>
  );
}
