import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { Server as HttpsServer } from 'node:https';
import Fastify, { type FastifyError } from 'fastify';
import type { Logger } from 'pino';
import { DEFAULT_DEADLINES, type Deadlines } from '../ipc/deadlines';
import type { Dispatch } from '../ipc/dispatch';
import type { Gate } from '../ipc/gate';
import { requestDeadlines } from './deadlines';
import { DESKTOP_RATE_LIMIT, desktopLimit } from './desktopLimit';
import { DEFAULT_BODY_LIMIT } from './limits';
import { fastifyLogger, ServerLogController } from './logging';
import type { OtpServer } from './otpServer';
import { registerChannels } from './routes';

export type ServerOptions = {
  readonly core: { readonly dispatch: Dispatch; readonly gate: Gate };
  /** PEM certificate (chain) and key, read from files by the caller: the server speaks HTTPS only. */
  readonly tls: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** `/readyz`: PostgreSQL reachable and migrations current. Without it, ready once listening. */
  readonly ready?: () => Promise<boolean>;
  /** Which proxies' X-Forwarded-For names the client (config.ts trustProxy); none by default. */
  readonly trustProxy?: false | readonly string[] | number;
  /** Per client address and per instance (the counters live in this process's memory). */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  /** Per desktop ID on the sync channels, per instance (./desktopLimit.ts); DESKTOP_RATE_LIMIT by default. */
  readonly desktopRateLimit?: { readonly max: number; readonly timeWindowMs: number };
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

/** An unknown path (a desktop-only channel among them) is answered its code only: the path is not echoed. */
function notFound(app: OtpServer): void {
  app.setNotFoundHandler(async (request, reply) => {
    request.log.info({ status: 404 }, 'transport refusal');
    return reply.status(404).send({ error: { status: 404, code: 'FST_ERR_NOT_FOUND' } });
  });
}

/**
 * TLS 1.3, or TLS 1.2 with forward secrecy and an AEAD only (issue 19 finding 7): ECDHE with AES-GCM or
 * ChaCha20-Poly1305. No CBC suite with its SHA-1 MAC, no static RSA key exchange.
 */
export const TLS_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

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
    https: { cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2', ciphers: TLS_CIPHERS, honorCipherOrder: true },
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
  notFound(app);
  const limit = options.rateLimit ?? { max: 600, timeWindowMs: 60_000 };
  await app.register(rateLimit, { max: limit.max, timeWindow: limit.timeWindowMs });
  health(app, options.ready ?? (async () => true));
  app.addHook('preHandler', desktopLimit(app, options.desktopRateLimit ?? DESKTOP_RATE_LIMIT));
  registerChannels(app, options.core);
  if (options.onClose) {
    const onClose = options.onClose;
    app.addHook('onClose', async () => onClose());
  }
  return app;
}
