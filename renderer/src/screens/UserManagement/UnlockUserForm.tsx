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
import { useUserAdmin } from '../../stores/userAdmin';

type Field = 'loginId' | 'authPassword' | 'otp';

const placeOf = (error: AppError) => (error.code === 'USER_NOT_FOUND' || error.code === 'NOT_LOCKED' ? 'loginId' : fieldOf(error));

/** ロック解除's form (SPEC R-OTP-3: unlocking is an admin or master action): a locked user and the step-up. */
export function UnlockUserForm({ locked }: { locked: readonly UserRow[] }) {
  const t = useT();
  const unlock = useUserAdmin((s) => s.unlock);
  const go = useNavigation((s) => s.go);
  const stepUp = useStepUp('unlock');
  const [picked, setPicked] = useState<string | null>(null);
  const row = locked.find((u) => u.loginId === picked);
  const ids: Record<Field, string> = { loginId: 'unlock-users', ...stepUp.ids };
  const labels: Record<Field, string> = { loginId: t.pick.heading, authPassword: t.stepUp.authPassword, otp: t.stepUp.otp };
  const form = useSubmission({ ids, labels, placeOf });

  const submit = () =>
    form.submit(
      stepUp.value,
      async () => {
        const error = await unlock(row!, stepUp.value);
        stepUp.settle(error ? placeOf(error) : undefined, !error);
        if (!error) setPicked(null);
        return error;
      },
      { loginId: !row && ((d) => d.pick.required) },
    );

  return (
    <Form onSubmit={() => void submit()}>
      <UserPicker id={ids.loginId} users={locked} selected={picked} onSelect={setPicked} isSelectable={() => true} error={form.fieldError('loginId')} />
      <section className="panel">
        <Alert message={form.formError} />
        <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
        <div className="actions actions-split">
          <button type="button" className="button button-back" onClick={() => go('userMenu')}>
            {t.admin.toMenu}
          </button>
          <button type="submit" className="button button-primary button-next">
            {t.unlockUser.submit}
          </button>
        </div>
      </section>
    </Form>
  );
}
