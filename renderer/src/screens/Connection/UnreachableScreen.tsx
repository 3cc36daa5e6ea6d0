import { Alert } from '../../components/Alert';
import { Screen } from '../../components/Screen';
import { ScreenActions } from '../../components/ScreenActions';
import { useErrorText, useT } from '../../i18n';
import { useConnection } from '../../stores/connection';
import { useSetup } from '../../stores/setup';

/**
 * A connected desktop whose server did not answer at start (timeout, refused, wrong pin, expired certificate):
 * it says so and offers to try again, never waits without end. Changing the server needs a master or admin
 * logged in (接続設定), so a passer-by cannot point the desktop elsewhere from here.
 */
export function UnreachableScreen() {
  const t = useT();
  const describe = useErrorText();
  const fault = useConnection((s) => s.fault);
  const start = useSetup((s) => s.start);
  const c = t.connection;
  return (
    <Screen title={c.unreachableTitle}>
      <Alert message={describe(fault)} />
      <p className="lead">{c.unreachableIntro}</p>
      <ScreenActions>
        <button type="button" className="button button-primary" onClick={() => void start()}>
          {c.retry}
        </button>
      </ScreenActions>
    </Screen>
  );
}
