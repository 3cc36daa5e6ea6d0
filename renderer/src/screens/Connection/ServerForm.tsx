import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { FormField } from '../../components/FormField';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useConnection, type ServerInput } from '../../stores/connection';
import '../../styles/connection.css';

const ids: Record<keyof ServerInput, string> = { url: 'server-url', fingerprint: 'server-fingerprint' };

type Props = { initial?: ServerInput; headingId: string };

/**
 * The company server's URL and certificate fingerprint (SPEC R-SRV-2). 接続テスト asks the main process to
 * connect with the pin; 保存して接続 tests again there before anything is saved, then the app restarts.
 */
export function ServerForm({ initial, headingId }: Props) {
  const t = useT();
  const c = t.connection;
  const test = useConnection((s) => s.test);
  const save = useConnection((s) => s.save);
  const [input, setInput] = useState<ServerInput>(initial ?? { url: '', fingerprint: '' });
  const [passed, setPassed] = useState(false);
  const form = useSubmission({ ids, labels: { url: c.url, fingerprint: c.fingerprint }, required: input });
  const field = (name: keyof ServerInput) => (value: string) => {
    setInput({ ...input, [name]: value });
    setPassed(false);
  };
  const runTest = () =>
    form.submit(async () => {
      const error = await test(input);
      setPassed(!error);
      return error;
    });
  const submit = () => form.submit(() => save({ mode: 'connected', ...input }));

  return (
    <Form onSubmit={() => void submit()} labelledBy={headingId} className="panel" summary={form.summary}>
      <h2 id={headingId}>{c.serverHeading}</h2>
      <p className="lead">{c.serverIntro}</p>
      <Alert message={form.formError} />
      <Alert tone="info" message={passed && !form.formError ? c.testPassed : undefined} />
      <FormField id={ids.url} label={c.url} hint={c.urlHint} required value={input.url} onChange={field('url')} inputMode="url" autoComplete="off" spellCheck={false} error={form.fieldError('url')} />
      <FormField
        id={ids.fingerprint}
        label={c.fingerprint}
        hint={c.fingerprintHint}
        required
        value={input.fingerprint}
        onChange={field('fingerprint')}
        autoComplete="off"
        spellCheck={false}
        className="input-wide"
        error={form.fieldError('fingerprint')}
      />
      <div className="actions">
        <button type="button" className="button" onClick={() => void runTest()}>
          {c.test}
        </button>
        <button type="submit" className="button button-primary">
          {c.save}
        </button>
      </div>
    </Form>
  );
}
