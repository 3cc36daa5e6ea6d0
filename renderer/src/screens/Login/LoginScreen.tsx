import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { focusField } from '../../components/focus';
import { Form } from '../../components/Form';
import { FormField } from '../../components/FormField';
import { Screen } from '../../components/Screen';
import { useSubmission } from '../../components/useSubmission';
import { useErrorText, useT } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { useBackup } from '../../stores/backup';
import { useSetup } from '../../stores/setup';
import { SoftwareKeyboard } from './SoftwareKeyboard';
import { usePick } from '../../stores/pick';

const ids = { loginId: 'login-id', password: 'login-password' };

/** BLGI001, ID・パスワード方式 (SPEC R-LOG-1); 電子証明書方式 is out of scope (R-LOG-5). */
export function LoginScreen() {
  const t = useT();
  const describe = useErrorText();
  const { login, farewell } = usePick(useSession, 'login', 'farewell');
  const openLostToken = useNavigation((s) => s.openLostToken);
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [softKeyboard, setSoftKeyboard] = useState(false);
  const form = useSubmission({ ids, labels: { loginId: t.login.loginId, password: t.login.password }, required: { loginId, password } });
  // The banner about the last session (or the setup) is news for this visit only: the next submit dismisses it.
  const [dismissed, setDismissed] = useState(false);
  const setupDone = useSetup((s) => s.finished);
  const restored = useBackup((s) => s.restored);
  const loggedOut = farewell?.code === 'SESSION_EXPIRED' && farewell.reason === 'logout';
  // Why the last session ended, else (once) that the first-run setup or a restore has just finished.
  const notice = dismissed
    ? undefined
    : (describe(farewell) ?? (setupDone ? t.setup.done : restored ? t.restore.done(restored.companies, restored.users) : undefined));

  const submit = () => {
    setDismissed(true);
    return form.submit(async () => {
      const error = await login(loginId, password);
      // A refused password is never left in the field for the next attempt.
      if (error) setPassword('');
      return error;
    });
  };

  return (
    <Screen title={t.login.title} screenId="BLGI001">
      <Alert message={notice} tone={loggedOut || !farewell ? 'info' : 'error'} />
      <p className="lead">{t.login.intro}</p>
      <section className="panel" aria-labelledby="login-method">
        <h2 id="login-method">{t.login.method}</h2>
        <Form onSubmit={() => void submit()} labelledBy="login-method" summary={form.summary}>
          <Alert message={form.formError} />
          <FormField id={ids.loginId} label={t.login.loginId} value={loginId} onChange={setLoginId} autoComplete="username" error={form.fieldError('loginId')} />
          <FormField
            id={ids.password}
            type="password"
            label={t.login.password}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            readOnly={softKeyboard}
            hint={softKeyboard ? t.login.keyboardHint : undefined}
            error={form.fieldError('password')}
          >
            <label className="checkbox">
              <input type="checkbox" checked={softKeyboard} onChange={(e) => setSoftKeyboard(e.target.checked)} />
              {t.login.useKeyboard}
            </label>
          </FormField>
          {softKeyboard && (
            <SoftwareKeyboard
              onType={(char) => setPassword((p) => p + char)}
              onBackspace={() => setPassword((p) => p.slice(0, -1))}
              onClear={() => setPassword('')}
              onDone={() => focusField('login-submit')}
            />
          )}
          <div className="actions">
            <button id="login-submit" type="submit" className="button button-primary">
              {t.login.submit}
            </button>
          </div>
        </Form>
      </section>
      <p className="aside-link">
        <button type="button" className="link-button" onClick={openLostToken}>
          {t.app.lostToken}
        </button>
      </p>
    </Screen>
  );
}
