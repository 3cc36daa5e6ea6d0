import { afterEach, beforeEach, expect } from 'vitest';
import { defaultRules, type RulesConfig } from '../../main/config/rules';
import { serverCore } from '../../main/server/serverCore';
import { connectedDesktop, type ConnectedDesktop } from './connectedDesktop';
import { createHarness, nextStep, PASSWORDS, TEST_KDF, type Harness } from './harness';
import { startServer, type ServerHarness } from './server';

/** The demo's token shared by kmb05871 and test12345, and ippan001's. */
export const SHARED = '523405696';
export const NEAR = '523405697';

/** Blocks of 5 h with cheap step hashes: the cost of a real one is measured in bench/offline.bench.ts. */
export const OFFLINE_TEST_RULES: RulesConfig = { ...defaultRules, offline: { ...defaultRules.offline, blockSteps: 300, stepHashIterations: 10 } };

export type OfflineWorld = {
  readonly h: Harness;
  readonly s: ServerHarness;
  /** Every desktop opened through `desktop`, closed with the world. */
  readonly desktops: ConnectedDesktop[];
  desktop(o?: Parameters<typeof connectedDesktop>[1]): Promise<ConnectedDesktop>;
  /** A login at the next step on that desktop (online or offline, as its link is). */
  loginAt(d: ConnectedDesktop, loginId: string, serial?: string): ReturnType<ConnectedDesktop['login']>;
  /** kmb05871's offline session on `d`: a login online first (SPEC R-OFF-2), then the cut, then the login. */
  offlineLogin(d: ConnectedDesktop): ReturnType<ConnectedDesktop['login']>;
  /**
   * An offline session on `d1` renames shinki01 to 端末1の名前 while test12345 renames it online on `d2`: at
   * `d1`'s restore its change is refused (OFFLINE_CONFLICT) and listed. The refused operation's key.
   */
  conflict(d1: ConnectedDesktop, offlineSessionId: string, d2: ConnectedDesktop): Promise<string>;
  /** The step-up fields of kmb05871 at the next step. */
  stepUp(serial?: string): Promise<{ authPassword: string; otp: string }>;
  close(): Promise<void>;
};

/** The company server on the run's store and connected desktops before it: what the offline tests start from. */
async function offlineWorld(): Promise<OfflineWorld> {
  const h = await createHarness({ rules: OFFLINE_TEST_RULES });
  const core = serverCore({ store: h.store, sealKey: h.sealKey, setupPolicy: 'closed', kdf: TEST_KDF, clock: h.clock.now, rules: OFFLINE_TEST_RULES, logBug: (_c, e) => h.bugs.push(e) });
  const s = await startServer({ harness: h, core });
  const desktops: ConnectedDesktop[] = [];
  const loginAt = (d: ConnectedDesktop, loginId: string, serial = SHARED) => {
    nextStep(h);
    return d.login(loginId, serial);
  };
  const stepUp = async (serial = SHARED) => {
    nextStep(h);
    return { authPassword: PASSWORDS.auth, otp: await h.codeOf(serial) };
  };
  return {
    h,
    s,
    desktops,
    async desktop(o = {}) {
      const d = await connectedDesktop(s, o);
      desktops.push(d);
      return d;
    },
    loginAt,
    async offlineLogin(d) {
      await loginAt(d, 'kmb05871');
      await d.cut();
      return loginAt(d, 'kmb05871');
    },
    async conflict(d1, offlineSessionId, d2) {
      expect(await d1.call('users:update', { sessionId: offlineSessionId, loginId: 'shinki01', name: '端末1の名前', ...(await stepUp()) })).toMatchObject({ ok: true });
      const other = await loginAt(d2, 'test12345');
      expect(await d2.call('users:update', { sessionId: other.sessionId, loginId: 'shinki01', name: '端末2の名前', ...(await stepUp()) })).toMatchObject({ ok: true });
      await d1.restore();
      const failed = await d1.call('offline:failed', { sessionId: offlineSessionId });
      const [refused] = (failed.value as { operations: { key: string; reason: string }[] }).operations;
      expect(refused).toMatchObject({ reason: 'OFFLINE_CONFLICT' });
      return refused!.key;
    },
    stepUp,
    async close() {
      await Promise.all(desktops.splice(0).map((d) => d.close()));
      await s.close();
      await h.close();
    },
  };
}

/** A fresh offline world for each test of the file, handed to `take`, closed after the test with no bug logged. */
export function eachOfflineWorld(take: (w: OfflineWorld) => void): void {
  let w: OfflineWorld;
  beforeEach(async () => {
    w = await offlineWorld();
    take(w);
  });
  afterEach(async () => {
    await w.close();
    expect(w.h.bugs).toEqual([]);
  });
}
