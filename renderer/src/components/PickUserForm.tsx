import { useState, type ReactNode } from 'react';
import type { UserRow } from '../../../shared/contract';
import type { AppError, ErrorCode } from '../../../shared/errors';
import { useT } from '../i18n';
import { fieldOf } from '../i18n/errors';
import type { StepUp } from '../stores/tokenImport';
import { Alert } from './Alert';
import { Form } from './Form';
import { FormActions } from './FormActions';
import { StepUpFields, useStepUp } from './StepUpFields';
import { UserPicker } from './UserPicker';
import { useSubmission, type Check } from './useSubmission';

/** An acknowledgement the operator ticks before the step-up (利用者削除's consequences). */
type Confirm = { label: string; required: Check; describedBy: string; before: ReactNode };

type Props = {
  /** Prefix of the element IDs (`${prefix}-users`, `${prefix}-otp`...). */
  prefix: string;
  users: readonly UserRow[];
  isSelectable: (row: UserRow) => boolean;
  /** Refusals about the chosen user, shown at the list rather than above the step-up. */
  aboutUser: readonly ErrorCode[];
  act: (row: UserRow, stepUp: StepUp) => Promise<AppError | null>;
  back: { label: string; onClick: () => void };
  submit: string;
  tone?: 'next' | 'danger';
  confirm?: Confirm;
};

type Field = 'loginId' | 'confirm' | 'authPassword' | 'otp';

/**
 * One user of the company, chosen in R-REV-2's table, and the operator's step-up (SPEC R-OTP-4): the form of
 * ロック解除, 利用者削除 and 紛失届. A success clears the choice, the acknowledgement and the used OTP.
 */
export function PickUserForm({ prefix, users, isSelectable, aboutUser, act, back, submit, tone, confirm }: Props) {
  const t = useT();
  const stepUp = useStepUp(prefix);
  const [picked, setPicked] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const row = users.find((u) => u.loginId === picked);
  const placeOf = (error: AppError) => (aboutUser.includes(error.code) ? 'loginId' : fieldOf(error));
  const ids: Record<Field, string> = { loginId: `${prefix}-users`, confirm: `${prefix}-confirm`, ...stepUp.ids };
  const labels: Record<Field, string> = { loginId: t.pick.heading, confirm: confirm?.label ?? '', authPassword: t.stepUp.authPassword, otp: t.stepUp.otp };
  const checks = { loginId: !row && ((d) => d.pick.required), confirm: confirm && !confirmed && confirm.required } satisfies Record<string, Check | false | undefined>;
  const form = useSubmission({ ids, labels, placeOf, ...stepUp.rules, checks });

  const run = () =>
    form.submit(async () => {
      const error = await act(row!, stepUp.value);
      stepUp.settle(error, error ? placeOf(error) : undefined);
      if (!error) {
        setPicked(null);
        setConfirmed(false);
      }
      return error;
    });

  const confirmError = form.fieldError('confirm');
  return (
    <Form onSubmit={() => void run()} summary={form.summary}>
      <UserPicker id={ids.loginId} users={users} selected={picked} onSelect={setPicked} isSelectable={isSelectable} error={form.fieldError('loginId')} />
      <section className="panel">
        {confirm && (
          <>
            {confirm.before}
            <label className="checkbox">
              <input
                id={ids.confirm}
                type="checkbox"
                checked={confirmed}
                aria-describedby={confirmError ? `${confirm.describedBy} ${ids.confirm}-error` : confirm.describedBy}
                aria-invalid={confirmError ? true : undefined}
                onChange={(e) => setConfirmed(e.target.checked)}
              />
              {confirm.label}
            </label>
            <p id={`${ids.confirm}-error`} className="field-error" aria-live="polite">
              {confirmError}
            </p>
          </>
        )}
        <Alert message={form.formError} />
        <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
        <FormActions back={back} submit={submit} tone={tone} />
      </section>
    </Form>
  );
}
