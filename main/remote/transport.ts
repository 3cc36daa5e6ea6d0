import { isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Agent, request, type buildConnector } from 'undici';
import { certificateProblem, type CertificateProblem } from './pin';

export type FaultCode = 'SERVER_UNREACHABLE' | CertificateProblem;

/** A transport failure, typed: the remote dispatch turns it into the matching refusal. */
export class RemoteFault extends Error {
  constructor(
    readonly code: FaultCode,
    readonly detail: string,
    /** The deadline passed: trying again would make the user wait a whole deadline more. */
    readonly timedOut = false,
  ) {
    super(`${code}: ${detail}`);
  }
}

const TIMEOUTS = new Set(['TimeoutError', 'AbortError', 'HeadersTimeoutError', 'BodyTimeoutError', 'ConnectTimeoutError']);

/** The answers of a server are small; the audit CSV and import previews are the largest, well below this. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * Opens the TLS connection itself and hands it to undici only once the peer certificate matched the pin and is
 * within its dates, so not one byte of a request (passwords, OTPs, the session) reaches another server.
 */
function pinnedConnector(pin: string, clock: () => Date, timeoutMs: number): buildConnector.connector {
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    const socket = tlsConnect({
      host,
      port: Number(options.port) || 443,
      servername: isIP(host) ? undefined : host,
      // The pin replaces CA validation (a company's self-signed certificate); certificateProblem checks the rest.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        socket.destroy();
        callback(error, null);
      } else callback(null, socket);
    };
    const timer = setTimeout(() => settle(new RemoteFault('SERVER_UNREACHABLE', 'connect timeout', true)), timeoutMs);
    socket.once('secureConnect', () => {
      const problem = certificateProblem(socket.getPeerX509Certificate(), pin, clock());
      settle(problem ? new RemoteFault(problem, 'certificate') : null);
    });
    socket.once('error', (error) => settle(new RemoteFault('SERVER_UNREACHABLE', error.message)));
  };
}

export type TransportOptions = { base: URL; fingerprint: string; clock: () => Date; connectTimeoutMs: number };

export type Transport = {
  /** POSTs JSON and answers the parsed JSON of a 200; anything else throws a RemoteFault. */
  post(path: string, body: unknown, bearer: string | undefined, timeoutMs: number): Promise<unknown>;
  get(path: string, timeoutMs: number): Promise<unknown>;
  close(): Promise<void>;
};

async function readJson(body: AsyncIterable<Buffer>): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) throw new RemoteFault('SERVER_UNREACHABLE', 'answer too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RemoteFault('SERVER_UNREACHABLE', 'answer is not JSON');
  }
}

const asFault = (error: unknown): RemoteFault => {
  if (error instanceof RemoteFault) return error;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof RemoteFault) return cause;
  const name = error instanceof Error ? error.name : 'transport';
  return new RemoteFault('SERVER_UNREACHABLE', name, TIMEOUTS.has(name));
};

export function createTransport(options: TransportOptions): Transport {
  const agent = new Agent({
    connect: pinnedConnector(options.fingerprint, options.clock, options.connectTimeoutMs),
    keepAliveTimeout: 10_000,
    connections: 8,
  });
  const send = async (method: 'GET' | 'POST', path: string, timeoutMs: number, headers: Record<string, string>, body?: string) => {
    try {
      const answer = await request(new URL(path, options.base), {
        method,
        headers,
        body,
        dispatcher: agent,
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      if (answer.statusCode !== 200) {
        await answer.body.dump();
        throw new RemoteFault('SERVER_UNREACHABLE', `HTTP ${answer.statusCode}`);
      }
      return await readJson(answer.body);
    } catch (error) {
      throw asFault(error);
    }
  };
  return {
    post(path, body, bearer, timeoutMs) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
      return send('POST', path, timeoutMs, headers, JSON.stringify(body));
    },
    get: (path, timeoutMs) => send('GET', path, timeoutMs, {}),
    close: () => agent.close(),
  };
}
