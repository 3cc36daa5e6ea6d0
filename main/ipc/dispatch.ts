import { contract, type Channel } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import type { SessionStore } from '../session/sessions';
import type { HandlerTable } from './handlerTable';
import { blockedUntilPasswordsChange } from './passwordGate';

type AnyHandler = (input: unknown, ctx: object) => Promise<Result<unknown>>;
type Entry = { channel: Channel; handler: AnyHandler };

export type Dispatch = (channelName: string, raw: unknown) => Promise<Result<unknown>>;

/** Logs a bug without the request: requests carry passwords, OTPs and session IDs. */
export type BugLog = (channelName: string, error: unknown) => void;

function entries(table: HandlerTable): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const [group, channels] of Object.entries(contract)) {
    for (const [method, channel] of Object.entries(channels) as [string, Channel][]) {
      const handler = (table as unknown as Record<string, Record<string, AnyHandler>>)[group]![method]!;
      map.set(channel.name, { channel, handler });
    }
  }
  return map;
}

/**
 * The one wrapper every request passes through (DESIGN-NOTES 7): the request is parsed from `unknown`
 * against its schema, the session resolved (and held at the password change while it must be), one service
 * called, and the answer parsed against the response schema, which strips anything the contract does not name.
 * It never throws.
 */
export function createDispatch(table: HandlerTable, sessions: SessionStore, clock: () => Date, logBug: BugLog): Dispatch {
  const byName = entries(table);
  return async (channelName, raw) => {
    const entry = byName.get(channelName);
    if (!entry) return fail('VALIDATION');
    const parsed = entry.channel.request.safeParse(raw);
    if (!parsed.success) return fail('VALIDATION', { field: parsed.error.issues[0]?.path.map(String).join('.') || undefined });
    const now = clock();
    const ctx: { now: Date; session?: unknown } = { now };
    // The session store may be a database (a company server's): resolving can fail like any query.
    try {
      if (entry.channel.access === 'session') {
        const session = await sessions.resolve((parsed.data as { sessionId: string }).sessionId, now);
        if (!session.ok) return session;
        if (blockedUntilPasswordsChange(channelName, session.value)) return fail('PASSWORD_CHANGE_REQUIRED');
        ctx.session = session.value;
      }
      const result = await entry.handler(parsed.data, ctx);
      return result.ok ? ok(entry.channel.response.parse(result.value)) : result;
    } catch (error) {
      logBug(channelName, error);
      return fail('INTERNAL');
    }
  };
}
