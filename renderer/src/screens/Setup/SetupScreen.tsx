import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { RadioField } from '../../components/RadioField';
import { Screen } from '../../components/Screen';
import { useSubmission } from '../../components/useSubmission';
import { useT } from '../../i18n';
import { useSetup } from '../../stores/setup';
import { setupPort, useTokenImport } from '../../stores/tokenImport';
import { TokenImport } from '../TokenImport/TokenImport';
import { CompanyForm } from './CompanyForm';
import { RestoreForm } from './RestoreForm';
import { ResumeForm } from './ResumeForm';
import { usePick } from '../../stores/pick';

type Way = 'fresh' | 'restore';

/**
 * 初期設定 on an empty store (issue: provisioning): the company and its master, then the company's token file,
 * then 完了 (setup:finish) and BLGI001; after a restart that left the company without tokens, the master
 * resumes at the import. On an empty store バックアップから復元 stands beside the new setup (issue 15). The guide has
 * no such screen, so no ID is shown.
 */
export function SetupScreen() {
  const t = useT();
  const { setupId, companyName, resuming, finish } = usePick(useSetup, 'setupId', 'companyName', 'resuming', 'finish');
  const { phase, reset } = usePick(useTokenImport, 'phase', 'reset');
  const form = useSubmission({ ids: {}, labels: {} });
  const [way, setWay] = useState<Way>('fresh');
  const step = !setupId ? 0 : phase === 'done' ? 2 : 1;
  const s = t.setup;
  const restoring = !setupId && !resuming && way === 'restore';
  return (
    <Screen title={s.title} steps={restoring ? undefined : { names: s.steps, current: step }}>
      {!setupId && !resuming && (
        <RadioField
          id="setup-way"
          label={t.restore.choice}
          value={way}
          onChange={setWay}
          options={[
            { value: 'fresh', label: t.restore.fresh },
            { value: 'restore', label: t.restore.fromBackup },
          ]}
        />
      )}
      {restoring ? (
        <RestoreForm />
      ) : !setupId ? (
        <>
          <p className="lead">{resuming ? s.resumeIntro : s.intro}</p>
          {resuming ? <ResumeForm /> : <CompanyForm />}
        </>
      ) : (
        <>
          <Alert tone="info" message={companyName ? s.created(companyName) : s.resumed} />
          <p className="lead">{s.importIntro}</p>
          <TokenImport
            port={setupPort(setupId)}
            afterDone={
              <>
                <button type="button" className="button" onClick={reset}>
                  {t.tokenImport.again}
                </button>
                <button type="button" className="button button-primary" onClick={() => void form.submit(finish)}>
                  {s.finish}
                </button>
              </>
            }
          />
          {phase === 'done' && <p className="note">{s.finishIntro}</p>}
          <Alert message={form.formError} />
        </>
      )}
    </Screen>
  );
}
