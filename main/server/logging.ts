import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type { LevelWithSilent, Logger } from 'pino';
import { appLog, createLogger, type AppLog, type Destination } from '../log';

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

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0]!;

/**
 * Fastify's own request lines, written here instead: its defaults log the request and reply objects for
 * serializers to pick from, which the scrubbing formatter would flatten first. One line per request with the
 * path without its query, the status, the time and the client address; never a header or a body. The route's
 * own line adds the channel and the result code (routes.ts).
 */
export class ServerLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, path: pathOf(request), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime), remoteAddress: request.ip };
    if (error) reply.log.error({ ...line, error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log[reply.statusCode >= 500 ? 'error' : 'info']({ path: pathOf(request), statusCode: reply.statusCode, error }, 'request failed');
  }

  override streamError(error: Error, request: FastifyRequest): void {
    request.log.warn({ path: pathOf(request), error }, 'answer cut off after its headers');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.info({ method: request.method, path: pathOf(request) }, 'no such route');
  }

  override writeHeadError(error: Error, request: FastifyRequest): void {
    request.log.warn({ path: pathOf(request), error }, 'answer headers not written');
  }
}
