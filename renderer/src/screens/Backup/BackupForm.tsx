import { useState } from 'react';
import { meetsBackupPassphraseRule } from '../../../../shared/input/backupPassphrase';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormField } from '../../components/FormField';
import { PassphraseRule } from '../../components/PassphraseRule';
import { StepUpFields, useStepUp } from '../../components/StepUpFields';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useBackup } from '../../stores/backup';
import { useNavigation } from '../../stores/navigation';

type Field = 'passphrase' | 'confirm' | 'authPassword' | 'otp';

/** The passphrase twice (its rule live), the master's step-up, then the main process's save dialog. */
export function BackupForm() {
  const t = useT();
  const create = useBackup((s) => s.create);
  const go = useNavigation((s) => s.go);
  const stepUp = useStepUp('backup');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const b = t.backup;
  const ids: Record<Field, string> = { passphrase: 'backup-passphrase', confirm: 'backup-passphrase-confirm', ...stepUp.ids };
  const labels: Record<Field, string> = { passphrase: b.passphrase, confirm: b.confirm, authPassword: t.stepUp.authPassword, otp: t.stepUp.otp };
  const form = useSubmission({
    ids,
    labels,
    required: { passphrase, confirm, ...stepUp.value },
    schemas: stepUp.rules.schemas,
    checks: {
      passphrase: !meetsBackupPassphraseRule(passphrase) && ((d) => d.backup.tooShort),
      confirm: meetsBackupPassphraseRule(passphrase) && confirm !== passphrase && ((d) => d.backup.mismatch),
    },
  });
  const ruleId = `${ids.passphrase}-rules`;

  const submit = () =>
    form.submit(async () => {
      const error = await create(passphrase, stepUp.value);
      // A cancelled dialog consumed nothing: the step-up stays for the next try.
      if (error?.problem !== 'CANCELLED') stepUp.settle(error);
      if (!error) {
        setPassphrase('');
        setConfirm('');
      }
      return error;
    });

  return (
    <Form onSubmit={() => void submit()} className="panel" summary={form.summary}>
      <Alert message={form.formError} />
      <FormField id={ids.passphrase} type="password" label={b.passphrase} required value={passphrase} onChange={setPassphrase} autoComplete="new-password" describedBy={`${ruleId}-heading ${ruleId}`} error={form.fieldError('passphrase')}>
        <PassphraseRule id={ruleId} passphrase={passphrase} />
      </FormField>
      <FormField id={ids.confirm} type="password" label={b.confirm} required value={confirm} onChange={setConfirm} autoComplete="new-password" error={form.fieldError('confirm')} />
      <StepUpFields stepUp={stepUp} errors={{ authPassword: form.fieldError('authPassword'), otp: form.fieldError('otp') }} />
      <div className="actions actions-split">
        <button type="button" className="button button-back" onClick={() => go('top')}>
          {b.toTop}
        </button>
        <button type="submit" className="button button-primary button-next">
          {b.submit}
        </button>
      </div>
    </Form>
  );
}
