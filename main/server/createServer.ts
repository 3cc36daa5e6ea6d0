import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { Server as HttpsServer } from 'node:https';
import Fastify, { type FastifyError } from 'fastify';
import type { Logger } from 'pino';
import { DEFAULT_DEADLINES, type Deadlines } from '../ipc/deadlines';
import type { Dispatch } from '../ipc/dispatch';
import { requestDeadlines } from './deadlines';
import { DEFAULT_BODY_LIMIT } from './limits';
import { fastifyLogger, ServerLogController } from './logging';
import type { OtpServer } from './otpServer';
import { registerChannels } from './routes';

export type ServerOptions = {
  readonly core: { readonly dispatch: Dispatch };
  /** PEM certificate (chain) and key, read from files by the caller: the server speaks HTTPS only. */
  readonly tls: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** `/readyz`: PostgreSQL reachable and migrations current. Without it, ready once listening. */
  readonly ready?: () => Promise<boolean>;
  /** Which proxies' X-Forwarded-For names the client (config.ts trustProxy); none by default. */
  readonly trustProxy?: false | readonly string[] | number;
  /** Per client address and per instance (the counters live in this process's memory). */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  /** Each channel's deadline (main/ipc/deadlines.ts), the desktop's by default. */
  readonly deadlines?: Deadlines;
  /** The shared logger (./logging.ts serverLog: the desktop's, scrubbed); none logs nothing. */
  readonly logger?: Logger;
  /** Runs after the last in-flight request has been answered: close the store's pool here. */
  readonly onClose?: () => Promise<void>;
};

/** Fastify's trustProxy: a hop count as the function Fastify itself makes of one (its types know only the function). */
function trustedProxies(trust: ServerOptions['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust ? [...trust] : false;
}

/** What a transport fault answers: its status and Fastify's code, never the message (it may quote the body). */
function transportError(app: OtpServer): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ code: error.code, name: error.name }, 'server fault');
    else request.log.info({ status, code: error.code }, 'transport refusal');
    void reply.status(status).send({ error: { status, code: error.code ?? (status === 429 ? 'RATE_LIMITED' : 'INTERNAL') } });
  });
}

/** Only JSON is parsed; anything else (or no content type) is 415 before a handler runs. */
function jsonOnly(app: OtpServer): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST') return;
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') await reply.status(415).send({ error: { status: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' } });
  });
}

function health(app: OtpServer, ready: () => Promise<boolean>): void {
  const off = { config: { rateLimit: false } };
  app.get('/healthz', off, async () => ({ status: 'ok' }));
  app.get('/readyz', off, async (_request, reply) => {
    const up = await ready().catch(() => false);
    return reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable' });
  });
}

/**
 * The company server's shell (DESIGN-NOTES 8): Fastify over HTTPS, each contract channel at
 * `POST /api/v1/<name>` through the one dispatch. No plain-HTTP listener exists at all.
 */
export async function createServer(options: ServerOptions): Promise<OtpServer> {
  const deadlines = options.deadlines ?? DEFAULT_DEADLINES;
  const app = Fastify<HttpsServer>({
    https: { cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' },
    ...(options.logger ? { loggerInstance: fastifyLogger(options.logger) } : { logger: false }),
    logController: new ServerLogController(),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: trustedProxies(options.trustProxy),
    // A ceiling only: each request's own deadline is its channel's (./deadlines.ts).
    requestTimeout: deadlines.longMs,
    connectionTimeout: deadlines.normalMs,
    keepAliveTimeout: 5_000,
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  });
  app.addHook('onRequest', async (request, reply) => void reply.header('x-request-id', request.id));
  requestDeadlines(app, deadlines);
  transportError(app);
  jsonOnly(app);
  const limit = options.rateLimit ?? { max: 600, timeWindowMs: 60_000 };
  await app.register(rateLimit, { max: limit.max, timeWindow: limit.timeWindowMs });
  health(app, options.ready ?? (async () => true));
  registerChannels(app, options.core.dispatch);
  if (options.onClose) {
    const onClose = options.onClose;
    app.addHook('onClose', async () => onClose());
  }
  return app;
}
