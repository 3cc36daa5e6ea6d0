import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { newPasswordChecks } from '../../components/passwordChecks';
import { OfflineRefusalNote } from '../../components/OfflineRefusalNote';
import { Screen } from '../../components/Screen';
import { useSubmission, type Invalid } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { changePassword, type PasswordKind } from '../../stores/account';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { passwordIds, PasswordSection, type PasswordEntry } from './PasswordSection';

type Field = 'currentLogin' | 'nextLogin' | 'confirmLogin' | 'currentAuth' | 'nextAuth' | 'confirmAuth';

const KINDS: readonly PasswordKind[] = ['login', 'auth'];
const blank: PasswordEntry = { current: '', next: '', confirm: '' };
const suffix = (kind: PasswordKind) => (kind === 'login' ? 'Login' : 'Auth');
const ids = Object.fromEntries(
  KINDS.flatMap((kind) => Object.entries(passwordIds(kind)).map(([part, id]) => [`${part}${suffix(kind)}`, id])),
) as Record<Field, string>;

/**
 * パスワード変更: anyone changes their own login and authentication passwords. A user with initial passwords
 * (SessionInfo.mustChangePasswords) lands here after login, must change both, and then reaches the top page;
 * until then the main process answers nothing else. The guide gives the screen no ID, so none is shown.
 */
export function PasswordChangeScreen() {
  const t = useT();
  const info = useSession((s) => s.info);
  const refresh = useSession((s) => s.refresh);
  const go = useNavigation((s) => s.go);
  const forced = info?.mustChangePasswords ?? false;
  const [entries, setEntries] = useState<Record<PasswordKind, PasswordEntry>>({ login: blank, auth: blank });
  const [done, setDone] = useState<Record<PasswordKind, boolean>>({ login: false, auth: false });
  const [changed, setChanged] = useState<PasswordKind[]>([]);
  const a = t.account;
  const labels: Record<Field, string> = {
    currentLogin: a.current(a.login),
    nextLogin: a.next(a.login),
    confirmLogin: t.passwordRules.confirm(a.next(a.login)),
    currentAuth: a.current(a.auth),
    nextAuth: a.next(a.auth),
    confirmAuth: t.passwordRules.confirm(a.next(a.auth)),
  };
  const filled = (kind: PasswordKind) => Object.values(entries[kind]).some((v) => v !== '');
  const active = KINDS.filter((kind) => !done[kind] && (forced || filled(kind)));
  const other = (kind: PasswordKind) => entries[kind === 'login' ? 'auth' : 'login'].next || undefined;
  const context = (kind: PasswordKind) => ({ loginId: info?.loginId ?? '', otherPassword: other(kind) });
  const required: Partial<Record<Field, string>> = {};
  const checks: Invalid<Field> = {};
  for (const kind of active) {
    const e = entries[kind];
    Object.assign(required, { [`current${suffix(kind)}`]: e.current, [`next${suffix(kind)}`]: e.next, [`confirm${suffix(kind)}`]: e.confirm });
    const c = newPasswordChecks(e.next, e.confirm, context(kind));
    Object.assign(checks, { [`next${suffix(kind)}`]: c.password, [`confirm${suffix(kind)}`]: c.confirm });
  }
  if (active.length === 0) checks.currentLogin = (d) => d.account.nothing;
  const form = useSubmission({ ids, labels, required, checks });

  const submit = () =>
    form.submit(async () => {
      for (const kind of active) {
        const error = await changePassword(kind, entries[kind].current, entries[kind].next);
        if (error) return error;
        setDone((d) => ({ ...d, [kind]: forced }));
        setEntries((all) => ({ ...all, [kind]: blank }));
        setChanged((list) => [...list.filter((k) => k !== kind), kind]);
      }
      if (!forced) return null;
      // Both changed: the main process lifts the hold, and the session says so.
      const error = await refresh();
      if (!error) go('top');
      return error;
    });

  const errors = (kind: PasswordKind) => ({
    current: form.fieldError(`current${suffix(kind)}`),
    next: form.fieldError(`next${suffix(kind)}`),
    confirm: form.fieldError(`confirm${suffix(kind)}`),
  });
  return (
    <Screen title={a.title}>
      <OfflineRefusalNote />
      {forced ? (
        <div className="banner banner-warning" role="note">
          <p>{a.forced}</p>
          <p>{a.forcedMore}</p>
        </div>
      ) : (
        <p className="lead">{a.intro}</p>
      )}
      <Alert tone="info" message={changed.map((kind) => a.changed[kind]).join(' ') || undefined} />
      <section className="panel">
        <Form onSubmit={() => void submit()} summary={form.summary}>
          <Alert message={form.formError} />
          {KINDS.map((kind) => (
            <PasswordSection
              key={kind}
              kind={kind}
              entry={entries[kind]}
              onChange={(entry) => setEntries((all) => ({ ...all, [kind]: entry }))}
              context={context(kind)}
              done={done[kind]}
              forced={forced}
              errors={errors(kind)}
            />
          ))}
          <FormActions centred back={forced ? undefined : { label: a.toTop, onClick: () => go('top') }} submit={a.submit} tone="plain" />
        </Form>
      </section>
    </Screen>
  );
}
