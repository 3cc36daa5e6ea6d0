import { useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { IMPORT_FILE_MAX_BYTES, PRE_SHARED_KEY_PATTERN } from '../../../../shared/input/limits';
import { Alert } from '../../components/Alert';
import { FileField } from '../../components/FileField';
import { Form } from '../../components/Form';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { useSubmission, type Invalid } from '../../components/useSubmission';
import { fileToBase64 } from '../../format/base64';
import { useErrorText, useT } from '../../i18n';
import { fieldOf } from '../../i18n/errors';
import { useTokenImport, type ImportPort, type ImportSource } from '../../stores/tokenImport';

type Field = 'fileBase64' | 'preSharedKeyHex';

const ids: Record<Field, string> = { fileBase64: 'import-file', preSharedKeyHex: 'import-key' };

/** A refused file is shown at the file; a refusal about the key at the key. */
const placeOf = (error: AppError) => {
  if (error.code !== 'IMPORT_REFUSED') return fieldOf(error);
  return error.problem === 'ENCRYPTED_NEEDS_KEY' || error.problem === 'WRONG_KEY' ? 'preSharedKeyHex' : 'fileBase64';
};

const formatOf = (name: string): ImportSource['format'] => (/\.csv$/i.test(name) ? 'csv' : 'pskc');

/** ファイルの選択: the token file, its format (guessed from its name, changeable) and the optional pre-shared key. */
export function ImportFileForm({ port }: { port: ImportPort }) {
  const t = useT();
  const describe = useErrorText();
  const check = useTokenImport((s) => s.check);
  const restartReason = useTokenImport((s) => s.restartReason);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportSource['format']>('pskc');
  const [key, setKey] = useState('');
  const ti = t.tokenImport;
  const checks: Invalid<Field> = {
    fileBase64: !file ? (d) => d.tokenImport.fileRequired : file.size > IMPORT_FILE_MAX_BYTES && ((d) => d.importProblems.FILE_TOO_LARGE),
    preSharedKeyHex: key !== '' && !PRE_SHARED_KEY_PATTERN.test(key) && ((d) => d.tokenImport.keyInvalid),
  };
  const form = useSubmission({ ids, labels: { fileBase64: ti.file, preSharedKeyHex: ti.key }, placeOf, checks });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (chosen) setFormat(formatOf(chosen.name));
  };
  const submit = () =>
    form.submit(async () => check(port, { format, fileBase64: await fileToBase64(file!), ...(key ? { preSharedKeyHex: key } : {}) }));

  return (
    <Form onSubmit={() => void submit()} labelledBy="import-file-heading" className="panel" summary={form.summary}>
      <h2 id="import-file-heading">{ti.fileHeading}</h2>
      <Alert message={form.formError ?? describe(restartReason)} />
      <FileField id={ids.fileBase64} label={ti.file} accept=".xml,.pskc,.pskcxml,.csv,text/xml,application/xml,text/csv" required hint={ti.fileHint} onFile={choose} error={form.fieldError('fileBase64')} />
      <SelectField
        id="import-format"
        label={ti.format}
        required
        value={format}
        onChange={setFormat}
        options={[
          { value: 'pskc', label: ti.formats.pskc },
          { value: 'csv', label: ti.formats.csv },
        ]}
      />
      <FormField
        id={ids.preSharedKeyHex}
        type="password"
        label={ti.key}
        value={key}
        onChange={setKey}
        normalise
        autoComplete="off"
        spellCheck={false}
        hint={ti.keyHint}
        error={form.fieldError('preSharedKeyHex')}
      />
      <FormActions submit={ti.confirm} />
    </Form>
  );
}
