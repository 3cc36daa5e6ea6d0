import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, jst } from '../support/clock';
import { buildPopulation, POP_PASSWORD, tokenCode, type Population } from '../support/population';
import { revocationState, revocationWriting } from '../support/revocationState';
import { scaled } from '../support/scale';
import { serverStoreOnly } from '../support/serverDialect';
import { startServerProcesses, type ServerProcess } from '../support/serverProcesses';
import { openTestStore, type TestStore } from '../support/stores';

/**
 * A company server SIGKILLed while it revokes 1,000 users (SPEC R-REV-3, DESIGN-NOTES 3): PostgreSQL aborts the
 * transaction with its connection, so afterwards either every target is revoked with its audit row or none is,
 * and a new instance serves the same sessions at once.
 */
const KILLS = scaled(4, 20);
const TARGETS = 1_000;

const skip = serverStoreOnly();
let t: TestStore;
let pop: Population;
const clock = new TestClock(jst('2026-11-24T10:00:30'));
beforeAll(async () => {
  if (skip) return;
  t = await openTestStore();
  pop = await buildPopulation(t.store.db, TARGETS + 1, 10, clock.now());
}, 60_000);
afterAll(async () => t?.dispose());

async function logIn(server: ServerProcess): Promise<string> {
  await server.setClock(clock.now());
  const step = await server.call('auth:login', { loginId: pop.loginIds[0], password: POP_PASSWORD });
  const challengeId = (step.body as { value: { challengeId: string } }).value.challengeId;
  const done = await server.call('auth:verify-otp', { challengeId, otp: await tokenCode(t.store.db, pop.sealKey, pop.serials[0]!, clock.now()) });
  return (done.body as { value: { sessionId: string } }).value.sessionId;
}

describe.skipIf(skip)('SIGKILL of a server mid-revocation (SPEC R-REV-3, DESIGN-NOTES 3)', () => {
  it(`a server killed ${KILLS} times while revoking ${TARGETS} users: all or nothing each time; the next instance keeps the session`, async () => {
    const cluster = await startServerProcesses(t.location, pop.sealKey, 1);
    let server = cluster.servers[0]!;
    const sessionId = await logIn(server);
    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      clock.advance(60_000);
      await server.setClock(clock.now());
      const otp = await tokenCode(t.store.db, pop.sealKey, pop.serials[0]!, clock.now());
      const revoking = server.call('tokens:revoke', { sessionId, loginIds: pop.loginIds.slice(1), authPassword: POP_PASSWORD, otp }).then(
        (a) => `answered ${JSON.stringify(a.body).slice(0, 40)}`,
        (e: NodeJS.ErrnoException) => `transport ${e.code ?? e.message}`,
      );
      await server.child.next('revoking');
      await revocationWriting(t.store.db);
      await sleep(Math.floor(Math.random() * 20));
      await server.child.kill();
      outcomes.push(await revoking);
      const state = await revocationState(t.store.db);
      expect([{ revoked: 0, audited: 0 }, { revoked: TARGETS, audited: TARGETS }]).toContainEqual(state);
      // A new instance: the session of the killed one is still valid (it lives in PostgreSQL).
      server = await cluster.spawn();
      cluster.servers.push(server);
      await server.setClock(clock.now());
      expect((await server.call('auth:session', { sessionId })).body).toMatchObject({ ok: true });
      if (state.revoked === TARGETS) break;
    }
    // Then once to the end, on the instance that replaced the last one killed: all of it, once.
    clock.advance(60_000);
    await server.setClock(clock.now());
    const otp = await tokenCode(t.store.db, pop.sealKey, pop.serials[0]!, clock.now());
    const done = await server.call('tokens:revoke', { sessionId, loginIds: pop.loginIds.slice(1), authPassword: POP_PASSWORD, otp });
    if ((await revocationState(t.store.db)).revoked === 0) expect(done.body).toMatchObject({ ok: true });
    const final = await revocationState(t.store.db);
    expect(final).toEqual({ revoked: TARGETS, audited: TARGETS });
    console.log(`server crash: ${outcomes.length} SIGKILLs mid-revocation of ${TARGETS} users, final ${final.revoked} revoked / ${final.audited} audited; callers saw ${[...new Set(outcomes)].join(', ')}`);
    expect(await cluster.stop()).toEqual([]);
  }, 120_000);
});
