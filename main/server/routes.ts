import type { FastifyRequest } from 'fastify';
import { servedOnServer, type Channel } from '../../shared/contract';
import { fail } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import type { Gate } from '../ipc/gate';
import { channelOfRoute } from './deadlines';
import { bodyLimitOf, carriesSession, checksBearerFirst } from './limits';
import type { OtpServer } from './otpServer';

/** `POST /api/v1/auth:login`: find-my-way reads a single colon as a parameter, a doubled one as a colon. */
export const pathOf = (channel: Channel): string => `/api/v1/${channel.name.replaceAll(':', '::')}`;

/** The bearer token of `Authorization: Bearer <sessionId>`, or nothing (then the contract refuses the request). */
function bearerOf(request: FastifyRequest): string | undefined {
  const match = /^Bearer ([^\s]+)$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The request as the contract knows it: the session from the header put back into the body (HTTP-SHAPE.md).
 * A body that carries its own sessionId is refused: the ID belongs in the header, where no log line keeps it.
 */
function contractRequest(channel: Channel, request: FastifyRequest): { ok: true; raw: unknown } | { ok: false } {
  const body = request.body;
  if (!carriesSession(channel) || !isPlainObject(body)) return { ok: true, raw: body };
  if (Object.hasOwn(body, 'sessionId')) return { ok: false };
  const sessionId = bearerOf(request);
  return { ok: true, raw: sessionId === undefined ? body : { ...body, sessionId } };
}

/**
 * Before the body of a large route is read (preParsing gets the stream unread): a caller the contract does not
 * admit gets its typed refusal at once and loses the connection, so its megabytes are never read (issue 19
 * finding 6). After every onRequest hook, so the 415 and the rate limit come first: a flood of forged bearers
 * is counted like any other request.
 */
function bearerFirst(app: OtpServer, gate: Gate): void {
  const large = new Set(servedOnServer().filter(checksBearerFirst).map((c) => c.name));
  app.addHook('preParsing', async (request, reply, payload) => {
    const name = channelOfRoute(request);
    if (name === undefined || !large.has(name)) return payload;
    const admitted = await gate(name, bearerOf(request));
    if (admitted.ok) return payload;
    request.log.info({ channel: name, code: admitted.error.code }, 'refused before the body');
    await reply.header('cache-control', 'no-store').header('connection', 'close').send(admitted);
    return payload;
  });
}

/**
 * Every channel the server serves (the contract's SERVED) through the one dispatch (DESIGN-NOTES 8): no rule
 * here. A typed refusal is an answer (200); only transport faults get another status, and those come from
 * Fastify before the handler runs. A desktop-only channel has no route: 404, as any unknown path.
 */
export function registerChannels(app: OtpServer, core: { readonly dispatch: Dispatch; readonly gate: Gate }): void {
  const { dispatch } = core;
  bearerFirst(app, core.gate);
  for (const channel of servedOnServer()) {
    app.post(pathOf(channel), { bodyLimit: bodyLimitOf(channel), config: { channel: channel.name } }, async (request, reply) => {
      const built = contractRequest(channel, request);
      const result = built.ok ? await dispatch(channel.name, built.raw) : fail('VALIDATION', { field: 'sessionId' });
      request.log.info({ channel: channel.name, ok: result.ok, code: result.ok ? undefined : result.error.code }, 'answered');
      void reply.header('cache-control', 'no-store');
      return result;
    });
  }
}
