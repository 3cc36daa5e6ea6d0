import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ServerOptions } from '../../main/server/createServer';
import type { OtpServer } from '../../main/server/otpServer';
import { makeSelfSigned } from '../../main/server/selfSigned';
import type { Core } from '../../main/core/createCore';
import type { Deps } from '../../main/context/deps';
import type { BugLog } from '../../main/ipc/dispatch';
import { serverCore } from '../../main/server/serverCore';
import { createHarness, TEST_KDF, type Harness } from './harness';
import { call, send, type HttpsAnswer, type PostOptions } from './https';

export type ServerHarness = {
  h: Harness;
  /** The server's core: the harness's store with sessions, logins and setup grants shared in it. */
  core: Pick<Core, 'dispatch'>;
  app: OtpServer;
  base: string;
  port: number;
  ca: string;
  call(channelName: string, request: unknown): Promise<HttpsAnswer>;
  send(method: string, path: string, body?: unknown, options?: PostOptions): Promise<HttpsAnswer>;
  close(): Promise<void>;
};

/** The real core behind the real HTTPS server on a loopback port, with a throw-away certificate. */
export async function startServer(
  options: Partial<Omit<ServerOptions, 'tls'>> & { harness?: Harness; setupPolicy?: Deps['setupPolicy']; logBug?: BugLog } = {},
): Promise<ServerHarness> {
  const h = options.harness ?? (await createHarness());
  const core =
    options.core ??
    serverCore({ store: h.store, sealKey: h.sealKey, setupPolicy: options.setupPolicy ?? 'closed', kdf: TEST_KDF, clock: h.clock.now, logBug: options.logBug ?? ((_c, e) => h.bugs.push(e)) });
  const dir = mkdtempSync(join(tmpdir(), 'server-tls-'));
  const tls = makeSelfSigned(dir);
  // Tests send thousands of requests from one address: the limit is tested on its own (createServer.test.ts).
  const unlimited = { max: 1_000_000, timeWindowMs: 60_000 };
  const app = await createServer({ rateLimit: unlimited, desktopRateLimit: unlimited, ...options, core, tls });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const base = `https://127.0.0.1:${port}`;
  return {
    h,
    core,
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
