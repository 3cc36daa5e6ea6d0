import { desktopContract } from '../../shared/contract/connection';
import type { Channel } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import { save, status, test, type ConnectionState } from './handlers';

type Handler = (state: ConnectionState, input: never) => Result<object> | Promise<Result<object>>;
const HANDLERS: Record<keyof typeof desktopContract.connection, Handler> = { status, test, save };

/** 同期できなかった操作 (R-OFF-8): a connected desktop's own; elsewhere there is no offline work to list. */
const offlineHandler =
  (method: keyof typeof desktopContract.offline): Handler =>
  (state, input) =>
    state.offline ? state.offline.ops[method](input) : fail('OFFLINE_UNAVAILABLE');

/**
 * The desktop's own channels (connection:*, offline:*) are answered here, by the main process, and never forwarded;
 * every other channel goes to the running mode's dispatch. Parsed in and out as the one dispatch does.
 */
export function withDesktopChannels(state: ConnectionState, restart: () => void): Dispatch {
  const local = new Map<string, { channel: Channel; handler: Handler }>([
    ...Object.entries(desktopContract.connection).map(([method, channel]) => [channel.name, { channel, handler: HANDLERS[method as keyof typeof HANDLERS] }] as const),
    ...Object.entries(desktopContract.offline).map(([method, channel]) => [channel.name, { channel, handler: offlineHandler(method as keyof typeof desktopContract.offline) }] as const),
  ]);
  return async (channelName, raw) => {
    const entry = local.get(channelName);
    if (!entry) return state.inner(channelName, raw);
    const parsed = entry.channel.request.safeParse(raw);
    if (!parsed.success) return fail('VALIDATION', { field: parsed.error.issues.at(0)?.path.at(-1)?.toString() });
    const result = await entry.handler(state, parsed.data as never);
    if (!result.ok) return result;
    const value = entry.channel.response.parse(result.value) as { restart?: boolean };
    if (value.restart) restart();
    return ok(value);
  };
}
