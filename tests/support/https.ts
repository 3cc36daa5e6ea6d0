import { request } from 'node:https';
import { serverChannels } from '../../shared/contract/api';
import { carriesSession } from '../../main/server/limits';

export type HttpsAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: unknown; text: string };

export type PostOptions = {
  readonly sessionId?: string;
  readonly contentType?: string | null;
  /** Sent as is instead of the JSON of `body`. */
  readonly raw?: string | Buffer;
  /** More headers, sent as given. */
  readonly headers?: Record<string, string>;
};

/** One HTTPS request to the test server, trusting only its own certificate (no pinning shortcut, no insecure flag). */
export function send(base: string, ca: string, method: string, path: string, body?: unknown, options: PostOptions = {}): Promise<HttpsAnswer> {
  const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const headers: Record<string, string> = { ...options.headers };
  if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
  if (options.sessionId !== undefined) headers.authorization = `Bearer ${options.sessionId}`;
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, headers, ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A contract call the way the desktop makes it (HTTP-SHAPE.md): sessionId out of the body, into the header. */
export async function call(base: string, ca: string, channelName: string, request: unknown): Promise<HttpsAnswer> {
  const channel = serverChannels().find((c) => c.name === channelName);
  const bearer = channel !== undefined && carriesSession(channel);
  if (bearer && typeof request === 'object' && request !== null && !Array.isArray(request) && Object.hasOwn(request, 'sessionId')) {
    const { sessionId, ...rest } = request as Record<string, unknown>;
    // What cannot be a header value (a number, a non-ASCII string) stays in the body, which the server refuses.
    if (typeof sessionId === 'string' && /^[\x21-\x7e]*$/.test(sessionId)) return send(base, ca, 'POST', `/api/v1/${channelName}`, rest, { sessionId });
    if (typeof sessionId !== 'string') return send(base, ca, 'POST', `/api/v1/${channelName}`, rest);
  }
  return send(base, ca, 'POST', `/api/v1/${channelName}`, request);
}
