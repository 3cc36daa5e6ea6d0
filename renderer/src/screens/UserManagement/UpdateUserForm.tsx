import { useState } from 'react';
import type { UserRow } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { RadioField } from '../../components/RadioField';
import { StepUpFields, useStepUp } from '../../components/StepUpFields';
import { UserPicker } from '../../components/UserPicker';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useNavigation } from '../../stores/navigation';
import { useUserAdmin, type UserChange } from '../../stores/userAdmin';

type Field = 'loginId' | 'name' | 'userType' | 'authPassword' | 'otp';
type Manageable = 'admin' | 'general';

const placeOf = (error: AppError) =>
  error.code === 'USER_NOT_FOUND' ? 'loginId' : error.code === 'MASTER_RULE' ? 'userType' : fieldOf(error);

/** 利用者情報変更's form: the user, their new name or type (a master keeps theirs), and the step-up. */
export function UpdateUserForm({ users }: { users: readonly UserRow[] }) {
  const t = useT();
  const update = useUserAdmin((s) => s.update);
  const go = useNavigation((s) => s.go);
  const stepUp = useStepUp('update');
  const [picked, setPicked] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [userType, setUserType] = useState<Manageable>('general');
  const row = users.find((u) => u.loginId === picked);
  const u = t.updateUser;
  const ids: Record<Field, string> = { loginId: 'update-users', name: 'update-name', userType: 'update-user-type', ...stepUp.ids };
  const labels: Record<Field, string> = { loginId: t.pick.heading, name: t.admin.name, userType: t.admin.userType, authPassword: t.stepUp.authPassword, otp: t.stepUp.otp };

  const pick = (loginId: string) => {
    const chosen = users.find((r) => r.loginId === loginId);
    setPicked(loginId);
    setName(chosen?.name ?? '');
    setUserType(chosen?.userType === 'admin' ? 'admin' : 'general');
  };
  const change = (): UserChange | null => {
    if (!row) return null;
    const next: UserChange = { loginId: row.loginId };
    if (name.trim() !== row.name) next.name = name.trim();
    if (row.userType !== 'master' && userType !== row.userType) next.userType = userType;
    return next;
  };
  const next = change();
  const unchanged = next !== null && next.name === undefined && next.userType === undefined;
  const form = useSubmission({
    ids,
    labels,
    placeOf,
    required: { name, ...stepUp.value },
    schemas: stepUp.rules.schemas,
    checks: { loginId: !row && ((d) => d.pick.required), name: row && unchanged && ((d) => d.updateUser.unchanged) },
  });

  const submit = () =>
    form.submit(async () => {
      const error = await update(next!, stepUp.value);
      stepUp.settle(error, error ? placeOf(error) : undefined);
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} summary={form.summary}>
      <UserPicker id={ids.loginId} users={users} selected={picked} onSelect={pick} isSelectable={() => true} error={form.fieldError('loginId')} />
      <section className="panel" aria-labelledby="update-change-heading">
        <h2 id="update-change-heading">{u.change}</h2>
        <Alert message={form.formError} />
        <FormField id={ids.name} label={labels.name} required value={name} onChange={setName} autoComplete="off" disabled={!row} error={form.fieldError('name')} />
        <RadioField
          id={ids.userType}
          label={labels.userType}
          value={userType}
          onChange={setUserType}
          disabled={!row || row.userType === 'master'}
          hint={row?.userType === 'master' ? u.masterType : undefined}
          options={[
            { value: 'admin', label: t.userTypes.admin },
            { value: 'general', label: t.userTypes.general },
          ]}
          error={form.fieldError('userType')}
        />
        <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
        <FormActions back={{ label: t.admin.toMenu, onClick: () => go('userMenu') }} submit={u.submit} />
      </section>
    </Form>
  );
}
