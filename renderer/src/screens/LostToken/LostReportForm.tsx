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
import { isSelectable } from '../../stores/revocation';
import { useSession } from '../../stores/session';
import { useUserAdmin } from '../../stores/userAdmin';

type Field = 'loginId' | 'authPassword' | 'otp';

const placeOf = (error: AppError) =>
  error.code === 'USER_NOT_FOUND' || error.code === 'NOT_REVOCABLE' || error.code === 'FORBIDDEN' ? 'loginId' : fieldOf(error);

/** 紛失届's form: another user whose token is in service (R-REV-3's revocable users) and the operator's step-up. */
export function LostReportForm({ users }: { users: readonly UserRow[] }) {
  const t = useT();
  const reportLost = useUserAdmin((s) => s.reportLost);
  const go = useNavigation((s) => s.go);
  const self = useSession((s) => s.info?.loginId);
  const stepUp = useStepUp('lost');
  const [picked, setPicked] = useState<string | null>(null);
  const row = users.find((u) => u.loginId === picked);
  const ids: Record<Field, string> = { loginId: 'lost-users', ...stepUp.ids };
  const labels: Record<Field, string> = { loginId: t.pick.heading, authPassword: t.stepUp.authPassword, otp: t.stepUp.otp };
  const form = useSubmission({ ids, labels, placeOf });

  const submit = () =>
    form.submit(
      stepUp.value,
      async () => {
        const error = await reportLost(row!, stepUp.value);
        stepUp.settle(error ? placeOf(error) : undefined, !error);
        return error;
      },
      { loginId: !row && ((d) => d.pick.required) },
    );

  return (
    <Form onSubmit={() => void submit()}>
      <UserPicker
        id={ids.loginId}
        users={users}
        selected={picked}
        onSelect={setPicked}
        isSelectable={(u) => isSelectable(u) && u.loginId !== self}
        error={form.fieldError('loginId')}
      />
      <section className="panel">
        <Alert message={form.formError} />
        <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
        <div className="actions actions-split">
          <button type="button" className="button button-back" onClick={() => go('lostToken')}>
            {t.lostReport.back}
          </button>
          <button type="submit" className="button button-primary button-next">
            {t.lostReport.submit}
          </button>
        </div>
      </section>
    </Form>
  );
}
