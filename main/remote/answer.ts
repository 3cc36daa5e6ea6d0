import { z } from 'zod';
import type { Channel } from '../../shared/contract';
import { appErrorSchema, fail, type Result } from '../../shared/errors';

/**
 * The server's answer is parsed like any input from outside (DESIGN-NOTES 7): the contract's result union with
 * the channel's response schema, which also drops anything the contract does not name. Anything else, a
 * malformed or foreign answer, is SERVER_UNREACHABLE: the desktop cannot tell what the server did.
 */
export function parseAnswer(channel: Channel, json: unknown): Result<unknown> {
  const answer = z
    .union([z.object({ ok: z.literal(true), value: channel.response }), z.object({ ok: z.literal(false), error: appErrorSchema })])
    .safeParse(json);
  if (!answer.success) return fail('SERVER_UNREACHABLE');
  return answer.data.ok ? { ok: true, value: answer.data.value } : { ok: false, error: answer.data.error };
}

/** The same readiness answer as /readyz: 200 with `{"status":"ok"}`. */
export const readySchema = z.object({ status: z.literal('ok') });
