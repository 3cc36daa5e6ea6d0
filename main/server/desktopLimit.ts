import type { FastifyReply, FastifyRequest } from 'fastify';
import { serverChannels } from '../../shared/contract';
import type { OtpServer } from './otpServer';
import { channelOfRoute } from './deadlines';
import { carriesDesktop } from './limits';

/** The channels whose request carries a desktop's ID: the sync channels. */
const DESKTOP_CHANNELS: ReadonlySet<string> = new Set(serverChannels().filter(carriesDesktop).map((c) => c.name));

/**
 * A sync at reconnect sends a few reports, up to twenty batches of a 1,000-operation outbox and the replica;
 * retries after cuts come on top. Twice a minute of that is ordinary; a desktop sending more is held back.
 */
export const DESKTOP_RATE_LIMIT = { max: 120, timeWindowMs: 60_000 } as const;

/** The desktop ID a sync request names (its credentials are proven later, by the service). */
function desktopKey(request: FastifyRequest): string {
  const body = request.body as { desktopId?: unknown } | undefined;
  return `desktop:${typeof body?.desktopId === 'string' ? body.desktopId.slice(0, 64) : '-'}`;
}

/**
 * A desktop's sync sends its reports one after the other; a report is the heaviest sync request (thousands of
 * steps and their audit rows in one transaction), so a second one of the same desktop while one is running is
 * refused at once rather than queued for a pool connection that another company's logins need.
 */
const ONE_AT_A_TIME = 'sync:report-steps';

async function refuse(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number): Promise<void> {
  request.log.info({ status: 429, key: 'desktop' }, 'transport refusal');
  await reply.status(429).header('retry-after', String(retryAfterSeconds)).send({ error: { status: 429, code: 'RATE_LIMITED' } });
}

/**
 * Issue 19 finding 6: the sync channels' limit per desktop ID, besides the per-address limit every route has.
 * The per-address limit runs first, before the body is read (onRequest); this one runs once the body is parsed
 * (preHandler), keyed by the desktop ID it names, and a request must pass both. So ten desktops behind one NAT
 * keep their own allowance within the address's, and one desktop's many requests (from however many addresses)
 * cannot take the server's time from other companies; and one report at a time per desktop (ONE_AT_A_TIME).
 * In this instance's memory, as the per-address counters.
 */
export function desktopLimit(app: OtpServer, limit: { readonly max: number; readonly timeWindowMs: number }): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const check = app.createRateLimit({ max: limit.max, timeWindow: limit.timeWindowMs, keyGenerator: desktopKey });
  const reporting = new Set<string>();
  return async (request, reply) => {
    const channel = channelOfRoute(request) ?? '';
    if (!DESKTOP_CHANNELS.has(channel)) return;
    const verdict = await check(request);
    if (!verdict.isAllowed && verdict.isExceeded) return refuse(request, reply, verdict.ttlInSeconds);
    if (channel !== ONE_AT_A_TIME) return;
    const key = desktopKey(request);
    if (reporting.has(key)) return refuse(request, reply, 1);
    reporting.add(key);
    reply.raw.once('close', () => reporting.delete(key));
  };
}
