import type { FastifyRequest } from 'fastify';
import { serverChannels, type Channel } from '../../shared/contract';
import { fail } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import type { OtpServer } from './otpServer';
import { bodyLimitOf, carriesSession } from './limits';

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
 * Every contract channel through the one dispatch (DESIGN-NOTES 8): no rule here. A typed refusal is an answer
 * (200); only transport faults get another status, and those come from Fastify before the handler runs.
 */
export function registerChannels(app: OtpServer, dispatch: Dispatch): void {
  for (const channel of serverChannels()) {
    app.post(pathOf(channel), { bodyLimit: bodyLimitOf(channel), config: { channel: channel.name } }, async (request, reply) => {
      const built = contractRequest(channel, request);
      const result = built.ok ? await dispatch(channel.name, built.raw) : fail('VALIDATION', { field: 'sessionId' });
      request.log.info({ channel: channel.name, ok: result.ok, code: result.ok ? undefined : result.error.code }, 'answered');
      void reply.header('cache-control', 'no-store');
      return result;
    });
  }
}
