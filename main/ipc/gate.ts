import { contract, syncContract, type Access, type Channel } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import { opaqueIdField } from '../../shared/input/fields';
import type { AuditAction } from '../store/repos/audit';
import type { BugLog, DispatchDeps } from './dispatch';
import { admit } from './admit';
import { auditRefusal, REFUSAL_ACTIONS } from './refusals';

/**
 * Whether a bearer may call a session channel, asked before its body is read (issue 19 finding 6): a shell
 * streams a large body (a token file, thousands of login IDs) only to a caller the contract admits. The same
 * admission as the dispatch's, its refusal audited the same way; the dispatch still checks the whole request.
 */
export type Gate = (channelName: string, sessionId: string | undefined) => Promise<Result<null>>;

type Lookup = Record<string, Record<string, unknown>>;
type Entry = { readonly access: Access; readonly action: AuditAction | undefined };

function entries(): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const [group, channels] of Object.entries({ ...contract, ...syncContract })) {
    for (const [method, channel] of Object.entries(channels) as [string, Channel][]) {
      const action = (REFUSAL_ACTIONS as unknown as Lookup)[group]?.[method] as AuditAction | undefined;
      map.set(channel.name, { access: channel.access, action });
    }
  }
  return map;
}

async function check(deps: DispatchDeps, entry: Entry & { action: AuditAction }, channelName: string, sessionId: string, now: Date): Promise<Result<null>> {
  // Only a look: the dispatch touches the session when it reads the whole request.
  const admission = await admit(channelName, entry.access, { sessionId }, deps.sessions, now, false);
  if (admission.ok) return ok(null);
  // The body is not read yet: the row names the actor alone, never a target the body might carry.
  await auditRefusal(deps.db, deps.auditKey, { channelName, action: entry.action, error: admission.error, actor: admission.actor, request: {} }, now);
  return { ok: false, error: admission.error };
}

/** Never throws: a fault of the session store is logged as the dispatch logs one and answered INTERNAL. */
export function createGate(deps: DispatchDeps, clock: () => Date, logBug: BugLog): Gate {
  const byName = entries();
  return async (channelName, sessionId) => {
    const entry = byName.get(channelName);
    if (!entry || entry.access === 'public' || !entry.action) return ok(null);
    // What the dispatch answers a request without a well-formed session: the same answer, only sooner.
    const parsed = opaqueIdField.safeParse(sessionId);
    if (!parsed.success) return fail('VALIDATION', { field: 'sessionId' });
    try {
      return await check(deps, { access: entry.access, action: entry.action }, channelName, parsed.data, clock());
    } catch (error) {
      logBug(channelName, error);
      return fail('INTERNAL');
    }
  };
}
