import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/Form';
import { RadioField } from '../../components/RadioField';
import { Screen } from '../../components/Screen';
import { useSubmission } from '../../components/useSubmission';
import { ScreenActions } from '../../components/ScreenActions';
import { useT } from '../../i18n';
import { useConnection } from '../../stores/connection';
import { useSetup } from '../../stores/setup';
import { ServerForm } from './ServerForm';
import { usePick } from '../../stores/pick';

type Choice = 'standalone' | 'connected';

/**
 * The first start of a desktop (SPEC R-SRV-1): 「この端末だけで使う」 goes on to today's 初期設定 on the embedded
 * store, 「会社のサーバーに接続する」 asks for the server and its pin. Shown under 初期設定's title, before its steps.
 */
export function FirstRunScreen() {
  const t = useT();
  const c = t.connection;
  const { save, restarting } = usePick(useConnection, 'save', 'restarting');
  const start = useSetup((s) => s.start);
  const [choice, setChoice] = useState<Choice>('standalone');
  const [server, setServer] = useState(false);
  const form = useSubmission({ ids: {}, labels: {} });
  const next = () =>
    form.submit(async () => {
      if (choice === 'connected') {
        setServer(true);
        return null;
      }
      const error = await save({ mode: 'standalone' });
      if (!error) await start();
      return error;
    });

  if (restarting) {
    return (
      <Screen title={t.setup.title}>
        <Alert tone="info" message={c.restarting} />
      </Screen>
    );
  }
  return (
    <Screen title={t.setup.title}>
      {server ? (
        <>
          <ServerForm headingId="first-run-server-heading" />
          <ScreenActions>
            <button type="button" className="button" onClick={() => setServer(false)}>
              {c.back}
            </button>
          </ScreenActions>
        </>
      ) : (
        <Form onSubmit={() => void next()} labelledBy="first-run-heading" className="panel">
          <h2 id="first-run-heading">{c.choiceHeading}</h2>
          <p className="lead">{c.choiceIntro}</p>
          <Alert message={form.formError} />
          <RadioField
            id="first-run-mode"
            label={c.mode}
            value={choice}
            onChange={setChoice}
            options={[
              { value: 'standalone', label: c.modes.standalone },
              { value: 'connected', label: c.modes.connected },
            ]}
            hint={choice === 'standalone' ? c.standaloneHint : c.connectedHint}
          />
          <div className="actions">
            <button type="submit" className="button button-primary button-next">
              {c.next}
            </button>
          </div>
        </Form>
      )}
    </Screen>
  );
}
