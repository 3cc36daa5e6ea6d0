import type { Server as HttpsServer } from 'node:https';
import type { FastifyInstance } from 'fastify';

/**
 * The company server's Fastify instance. Its own module so that what registers on it (deadlines.ts, routes.ts)
 * need not import createServer.ts, which imports them: a circle makes module initialisation order a matter of luck.
 */
export type OtpServer = FastifyInstance<HttpsServer>;
