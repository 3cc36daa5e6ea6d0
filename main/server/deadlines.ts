import type { FastifyRequest } from 'fastify';
import { deadlineOf, type Deadlines } from '../ipc/deadlines';
import type { OtpServer } from './otpServer';

/** The channel a route serves (routes.ts puts it in the route's config); none for /healthz, /readyz and 404s. */
export const channelOfRoute = (request: FastifyRequest): string | undefined =>
  (request.routeOptions.config as { channel?: string } | undefined)?.channel;

/**
 * Each request lives as long as its channel's deadline (../ipc/deadlines.ts), the one the connected desktop
 * waits for, and no longer: once the route is known its socket's idle timeout becomes that deadline (a long
 * import commit sends nothing for minutes), and a request still unanswered when it passes loses its connection.
 * An idle connection keeps the ordinary deadline (Fastify's connectionTimeout).
 */
export function requestDeadlines(app: OtpServer, deadlines: Deadlines): void {
  app.addHook('onRequest', async (request, reply) => {
    const ms = deadlineOf(channelOfRoute(request), deadlines);
    const socket = request.raw.socket;
    socket.setTimeout(ms);
    const timer = setTimeout(() => {
      request.log.warn({ channel: channelOfRoute(request), deadlineMs: ms }, 'deadline passed: connection closed');
      socket.destroy();
    }, ms);
    reply.raw.once('close', () => clearTimeout(timer));
  });
}
