import { setTimeout as sleep } from 'node:timers/promises';
import { servedOnServer, serverChannels, type Channel } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import { parseAnswer, readySchema } from './answer';
import { DEFAULT_DEADLINES, deadlineOf, type Deadlines } from '../ipc/deadlines';
import { READ_CHANNELS } from './policy';
import { createTransport, RemoteFault, type Transport } from './transport';
import { serverBase } from './url';

export type RemoteOptions = {
  readonly url: string;
  /** Normalised by the contract's fingerprintField (upper-case hex pairs joined by `:`). */
  readonly fingerprint: string;
  /** Each channel's deadline (../ipc/deadlines.ts), the same as the server's by default. */
  readonly timeouts?: Deadlines;
  /** A read refused at the transport (connection refused or reset, a 5xx) is tried this many more times. */
  readonly readRetries?: number;
  readonly retryDelayMs?: number;
  /** For the certificate's validity dates (DESIGN-NOTES 5). */
  readonly clock?: () => Date;
};

export type Remote = {
  /** The same type as the local dispatch: the shell cannot tell them apart. Never throws. */
  readonly dispatch: Dispatch;
  /** Connects with the pin and asks GET /readyz: what the connection test answers. */
  ready(): Promise<Result<Record<string, never>>>;
  close(): Promise<void>;
};

const validationOf = (channel: Channel, raw: unknown): Result<Record<string, unknown>> => {
  const parsed = channel.request.safeParse(raw);
  if (!parsed.success) return fail('VALIDATION', { field: parsed.error.issues[0]?.path.map(String).join('.') || undefined });
  return ok(raw as Record<string, unknown>);
};

const refusalOf = (error: unknown) => fail(error instanceof RemoteFault ? error.code : 'SERVER_UNREACHABLE');

/**
 * A connected desktop's dispatch (SPEC R-SRV-1, R-SRV-2): each contract call is checked against its request
 * schema, then POSTed to the server as HTTP-SHAPE.md says (the session as a bearer, never in the body) and the
 * answer parsed against the contract. Only reads are retried.
 */
export function createRemote(options: RemoteOptions): Remote {
  const base = serverBase(options.url);
  if (!base.ok) {
    const refused = async () => base;
    return { dispatch: refused, ready: refused, close: async () => {} };
  }
  const timeouts = options.timeouts ?? DEFAULT_DEADLINES;
  const transport: Transport = createTransport({
    base: base.value,
    fingerprint: options.fingerprint,
    clock: options.clock ?? (() => new Date()),
    connectTimeoutMs: timeouts.normalMs,
  });
  // The sync channels too: the desktop's main process syncs through this same pinned transport.
  const byName = new Map(serverChannels().map((c) => [c.name, c]));
  // Answered here, never sent: the server has no route for them, and its 404 would read as an unreachable server.
  const served = new Set(servedOnServer().map((c) => c.name));
  const retries = options.readRetries ?? 2;
  const delay = options.retryDelayMs ?? 300;

  const forward = async (channel: Channel, request: Record<string, unknown>): Promise<Result<unknown>> => {
    const { sessionId, ...body } = request;
    const attempts = READ_CHANNELS.has(channel.name) ? 1 + retries : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const json = await transport.post(`/api/v1/${channel.name}`, body, sessionId as string | undefined, deadlineOf(channel.name, timeouts));
        return parseAnswer(channel, json);
      } catch (error) {
        // A certificate refusal is no passing fault (the same certificate would answer), and a passed deadline
        // is not tried again either, so a stalled server costs the user one deadline, not three.
        const transient = error instanceof RemoteFault && error.code === 'SERVER_UNREACHABLE' && !error.timedOut;
        if (!transient || attempt >= attempts) return refusalOf(error);
        await sleep(delay * attempt);
      }
    }
  };

  return {
    async dispatch(channelName, raw) {
      const channel = byName.get(channelName);
      if (!channel) return fail('VALIDATION');
      if (!served.has(channelName)) return fail('DESKTOP_ONLY');
      const request = validationOf(channel, raw);
      return request.ok ? forward(channel, request.value) : request;
    },
    async ready() {
      try {
        const json = await transport.get('/readyz', timeouts.normalMs);
        return readySchema.safeParse(json).success ? ok({}) : fail('SERVER_UNREACHABLE');
      } catch (error) {
        return refusalOf(error);
      }
    },
    close: () => transport.close(),
  };
}
