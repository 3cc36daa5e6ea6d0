import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { makeSelfSigned } from '../../main/server/selfSigned';
import { Child } from './children/child';
import type { ServerIn, ServerOut } from './children/protocol';
import { call, type HttpsAnswer } from './https';

export type ServerProcess = {
  readonly child: Child<ServerIn, ServerOut>;
  call(channelName: string, request: unknown): Promise<HttpsAnswer>;
  setClock(now: Date): Promise<void>;
};

/** `count` server instances in their own processes over one store, as behind a load balancer. */
export async function startServerProcesses(location: string, sealKey: Buffer, count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'server-procs-'));
  const tls = makeSelfSigned(dir);
  const spawn = async (): Promise<ServerProcess> => {
    const args = JSON.stringify({ location, sealKey: sealKey.toString('hex'), certFile: tls.certFile, keyFile: tls.keyFile });
    const child = new Child<ServerIn, ServerOut>('serverProcess.ts', [args]);
    const { port } = await child.next('up');
    const base = `https://127.0.0.1:${port}`;
    return {
      child,
      call: (name, request) => call(base, tls.cert, name, request),
      async setClock(now) {
        child.send({ type: 'clock', now: now.getTime() });
        await child.next('clock-set');
      },
    };
  };
  const servers = await Promise.all(Array.from({ length: count }, spawn));
  return {
    servers,
    spawn,
    /** Ends every instance still running; answers the bugs they logged. */
    async stop(): Promise<string[]> {
      const bugs: string[] = [];
      for (const s of servers) {
        if (!s.child.process.connected) continue;
        s.child.send({ type: 'exit' });
        bugs.push(...(await s.child.next('bugs')).bugs);
        await Promise.race([s.child.exited, new Promise((r) => setTimeout(r, 5_000))]);
        await s.child.kill();
      }
      rmSync(dir, { recursive: true, force: true });
      return bugs;
    },
  };
}

export type ServerCluster = Awaited<ReturnType<typeof startServerProcesses>>;

/** The store the processes share: where it is, the key its seeds are sealed under, and how to close it. */
export type SharedStore = { location: string; sealKey: Buffer; close(): Promise<void> };

/**
 * `count` company-server processes for the whole file over the store `open` makes, handed to `take` (nothing on
 * SQLite: `skip` from serverStoreOnly). After the file they stop, then the store closes; a bug they logged fails it.
 */
export function serversForFile(count: number, open: () => Promise<SharedStore>, take: (cluster: ServerCluster) => void, o: { skip: boolean; timeoutMs: number }): void {
  let store: SharedStore | undefined;
  let cluster: ServerCluster | undefined;
  beforeAll(async () => {
    if (o.skip) return;
    store = await open();
    cluster = await startServerProcesses(store.location, store.sealKey, count);
    take(cluster);
  }, o.timeoutMs);
  afterAll(async () => {
    const bugs = cluster ? await cluster.stop() : [];
    await store?.close();
    expect(bugs).toEqual([]);
  });
}
