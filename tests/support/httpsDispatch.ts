import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../main/ipc/dispatch';
import type { Certificate } from './certificates';

/** What a test may make the server answer instead of the dispatch: a status and a raw body. */
export type Override = (channel: string) => { status: number; body: string } | undefined;

export type TestServer = {
  url: string;
  /** Requests per path, counted on arrival (before any answer). */
  readonly hits: Map<string, number>;
  /** Bearer and body of every API request, to check the wire shape. */
  readonly seen: { channel: string; authorization: string | undefined; body: unknown }[];
  override: Override;
  close(): Promise<void>;
};

/**
 * A minimal HTTPS server over the real dispatch, speaking HTTP-SHAPE.md, for the remote dispatch's tests before
 * (and beside) the server branch's Fastify shell: the session comes back from the bearer into the request.
 */
export async function startHttpsDispatch(certificate: Certificate, dispatch: Dispatch): Promise<TestServer> {
  const state: TestServer = { url: '', hits: new Map(), seen: [], override: () => undefined, close: async () => {} };
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const path = request.url ?? '/';
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body: string) => response.writeHead(status, { 'content-type': 'application/json' }).end(body);
      if (path === '/readyz') return send(200, '{"status":"ok"}');
      const channel = decodeURIComponent(path.replace(/^\/api\/v1\//, ''));
      const forced = state.override(channel);
      if (forced) return send(forced.status, forced.body);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const authorization = request.headers.authorization;
      state.seen.push({ channel, authorization, body });
      const bearer = authorization?.replace(/^Bearer /, '');
      void dispatch(channel, bearer === undefined ? body : { ...body, sessionId: bearer }).then((result) => send(200, JSON.stringify(result)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
