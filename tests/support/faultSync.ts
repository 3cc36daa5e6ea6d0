import { join } from 'node:path';
import { expect } from 'vitest';
import { defaultRules, type RulesConfig } from '../../main/config/rules';
import { outboxFile } from '../../main/offline/outbox';
import { readSealed } from '../../main/offline/sealedFile';
import { addUser } from '../../main/store/repos/provision';
import { serverCore } from '../../main/server/serverCore';
import { connectedDesktop, type ConnectedDesktop } from './connectedDesktop';
import { userRecord } from './db';
import { nextStep, PASSWORDS, TEST_KDF, type Harness } from './harness';
import { startServer, type ServerHarness } from './server';

/** Blocks long enough for one step-up per operation (one step each), cheap step hashes, small batches so cuts land among them. */
export const FAULT_RULES: RulesConfig = { ...defaultRules, offline: { ...defaultRules.offline, blockSteps: 480, stepHashIterations: 10, applyBatch: 3 } };

/** Mulberry32: a small seeded generator, so a failing run can be replayed from its printed seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type FaultFigures = {
  seed: number;
  cycles: number;
  /** Cycles whose cut found the sync still running (the others had finished before it). */
  interrupted: number;
  operations: number;
  accepted: number;
  refused: number;
  lost: number;
  twice: number;
};

type Run = { h: Harness; s: ServerHarness; d: ConnectedDesktop };

async function open(h: Harness): Promise<Run> {
  const core = serverCore({ store: h.store, sealKey: h.sealKey, setupPolicy: 'closed', kdf: TEST_KDF, clock: h.clock.now, rules: FAULT_RULES, logBug: (_c, e) => h.bugs.push(e) });
  const s = await startServer({ harness: h, core });
  return { h, s, d: await connectedDesktop(s, { normalMs: 2_000, rules: FAULT_RULES }) };
}

/** Every tenth login ID is taken on the server while the desktop is offline: those registrations are refused. */
const loginIdOf = (i: number) => `fault${String(i).padStart(4, '0')}`;
const takenMeanwhile = (i: number) => i % 10 === 7;

/** `operations` registrations queued offline by the master, each with its own offline step-up. */
async function queue({ h, d }: Run, operations: number): Promise<string[]> {
  nextStep(h);
  await d.login('kmb05871');
  await d.cut();
  nextStep(h);
  const { sessionId } = await d.login('kmb05871');
  for (let i = 0; i < operations; i++) {
    nextStep(h);
    const request = { sessionId, loginId: loginIdOf(i), name: `障害 ${i}`, userType: 'general', initialLoginPassword: 'Init#Login2026', initialAuthPassword: 'Init#Auth2026' };
    const answer = await d.call('users:register', { ...request, authPassword: PASSWORDS.auth, otp: await h.codeOf('523405696') });
    if (!answer.ok) throw new Error(`queueing ${i}: ${JSON.stringify(answer)}`);
  }
  const companyId = (await userRecord(h, 'kmb05871'))!.company_id;
  for (let i = 0; i < operations; i++) {
    if (takenMeanwhile(i)) await addUser(h.store.db, TEST_KDF, { companyId, loginId: loginIdOf(i), name: '先客', type: 'general', loginPassword: PASSWORDS.login, authPassword: PASSWORDS.auth }, h.clock.now());
  }
  return readSealed(outboxFile(join(d.dir, 'offline', 'outbox'), d.key, d.offline.desktopId()!)).entries.map((e) => e.key);
}

