import { useEffect } from 'react';
import { Alert } from '../../components/Alert';
import { Screen } from '../../components/Screen';
import { useErrorText, useT } from '../../i18n';
import { useRevocation } from '../../stores/revocation';
import { RevocationForm } from './RevocationForm';
import '../../styles/revocation.css';

/** BRSK027 (SPEC R-REV-1..3, R-REV-2a): the company's users, the selection, and the step-up to revoke. */
export function RevocationScreen() {
  const t = useT();
  const describe = useErrorText();
  const load = useRevocation((s) => s.load);
  const listError = useRevocation((s) => s.listError);
  useEffect(() => {
    void load(useRevocation.getState().sort);
  }, [load]);
  return (
    <Screen section={t.revoke.section} title={t.revoke.title} screenId="BRSK027" steps={{ names: t.revoke.steps, current: 0 }}>
      <div className="consequences">
        {t.revoke.intro.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <Alert message={describe(listError)} />
      <RevocationForm />
    </Screen>
  );
}
