import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, jst } from '../support/clock';
import { buildPopulation, POP_PASSWORD, tokenCode, type Population } from '../support/population';
import { scaled } from '../support/scale';
import { serverStoreOnly } from '../support/serverDialect';
import { startServerProcesses, type ServerProcess } from '../support/serverProcesses';
import { openTestStore, type TestStore } from '../support/stores';
import type { Db } from '../../main/store/transaction';

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

/** How many of the targets are revoked, and how many token.revoke audit rows exist. */
async function revocationState(db: Db): Promise<{ revoked: number; audited: number }> {
  const revoked = await db.selectFrom('token_assignments').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'revoked').executeTakeFirstOrThrow();
  const audited = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'token.revoke').where('result', '=', 'success').executeTakeFirstOrThrow();
  return { revoked: Number(revoked.n), audited: Number(audited.n) };
}

/** Waits until a transaction of this database has written (holds an xid): the revocation is under way. */
async function revocationWriting(db: Db): Promise<void> {
  for (let i = 0; i < 5_000; i++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`.execute(db);
    if (rows[0]!.n > 0) return;
    await sleep(1);
  }
  throw new Error('the revocation never began to write');
}

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
