import { useState } from 'react';
import type { UserRow } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { StepUpFields, useStepUp } from '../../components/StepUpFields';
import { UserPicker } from '../../components/UserPicker';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { useUserAdmin } from '../../stores/userAdmin';
import '../../styles/revocation.css';

type Field = 'loginId' | 'confirm' | 'authPassword' | 'otp';

const placeOf = (error: AppError) => (error.code === 'USER_NOT_FOUND' || error.code === 'MASTER_RULE' || error.code === 'FORBIDDEN' ? 'loginId' : fieldOf(error));

/** 利用者削除's form: the user (never the master, never oneself), the consequences and their acknowledgement, the step-up. */
export function RemoveUserForm({ users }: { users: readonly UserRow[] }) {
  const t = useT();
  const remove = useUserAdmin((s) => s.remove);
  const go = useNavigation((s) => s.go);
  const self = useSession((s) => s.info?.loginId);
  const stepUp = useStepUp('remove');
  const [picked, setPicked] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const row = users.find((u) => u.loginId === picked);
  const r = t.removeUser;
  const ids: Record<Field, string> = { loginId: 'remove-users', confirm: 'remove-confirm', ...stepUp.ids };
  const labels: Record<Field, string> = { loginId: t.pick.heading, confirm: r.confirm, authPassword: t.stepUp.authPassword, otp: t.stepUp.otp };
  const form = useSubmission({ ids, labels, placeOf });

  const submit = () =>
    form.submit(
      stepUp.value,
      async () => {
        const error = await remove(row!, stepUp.value);
        stepUp.settle(error ? placeOf(error) : undefined, !error);
        if (!error) {
          setPicked(null);
          setConfirmed(false);
        }
        return error;
      },
      { loginId: !row && ((d) => d.pick.required), confirm: !confirmed && ((d) => d.removeUser.confirmRequired) },
    );

  const confirmError = form.fieldError('confirm');
  return (
    <Form onSubmit={() => void submit()}>
      <UserPicker
        id={ids.loginId}
        users={users}
        selected={picked}
        onSelect={setPicked}
        isSelectable={(u) => u.userType !== 'master' && u.loginId !== self}
        error={form.fieldError('loginId')}
      />
      <section className="panel" aria-labelledby="remove-consequences-heading">
        <h2 id="remove-consequences-heading">{r.consequencesHeading}</h2>
        <ul className="consequences" id="remove-consequences">
          {r.consequences.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <label className="checkbox">
          <input
            id={ids.confirm}
            type="checkbox"
            checked={confirmed}
            aria-describedby={confirmError ? 'remove-consequences remove-confirm-error' : 'remove-consequences'}
            aria-invalid={confirmError ? true : undefined}
            onChange={(e) => setConfirmed(e.target.checked)}
          />
          {r.confirm}
        </label>
        <p id="remove-confirm-error" className="field-error" aria-live="polite">
          {confirmError}
        </p>
        <Alert message={form.formError} />
        <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
        <div className="actions actions-split">
          <button type="button" className="button button-back" onClick={() => go('userMenu')}>
            {t.admin.toMenu}
          </button>
          <button type="submit" className="button button-primary button-danger">
            {r.submit}
          </button>
        </div>
      </section>
    </Form>
  );
}
