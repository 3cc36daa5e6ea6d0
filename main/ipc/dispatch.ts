import type { Channel } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import type { AuditKey } from '../crypto/keyedHash';
import type { AuditAction } from '../store/repos/audit';
import type { Db } from '../store/transaction';
import type { SessionStore } from '../session/sessions';
import { servedContract, type HandlerTable } from './handlerTable';
import { admit } from './admit';
import { auditRefusal, REFUSAL_ACTIONS } from './refusals';

type AnyHandler = (input: unknown, ctx: object) => Promise<Result<unknown>>;
type Entry = { channel: Channel; handler: AnyHandler; action: AuditAction | undefined };

export type Dispatch = (channelName: string, raw: unknown) => Promise<Result<unknown>>;

/** Logs a bug without the request: requests carry passwords, OTPs and session IDs. */
export type BugLog = (channelName: string, error: unknown) => void;

/** What the dispatch needs of the core: the sessions it resolves, the store its refusals are audited in, and the key of their typed IDs. */
export type DispatchDeps = { readonly sessions: SessionStore; readonly db: Db; readonly auditKey: AuditKey };

type Lookup = Record<string, Record<string, unknown>>;

function entries(table: HandlerTable): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const [group, channels] of Object.entries(servedContract)) {
    for (const [method, channel] of Object.entries(channels) as [string, Channel][]) {
      const handler = (table as unknown as Lookup)[group]![method] as AnyHandler;
      const action = (REFUSAL_ACTIONS as unknown as Lookup)[group]![method] as AuditAction | undefined;
      map.set(channel.name, { channel, handler, action });
    }
  }
  return map;
}

/**
 * The one wrapper every request passes through (DESIGN-NOTES 7, 8): the request is parsed from `unknown`
 * against its schema, the access the contract declares checked (session, password-change gate, user type) and
 * every refusal of it audited, one service called, and the answer parsed against the response schema, which
 * strips anything the contract does not name. It never throws.
 */
export function createDispatch(table: HandlerTable, deps: DispatchDeps, clock: () => Date, logBug: BugLog): Dispatch {
  const byName = entries(table);
  return async (channelName, raw) => {
    const entry = byName.get(channelName);
    if (!entry) return fail('VALIDATION');
    const parsed = entry.channel.request.safeParse(raw);
    if (!parsed.success) return fail('VALIDATION', { field: parsed.error.issues[0]?.path.map(String).join('.') || undefined });
    const now = clock();
    // The session store may be a database (a company server's): resolving can fail like any query.
    try {
      const admission = await admit(channelName, entry.channel.access, parsed.data, deps.sessions, now);
      if (!admission.ok) {
        // Every level but public has its action (REFUSAL_ACTIONS), and only those levels are refused here.
        await auditRefusal(deps.db, deps.auditKey, { channelName, action: entry.action!, error: admission.error, actor: admission.actor, request: parsed.data }, now);
        return { ok: false, error: admission.error };
      }
      const result = await entry.handler(parsed.data, { now, session: admission.session });
      return result.ok ? ok(entry.channel.response.parse(result.value)) : result;
    } catch (error) {
      logBug(channelName, error);
      return fail('INTERNAL');
    }
  };
}
