import { useEffect } from 'react';
import { Alert } from '../../components/Alert';
import { Screen } from '../../components/Screen';
import { useT } from '../../i18n';
import { useBackup } from '../../stores/backup';
import { BackupForm } from './BackupForm';
import '../../styles/revocation.css';

/**
 * 設定・管理 > バックアップ, the master's (issue 15): what the file holds, the warning that it opens with the
 * passphrase alone, then the form. The guide has no such screen, so no ID is shown.
 */
export function BackupScreen() {
  const t = useT();
  const written = useBackup((s) => s.written);
  const b = t.backup;
  useEffect(() => () => useBackup.setState({ written: null }), []);
  return (
    <Screen section={b.section} title={b.title}>
      <div className="consequences">
        {b.intro.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <section className="consequences" aria-labelledby="backup-warning-heading">
        <h2 id="backup-warning-heading">{b.warningHeading}</h2>
        <p className="caution">{b.warning}</p>
      </section>
      <Alert tone="info" message={written ? b.done(written) : undefined} />
      <BackupForm />
    </Screen>
  );
}
