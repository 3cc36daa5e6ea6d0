import { defaultRules, type RulesConfig } from '../../main/config/rules';
import { serverCore } from '../../main/server/serverCore';
import { connectedDesktop, type ConnectedDesktop } from './connectedDesktop';
import { createHarness, TEST_KDF, type Harness } from './harness';
import { startServer, type ServerHarness } from './server';

/** Blocks of 5 h with cheap step hashes: the cost of a real one is measured in bench/offline.bench.ts. */
export const OFFLINE_TEST_RULES: RulesConfig = { ...defaultRules, offline: { blockSteps: 300, stepHashIterations: 10 } };

export type OfflineWorld = {
  readonly h: Harness;
  readonly s: ServerHarness;
  /** Every desktop opened through `desktop`, closed with the world. */
  readonly desktops: ConnectedDesktop[];
  desktop(o?: Parameters<typeof connectedDesktop>[1]): Promise<ConnectedDesktop>;
  close(): Promise<void>;
};

/** The company server on the run's store and connected desktops before it: what the offline tests start from. */
export async function offlineWorld(): Promise<OfflineWorld> {
  const h = await createHarness({ rules: OFFLINE_TEST_RULES });
  const core = serverCore({ store: h.store, sealKey: h.sealKey, setupPolicy: 'closed', kdf: TEST_KDF, clock: h.clock.now, rules: OFFLINE_TEST_RULES, logBug: (_c, e) => h.bugs.push(e) });
  const s = await startServer({ harness: h, core });
  const desktops: ConnectedDesktop[] = [];
  return {
    h,
    s,
    desktops,
    async desktop(o = {}) {
      const d = await connectedDesktop(s, o);
      desktops.push(d);
      return d;
    },
    async close() {
      await Promise.all(desktops.splice(0).map((d) => d.close()));
      await s.close();
      await h.close();
    },
  };
}
