import { useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { Alert } from '../../components/Alert';
import { FileField } from '../../components/FileField';
import { Form } from '../../components/Form';
import { FormField } from '../../components/FormField';
import { useSubmission, type Invalid } from '../../components/useSubmission';
import { fileToBase64 } from '../../format/base64';
import { useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useBackup } from '../../stores/backup';

type Field = 'fileBase64' | 'passphrase';

const ids: Record<Field, string> = { fileBase64: 'restore-file', passphrase: 'restore-passphrase' };
/** The contract's limit on a backup file (64 MiB once decoded), checked before the file is read at all. */
const MAX_BYTES = 64 * 1024 * 1024;

/** A wrong passphrase is shown at the passphrase; a store that already holds a company above the form; the rest at the file. */
const placeOf = (error: AppError) => {
  if (error.code !== 'BACKUP_REFUSED') return fieldOf(error);
  if (error.problem === 'WRONG_PASSPHRASE') return 'passphrase';
  return error.problem === 'STORE_NOT_EMPTY' ? undefined : 'fileBase64';
};

/**
 * バックアップから復元 (issue 15): the file (read in the screen, as token files are, so the same file field and limit
 * apply) and its passphrase. The main process checks the file and the passphrase before it writes anything.
 */
export function RestoreForm() {
  const t = useT();
  const restore = useBackup((s) => s.restore);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const r = t.restore;
  const checks: Invalid<Field> = {
    fileBase64: !file ? (d) => d.restore.fileRequired : file.size > MAX_BYTES && ((d) => d.backupProblems.FILE_TOO_LARGE),
  };
  const form = useSubmission({ ids, labels: { fileBase64: r.file, passphrase: r.passphrase }, required: { passphrase }, checks, placeOf });

  const submit = () => form.submit(async () => restore(await fileToBase64(file!), passphrase));

  return (
    <Form onSubmit={() => void submit()} labelledBy="restore-heading" className="panel" summary={form.summary}>
      <h2 id="restore-heading">{r.heading}</h2>
      <p>{r.intro}</p>
      <Alert message={form.formError} />
      <FileField id={ids.fileBase64} label={r.file} accept=".otpbackup,application/octet-stream" required hint={r.fileHint} onFile={setFile} error={form.fieldError('fileBase64')} />
      <FormField id={ids.passphrase} type="password" label={r.passphrase} required value={passphrase} onChange={setPassphrase} autoComplete="off" error={form.fieldError('passphrase')} />
      <div className="actions">
        <button type="submit" className="button button-primary button-next">
          {r.submit}
        </button>
      </div>
    </Form>
  );
}