/** How many operations the server has stored an outcome for: it moves inside a batch, before its answer. */
async function storedOutcomes(h: Harness): Promise<number> {
  const row = await h.store.db.selectFrom('offline_operations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One cycle: the link comes back, the sync starts, and at a random point the link is cut again: counted in
 * operations the server has applied, so the cut lands inside a batch (the server has applied part of it and its
 * answer is lost) as well as between requests.
 */
async function cycle({ h, d }: Run, rng: () => number): Promise<boolean> {
  const target = (await storedOutcomes(h)) + (rng() < 0.2 ? 0 : 1 + Math.floor(rng() * 4));
  d.proxy.mode('pass');
  const sync = d.offline.probeNow();
  let finished = false;
  void sync.finally(() => (finished = true));
  // Waits on the condition (never on a time), one turn of the event loop between looks.
  while (!finished && (await storedOutcomes(h)) < target) await new Promise((resolve) => setTimeout(resolve, 1));
  // A few more turns of the loop so the cut also lands inside the next request, not only between two.
  for (let turns = Math.floor(rng() * 6); turns > 0; turns--) await new Promise((resolve) => setImmediate(resolve));
  const interrupted = !finished;
  // Mostly dropped or reset; now and then stalled, so an answer is lost after the server applied (the deadline).
  const how = rng();
  d.proxy.mode(how < 0.45 ? 'drop' : how < 0.9 ? 'reset' : 'stall');
  await sync;
  await d.offline.idle();
  return interrupted;
}

/**
 * THE FAULT TEST (issue 14, SPEC R-OFF-7), over the harness's store (made with FAULT_RULES): `cycles` cut/restore cycles at random points during the sync of an
 * outbox of `operations`, through the real fault proxy to the real server; then the link stays up to the end.
 * Every operation must be applied exactly once or refused with its reason, none lost, none applied twice, and the
 * server's audit must agree (its rows counted per idempotency key).
 */
export async function faultRun(h: Harness, cycles: number, operations: number, seed: number): Promise<FaultFigures> {
  const run = await open(h);
  const { s, d } = run;
  try {
    const keys = await queue(run, operations);
    expect(keys).toHaveLength(operations);
    const rng = seeded(seed);
    let interrupted = 0;
    for (let c = 0; c < cycles; c++) if (await cycle(run, rng)) interrupted++;
    await d.restore();
    expect(d.offline.status()).toMatchObject({ link: 'online', waiting: 0, sync: null });

    const stored = await h.store.db.selectFrom('offline_operations').select(['key', 'outcome', 'reason']).execute();
    const byKey = new Map(stored.map((r) => [r.key, r]));
    const audit = await h.store.db.selectFrom('audit_log').select('detail').where('detail', 'like', '%"key":%').execute();
    const auditCount = new Map<string, number>();
    for (const row of audit) {
      const key = (JSON.parse(row.detail!) as { key?: string }).key;
      if (key) auditCount.set(key, (auditCount.get(key) ?? 0) + 1);
    }
    nextStep(h);
    const failed = await d.offline.ops.failed({ sessionId: (await d.login('kmb05871')).sessionId });
    const refusedHere = new Map((failed.ok ? failed.value.operations : []).map((f) => [f.key, f.reason]));

    const lost = keys.filter((k) => !byKey.has(k)).length;
    const twice = keys.filter((k) => (auditCount.get(k) ?? 0) > 1).length;
    const accepted = keys.filter((k) => byKey.get(k)?.outcome === 'accepted');
    const refused = keys.filter((k) => byKey.get(k)?.outcome === 'refused');
    // The audit agrees: one row per operation, whatever its outcome.
    expect(keys.filter((k) => auditCount.get(k) !== 1)).toEqual([]);
    // Refused ones are listed here with the server's reason; accepted ones are gone from the outbox.
    expect(refused.map((k) => [k, refusedHere.get(k)])).toEqual(refused.map((k) => [k, byKey.get(k)!.reason]));
    expect(refusedHere.size).toBe(refused.length);
    expect(refused.map((k) => byKey.get(k)!.reason)).toEqual(refused.map(() => 'LOGIN_ID_TAKEN'));
    expect(refused).toHaveLength(Array.from({ length: operations }, (_, i) => i).filter(takenMeanwhile).length);
    // Each accepted registration made its user, once.
    const made = await h.store.db.selectFrom('users').select('login_id').where('name', 'like', '障害 %').execute();
    expect(made).toHaveLength(accepted.length);
    expect(h.bugs).toEqual([]);
    // The cuts really landed in the sync: most cycles found it running.
    expect(interrupted).toBeGreaterThanOrEqual(cycles / 2);
    return { seed, cycles, interrupted, operations, accepted: accepted.length, refused: refused.length, lost, twice };
  } finally {
    await d.close();
    await s.close();
    await h.close();
  }
}
