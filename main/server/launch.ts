import { readFileSync } from 'node:fs';
import type { Destination } from '../log';
import { openPostgresStore } from '../store/postgres/open';
import type { Store } from '../store/store';
import type { ServerConfig } from './config';
import { createServer, type OtpServer } from './createServer';
import { serverLog } from './logging';
import { assertOpensStoredSeeds, readSealKey } from './sealKeySource';
import { readiness, serverCore } from './serverCore';

export type Running = { readonly app: OtpServer; readonly store: Store; readonly url: string };

/** Opens the store, builds the core and serves it on HTTPS: `npm run server -- --config <file>` and the demo. */
export async function launch(config: ServerConfig, options: { store?: Store; sealKey?: Buffer; logTo?: Destination } = {}): Promise<Running> {
  const sealKey = options.sealKey ?? readSealKey(config.sealKey);
  const store =
    options.store ??
    (await openPostgresStore({ connectionString: config.postgres.url, poolSize: config.postgres.poolSize, statementTimeoutMs: config.postgres.statementTimeoutMs }));
  try {
    await assertOpensStoredSeeds(store.db, sealKey);
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
  const { logger, log } = serverLog(config.logLevel, options.logTo);
  const setupPolicy = config.setupFromDesktops ? 'many' : 'closed';
  const core = serverCore({ store, sealKey, setupPolicy, logBug: log.bug });
  const app = await createServer({
    core,
    tls: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
    ready: readiness(store),
    rateLimit: config.rateLimit,
    deadlines: config.deadlines,
    logger,
    onClose: () => store.close(),
  });
  await app.listen({ host: config.listen.host, port: config.listen.port });
  const { port } = app.server.address() as { port: number };
  const host = config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host;
  return { app, store, url: `https://${host}:${port}` };
}

/** SIGTERM or Ctrl-C: new requests get 503, those in flight finish, then the pool closes; `after` runs last. */
export function closeOnSignals(running: Running, after: () => Promise<void> = async () => undefined): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    running.app.log.info({ signal }, 'shutting down');
    void running.app
      .close()
      .then(after)
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
