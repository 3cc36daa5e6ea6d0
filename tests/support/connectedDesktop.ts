import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRules, type RulesConfig } from '../../main/config/rules';
import { startDesktop, type Desktop } from '../../main/connection/desktop';
import type { OfflineWork } from '../../main/sync/start';
import { fingerprintOf } from '../../main/remote/pin';
import { startFaultProxy, type FaultProxy } from './faultProxy';
import { PASSWORDS } from './harness';
import type { ServerHarness } from './server';

/** The desktop's offline rules in tests: the real ones, with a short session so nothing waits on them. */
export const DESKTOP_RULES: RulesConfig = defaultRules;

export type ConnectedDesktop = {
  readonly desktop: Desktop;
  readonly offline: OfflineWork;
  readonly proxy: FaultProxy;
  readonly dir: string;
  readonly key: Buffer;
  call(channelName: string, request: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  /** Logs in through the desktop (online or offline as its link decides); the session's info. */
  login(loginId: string, serial?: string): Promise<{ sessionId: string; offline?: true }>;
  /** Cuts (drop) or restores the link, then probes so the desktop knows. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Restarts the desktop process on the same folder and key (sessions in memory are gone, files stay). */
  restart(): Promise<ConnectedDesktop>;
  close(): Promise<void>;
};

/**
 * A connected desktop core (main/connection/desktop.ts, no Electron) whose only road to the real server runs
 * through a loopback fault proxy (issue 14: real cuts, never a mocked fetch), sharing the server's clock.
 */
export async function connectedDesktop(s: ServerHarness, o: { dir?: string; key?: Buffer; proxy?: FaultProxy; normalMs?: number; owns?: boolean; rules?: RulesConfig } = {}): Promise<ConnectedDesktop> {
  const proxy = o.proxy ?? (await startFaultProxy({ host: '127.0.0.1', port: s.port }));
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'connected-desktop-'));
  const key = o.key ?? randomBytes(32);
  const fingerprint = fingerprintOf(new X509Certificate(s.ca).raw);
  writeFileSync(join(dir, 'connection.json'), JSON.stringify({ mode: 'connected', url: proxy.url, fingerprint }));
  const desktop = await startDesktop({
    dir,
    storeExists: false,
    openLocal: () => Promise.reject(new Error('a connected desktop opens no store')),
    restart: () => {},
    sealKey: () => key,
    // Tests probe by hand (probeNow): the timer never decides what a test sees.
    probeIntervalMs: 3_600_000,
    rules: o.rules ?? DESKTOP_RULES,
    clock: s.h.clock.now,
    remote: { retryDelayMs: 0, readRetries: 0, timeouts: { normalMs: o.normalMs ?? 3_000, longMs: 10_000 } },
  });
  const offline = desktop.offline!;
  // Whoever made the proxy and the folder removes them; a restarted desktop inherits that.
  const owns = o.owns ?? (!o.proxy && !o.dir);
  await offline.idle();
  const call = desktop.dispatch as ConnectedDesktop['call'];
  const self: ConnectedDesktop = {
    desktop,
    offline,
    proxy,
    dir,
    key,
    call,
    async login(loginId, serial = '523405696') {
      const step = await call('auth:login', { loginId, password: PASSWORDS.login });
      if (!step.ok) throw new Error(`login of ${loginId}: ${JSON.stringify(step)}`);
      const { challengeId } = step.value as { challengeId: string };
      const session = await call('auth:verify-otp', { challengeId, otp: await s.h.codeOf(serial) });
      if (!session.ok) throw new Error(`OTP of ${loginId}: ${JSON.stringify(session)}`);
      await offline.idle();
      return session.value as { sessionId: string; offline?: true };
    },
    async cut() {
      proxy.mode('drop');
      await offline.probeNow();
    },
    async restore() {
      proxy.mode('pass');
      // A probe can still meet a connection the cut broke (ECONNRESET): the desktop then stays offline until its
      // next probe, as it would 5 s later in use. A few probes at most, each waited for, never a timer.
      for (let probes = 0; probes < 3; probes++) {
        await offline.probeNow();
        await offline.idle();
        if (offline.status().link === 'online') return;
      }
    },
    async restart() {
      await desktop.close();
      return connectedDesktop(s, { ...o, dir, key, proxy, owns });
    },
    async close() {
      await desktop.close();
      if (!owns) return;
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}
