import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type OtpServer, type ServerOptions } from '../../main/server/createServer';
import { makeSelfSigned } from '../../main/server/selfSigned';
import { createHarness, type Harness } from './harness';
import { call, send, type HttpsAnswer, type PostOptions } from './https';

export type ServerHarness = {
  h: Harness;
  app: OtpServer;
  base: string;
  port: number;
  ca: string;
  call(channelName: string, request: unknown): Promise<HttpsAnswer>;
  send(method: string, path: string, body?: unknown, options?: PostOptions): Promise<HttpsAnswer>;
  close(): Promise<void>;
};

/** The real core behind the real HTTPS server on a loopback port, with a throw-away certificate. */
export async function startServer(options: Partial<Omit<ServerOptions, 'tls'>> & { harness?: Harness } = {}): Promise<ServerHarness> {
  const h = options.harness ?? (await createHarness());
  const dir = mkdtempSync(join(tmpdir(), 'server-tls-'));
  const tls = makeSelfSigned(dir);
  const app = await createServer({ ...options, core: options.core ?? h.core, tls });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const base = `https://127.0.0.1:${port}`;
  return {
    h,
    app,
    base,
    port,
    ca: tls.cert,
    call: (name, request) => call(base, tls.cert, name, request),
    send: (method, path, body, o) => send(base, tls.cert, method, path, body, o),
    async close() {
      await app.close();
      if (options.harness) return rmSync(dir, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
      await h.close();
    },
  };
}
