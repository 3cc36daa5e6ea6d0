import { readFileSync } from 'node:fs';
import type { Destination } from '../log';
import { openPostgresStore } from '../store/postgres/open';
import type { Store } from '../store/store';
import { postgresOptionsOf, type ServerConfig } from './config';
import { createServer } from './createServer';
import type { OtpServer } from './otpServer';
import { serverLog } from './logging';
import { assertOpensStoredSeeds, readSealKey } from './sealKeySource';
import { readiness, serverCore } from './serverCore';

export type Running = { readonly app: OtpServer; readonly store: Store; readonly url: string };

/** Opens the store, builds the core and serves it on HTTPS: `npm run server -- --config <file>` and the demo. */
export async function launch(config: ServerConfig, options: { store?: Store; sealKey?: Buffer; logTo?: Destination } = {}): Promise<Running> {
  const sealKey = options.sealKey ?? readSealKey(config.sealKey);
  const store =
    options.store ??
    (await openPostgresStore(postgresOptionsOf(config)));
  try {
    await assertOpensStoredSeeds(store.db, sealKey);
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
  const { logger, log } = serverLog(config.logLevel, options.logTo);
  const setupPolicy = config.setupFromDesktops ? 'many' : 'closed';
  const core = serverCore({ store, sealKey, setupPolicy, logBug: log.bug, deadlines: config.deadlines });
  const app = await createServer({
    core,
    tls: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
    ready: readiness(store),
    trustProxy: config.trustProxy,
    rateLimit: config.rateLimit,
    desktopRateLimit: config.desktopRateLimit,
    deadlines: config.deadlines,
    logger,
    onClose: () => store.close(),
  });
  await app.listen({ host: config.listen.host, port: config.listen.port });
  const { port } = app.server.address() as { port: number };
  const host = config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host;
  return { app, store, url: `https://${host}:${port}` };
}

/** Whether `work` ended within `ms`; its failure counts as ended (the process exits next anyway). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes the server: new requests get 503, those in flight finish, then the pool closes (createServer's onClose),
 * then `after` runs (the demo's PostgreSQL and folders). Each step gets at most `deadlineMs`: a request or the
 * pool waiting on a PostgreSQL cut off by the network is given up ('deadline'), and the caller exits anyway;
 * PostgreSQL rolls back whatever was not committed.
 */
export async function shutdown(running: Pick<Running, 'app'>, after: () => Promise<void>, deadlineMs: number): Promise<'closed' | 'deadline'> {
  const closed = await within(running.app.close(), deadlineMs);
  const cleaned = await within(after(), deadlineMs);
  return closed && cleaned ? 'closed' : 'deadline';
}

/** SIGTERM or Ctrl-C: `shutdown` within the configured deadline, then the process exits (1 if the deadline passed). */
export function closeOnSignals(running: Running, deadlineMs: number, after: () => Promise<void> = async () => undefined): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    running.app.log.info({ signal, deadlineMs }, 'shutting down');
    void shutdown(running, after, deadlineMs).then(
      (how) => {
        if (how === 'deadline') running.app.log.error({ deadlineMs }, 'shutdown deadline passed: exiting with requests or the pool still open');
        process.exit(how === 'closed' ? 0 : 1);
      },
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
