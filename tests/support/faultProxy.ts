import { createServer, Socket, type Server } from 'node:net';

/**
 * A loopback TCP proxy between a desktop's remote dispatch and the real server, to make network faults for
 * real (issue 14: never a mocked fetch). TLS runs end to end through it, so the pin is checked as ever.
 * - pass: bytes flow both ways;
 * - drop: new connections are closed at once, live ones ended (the server "went away");
 * - stall: connections stay open but no byte is forwarded either way (a dead link, ends in a timeout);
 * - reset: new and live connections are reset (TCP RST).
 * Changing the mode acts on live connections too, so a cut can land in the middle of a request.
 */
export type FaultMode = 'pass' | 'drop' | 'stall' | 'reset';

export type FaultProxy = {
  readonly url: string;
  readonly port: number;
  mode(next: FaultMode): void;
  /** Connections accepted so far: lets a test wait until a request is really in flight. */
  readonly accepted: () => number;
  close(): Promise<void>;
};

type Pair = { readonly client: Socket; readonly upstream: Socket };

function kill(pair: Pair, how: 'drop' | 'reset'): void {
  for (const s of [pair.client, pair.upstream]) {
    if (how === 'reset') s.resetAndDestroy();
    else s.destroy();
  }
}

/** To a TCP address, or to a Unix socket (the test PostgreSQL's, between a pool and its server). */
export type ProxyTarget = { readonly host: string; readonly port: number } | { readonly path: string };

export async function startFaultProxy(target: ProxyTarget): Promise<FaultProxy> {
  let current: FaultMode = 'pass';
  let accepted = 0;
  const pairs = new Set<Pair>();
  const forward = (from: Socket, to: Socket) =>
    from.on('data', (chunk: Buffer) => {
      if (current === 'pass') to.write(chunk);
    });
  const server: Server = createServer((client) => {
    accepted++;
    if (current === 'drop' || current === 'reset') return current === 'reset' ? client.resetAndDestroy() : client.destroy();
    const upstream = new Socket();
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) s.on('error', end).on('close', end);
    forward(client, upstream);
    forward(upstream, client);
    if ('path' in target) upstream.connect(target.path);
    else upstream.connect(target.port, target.host);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    accepted: () => accepted,
    mode(next) {
      current = next;
      if (next === 'drop' || next === 'reset') for (const pair of pairs) kill(pair, next);
    },
    async close() {
      for (const pair of pairs) kill(pair, 'drop');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
