import { useEffect } from 'react';
import { Alert } from '../../components/Alert';
import { Screen } from '../../components/Screen';
import { useSubmission } from '../../components/useSubmission';
import { ScreenActions } from '../../components/ScreenActions';
import { useT } from '../../i18n';
import { useConnection } from '../../stores/connection';
import { ServerForm } from './ServerForm';
import '../../styles/connection.css';
import { usePick } from '../../stores/pick';

/**
 * 接続設定 under 設定・管理, for a master or admin (the main process checks the session too): the current mode and
 * server, a new server with its pin, or back to this computer only. A saved change restarts the app.
 */
export function ConnectionScreen() {
  const t = useT();
  const c = t.connection;
  const { status, restarting, load, save } = usePick(useConnection, 'status', 'restarting', 'load', 'save');
  const form = useSubmission({ ids: {}, labels: {} });
  useEffect(() => void load(), [load]);
  const connected = status?.mode === 'connected';
  return (
    <Screen section={t.menu.settings} title={c.title}>
      {restarting ? (
        <Alert tone="info" message={c.restarting} />
      ) : (
        <>
          <section className="panel" aria-labelledby="connection-current-heading">
            <h2 id="connection-current-heading">{c.current}</h2>
            <dl className="connection-details">
              <dt>{c.mode}</dt>
              <dd>{status ? c.modes[status.mode] : t.app.loading}</dd>
              {connected && (
                <>
                  <dt>{c.url}</dt>
                  <dd>{status.url}</dd>
                  <dt>{c.fingerprint}</dt>
                  <dd className="fingerprint">{status.fingerprint}</dd>
                </>
              )}
            </dl>
            <Alert message={form.formError} />
            {connected && (
              <ScreenActions>
                <button type="button" className="button" onClick={() => void form.submit(() => save({ mode: 'standalone' }))}>
                  {c.useStandalone}
                </button>
              </ScreenActions>
            )}
          </section>
          {status && (
            <ServerForm
              key={status.url ?? ''}
              headingId="connection-server-heading"
              initial={status.url && status.fingerprint ? { url: status.url, fingerprint: status.fingerprint } : undefined}
            />
          )}
        </>
      )}
    </Screen>
  );
}
