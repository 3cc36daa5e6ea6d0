import type { FastifyBaseLogger } from 'fastify';
import type { LevelWithSilent, Logger } from 'pino';
import { appLog, createLogger, type AppLog, type Destination } from '../log';
import type { OtpServer } from './createServer';

export type ServerLog = { readonly logger: Logger; readonly log: AppLog };

/**
 * The company server's log is the desktop's (issue 13: "the same redaction as the desktop"): main/log's pino
 * logger, which scrubs every field by name and every string by shape at any depth, as JSON lines on standard
 * output; Fastify takes it as its own (`loggerInstance`), and a handler bug goes through the same `AppLog.bug`
 * as the desktop's support log.
 */
export function serverLog(level: LevelWithSilent, destination: Destination = process.stdout): ServerLog {
  const logger = createLogger(destination, level);
  return { logger, log: appLog(logger) };
}

/** Fastify's logger type for the shared pino logger (the same object; Fastify's type is narrower than pino's). */
export const fastifyLogger = (logger: Logger): FastifyBaseLogger => logger as unknown as FastifyBaseLogger;

/**
 * One line per request, written here instead of Fastify's two: they log the request and reply objects for
 * serializers to pick from, which the scrubbing formatter would flatten first. The path without its query, the
 * status and the time; never a header or a body. The route's own line adds the channel and the result code.
 */
export function requestLines(app: OtpServer): void {
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0];
    request.log.info({ method: request.method, path, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime), remoteAddress: request.ip }, 'request completed');
  });
}
