import type { z } from 'zod';
import type { Channel } from '../../shared/contract';

/** Any ordinary request fits in this; a larger body is refused before it is parsed (413). */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * No public channel reads more than Fastify's own default (issue 19 finding 6): a caller nobody has identified
 * must not make the server hold tens of megabytes. A setup's first token file fits (about 750 kB of seeds); the
 * rest of a large company's tokens come later through imports:preview, whose bearer is checked first.
 */
export const PUBLIC_BODY_LIMIT = 1024 * 1024;

/** Room for the field names, quotes and the small fields beside the bounded large ones. */
const ENVELOPE = 4 * 1024;

type Def = {
  type: string;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
};
/** The longest JSON number a safe integer makes (-9007199254740991). */
const NUMBER_BYTES = 17;
const defOf = (t: z.ZodType) => (t as unknown as { def: Def }).def;

/** The most JSON text a field can take within its contract bounds: string length, array length × element (an object's fields summed). */
function fieldBytes(t: z.ZodType): number {
  const def = defOf(t);
  if (def.type === 'pipe' && def.in) return fieldBytes(def.in);
  if (def.type === 'optional' && def.in) return fieldBytes(def.in);
  const max = def.checks?.map((c) => c._zod.def).find((c) => c.check === 'max_length')?.maximum;
  if (def.type === 'string') return (max ?? 0) + 2;
  if (def.type === 'number') return NUMBER_BYTES;
  // An object of bounded fields (a reported step): its keys, quotes, colons and commas besides the fields.
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).reduce((sum, [key, field]) => sum + key.length + 4 + fieldBytes(field), 2);
  if (def.type === 'array' && def.element && max !== undefined) return max * (fieldBytes(def.element) + 1);
  return 0;
}

const shapeOf = (channel: Channel): Record<string, z.ZodType> =>
  (channel.request as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};

/**
 * A channel's body limit, read from its contract: the import channels carry the token file as a base64 string
 * and a revocation up to 10,000 login IDs, so those routes' limits follow the contract's maxima and nothing here
 * repeats them; a public one's stops at PUBLIC_BODY_LIMIT. Every other channel keeps the default.
 */
export function bodyLimitOf(channel: Channel): number {
  const bound = Object.values(shapeOf(channel)).reduce((sum, field) => sum + fieldBytes(field), ENVELOPE);
  const limit = Math.max(DEFAULT_BODY_LIMIT, bound);
  return channel.access === 'public' ? Math.min(limit, PUBLIC_BODY_LIMIT) : limit;
}

/** A route whose body may be large: its bearer is checked before the body is read (routes.ts). */
export const checksBearerFirst = (channel: Channel): boolean => channel.access !== 'public' && bodyLimitOf(channel) > DEFAULT_BODY_LIMIT;

/** Whether the channel's request names a session: then it travels as `Authorization: Bearer`, not in the body. */
export const carriesSession = (channel: Channel): boolean => Object.hasOwn(shapeOf(channel), 'sessionId');

/** Whether the channel's request carries a desktop's ID (the sync channels): then it is limited per desktop too. */
export const carriesDesktop = (channel: Channel): boolean => Object.hasOwn(shapeOf(channel), 'desktopId');
