import { useState } from 'react';
import { otpField } from '../../../../shared/input/fields';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormField } from '../../components/FormField';
import { OtpField } from '../../components/OtpField';
import { NewPasswordField } from '../../components/NewPasswordField';
import { newPasswordChecks } from '../../components/passwordChecks';
import { OfflineRefusalNote } from '../../components/OfflineRefusalNote';
import { Screen } from '../../components/Screen';
import { useSubmission } from '../../components/useSubmission';
import { formatDateTime } from '../../format/jst';
import { useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { withSession } from '../../stores/sessionCall';
import { usePick } from '../../stores/pick';

type Field = 'loginPassword' | 'otp' | 'next' | 'confirm';
const ids: Record<Field, string> = { loginPassword: 'replace-login-password', otp: 'replace-otp', next: 'replace-next', confirm: 'replace-confirm' };

/**
 * SPEC R-REV-6: an admin set this master's authentication password; the master replaces it with their login
 * password and an OTP, never the temporary password (the admin knows it). Reached from the top page's notice.
 */
export function ReplaceAuthPasswordScreen() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const { info, refresh } = usePick(useSession, 'info', 'refresh');
  const go = useNavigation((s) => s.go);
  const [value, setValue] = useState({ loginPassword: '', otp: '', next: '', confirm: '' });
  const r = t.replaceAuth;
  const labels: Record<Field, string> = { loginPassword: t.setup.loginPassword, otp: t.stepUp.otp, next: r.next, confirm: t.passwordRules.confirm(r.next) };
  const context = { loginId: info?.loginId ?? '', otherPassword: value.loginPassword || undefined };
  const checks = newPasswordChecks(value.next, value.confirm, context);
  const form = useSubmission({ ids, labels, required: value, schemas: { otp: otpField }, checks: { next: checks.password, confirm: checks.confirm } });
  const reset = info?.authPasswordReset;
  const set = (field: Field) => (v: string) => setValue((all) => ({ ...all, [field]: v }));

  const submit = () =>
    form.submit(async () => {
      const { loginPassword, otp, next } = value;
      const result = await withSession((api, sessionId) => api.account.replaceAuthPassword({ sessionId, loginPassword, otp, next }));
      if (!result.ok) return result.error;
      const error = await refresh();
      if (!error) go('top');
      return error;
    });

  return (
    <Screen title={r.title}>
      <OfflineRefusalNote />
      {reset && <p className="lead">{r.intro(reset.by, formatDateTime(reset.at, lang))}</p>}
      <Form onSubmit={() => void submit()} className="panel" summary={form.summary}>
        <Alert message={form.formError} />
        <FormField id={ids.loginPassword} label={labels.loginPassword} type="password" autoComplete="current-password" value={value.loginPassword} onChange={set('loginPassword')} required error={form.fieldError('loginPassword')} />
        <NewPasswordField
          id={ids.next}
          label={r.next}
          value={value.next}
          onChange={set('next')}
          confirm={value.confirm}
          onConfirmChange={set('confirm')}
          context={context}
          otherLabel={t.setup.loginPassword}
          error={form.fieldError('next')}
          confirmError={form.fieldError('confirm')}
        />
        <OtpField id={ids.otp} masked label={labels.otp} value={value.otp} onChange={set('otp')} error={form.fieldError('otp')} />
        <div className="actions actions-split">
          <button type="button" className="button button-back" onClick={() => go('top')}>
            {t.account.toTop}
          </button>
          <button type="submit" className="button button-primary">
            {r.submit}
          </button>
        </div>
      </Form>
    </Screen>
  );
}
