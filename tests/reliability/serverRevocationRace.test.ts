import { describe, expect, it } from 'vitest';
import type { Db } from '../../main/store/transaction';
import { TestClock, jst } from '../support/clock';
import { buildPopulation, POP_PASSWORD, tokenCode, type Population } from '../support/population';
import { scaled } from '../support/scale';
import { serverStoreOnly } from '../support/serverDialect';
import { serversForFile, type ServerCluster, type ServerProcess } from '../support/serverProcesses';
import { openTestStore, type TestStore } from '../support/stores';

/**
 * SPEC R-REV-3 (all or nothing), DESIGN-NOTES 2 and 3, behind a load balancer: two company-server processes on
 * one PostgreSQL, each request of a race sent to a different instance over HTTPS at once. u0000000 (master) and
 * u0000001 (admin) each hold their own token; every other user holds one too, and each round takes fresh users.
 */
const ROUNDS = scaled(50, 500);
/** Two overlapping selections per round: A = the first 6 of 9 fresh users, B = the last 6 (3 in common). */
const A = [0, 1, 2, 3, 4, 5];
const B = [3, 4, 5, 6, 7, 8];
const PER_ROUND = 9;
/** Population indexes of the operators; the targets follow (9 a round, then 2 a round for the registration race). */
const MASTER = 0;
const ADMIN = 1;
const FIRST_TARGET = 2;

const skip = serverStoreOnly();
let t: TestStore;
let pop: Population;
let cluster: ServerCluster;
const clock = new TestClock(jst('2026-11-24T09:00:30'));
const open = async () => {
  t = await openTestStore();
  pop = await buildPopulation(t.store.db, FIRST_TARGET + ROUNDS * (PER_ROUND + 2), 1, clock.now());
  await t.store.db.updateTable('users').set({ user_type: 'admin' }).where('login_id', '=', pop.loginIds[ADMIN]!).execute();
  return { location: t.location, sealKey: pop.sealKey, close: () => t.dispose() };
};
serversForFile(2, open, (c) => (cluster = c), { skip, timeoutMs: 120_000 });

const db = (): Db => t.store.db;
const code = (user: number) => tokenCode(db(), pop.sealKey, pop.serials[user]!, clock.now());
type Answer = { ok: boolean; value: Record<string, unknown> & { challengeId: string; sessionId: string; revoked: { loginId: string }[] }; error?: { code: string } };
const body = (a: { body: unknown }) => a.body as Answer;

async function tick(): Promise<void> {
  clock.advance(60_000);
  await Promise.all(cluster.servers.map((s) => s.setClock(clock.now())));
}

async function logIn(server: ServerProcess, user: number): Promise<string> {
  const step = body(await server.call('auth:login', { loginId: pop.loginIds[user], password: POP_PASSWORD }));
  const done = body(await server.call('auth:verify-otp', { challengeId: step.value.challengeId, otp: await code(user) }));
  if (!done.ok) throw new Error(`login of ${pop.loginIds[user]}: ${JSON.stringify(done)}`);
  return done.value.sessionId;
}

const revoke = async (server: ServerProcess, sessionId: string, operator: number, loginIds: string[]) =>
  body(await server.call('tokens:revoke', { sessionId, loginIds, authPassword: POP_PASSWORD, otp: await code(operator) }));

/** Every assignment of these users, by login ID: the states in order of creation. */
async function assignments(loginIds: readonly string[]): Promise<Record<string, string[]>> {
  const rows = await db()
    .selectFrom('token_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['u.login_id', 'a.state'])
    .where('u.login_id', 'in', loginIds)
    .orderBy('a.id')
    .execute();
  return Object.fromEntries(loginIds.map((id) => [id, rows.filter((r) => r.login_id === id).map((r) => r.state)]));
}

/** The token.revoke and token.register audit rows about these users, as "action result target". */
async function auditOf(loginIds: readonly string[]): Promise<string[]> {
  const rows = await db()
    .selectFrom('audit_log')
    .select(['action', 'result', 'target_login_id as target', 'reason'])
    .where('action', 'in', ['token.revoke', 'token.register'])
    .where('target_login_id', 'in', loginIds)
    .execute();
  return rows.map((r) => `${r.action} ${r.result} ${r.target}${r.reason ? ` ${r.reason}` : ''}`).sort();
}

describe.skipIf(skip)('revocation races between two server processes on one PostgreSQL (SPEC R-REV-3)', () => {
  it(`SPEC R-REV-3: two admins revoke overlapping selections at once → one selection wholly, the other refused wholly, ${ROUNDS} rounds`, async () => {
    const [first, second] = cluster.servers as [ServerProcess, ServerProcess];
    await tick();
    const sessions = [await logIn(first, MASTER), await logIn(second, ADMIN)];
    const wins = { master: 0, admin: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      await tick();
      const users = pop.loginIds.slice(FIRST_TARGET + round * PER_ROUND, FIRST_TARGET + (round + 1) * PER_ROUND);
      const selections = [A.map((i) => users[i]!), B.map((i) => users[i]!)];
      const answers = await Promise.all([
        revoke(first, sessions[0]!, MASTER, selections[0]!),
        revoke(second, sessions[1]!, ADMIN, selections[1]!),
      ]);
      const context = `round ${round}: ${JSON.stringify(answers)}`;
      expect(answers.filter((a) => a.ok), context).toHaveLength(1);
      const winner = answers[0]!.ok ? 0 : 1;
      const [won, lost] = [selections[winner]!, selections[1 - winner]!];
      const overlap = won.filter((id) => lost.includes(id));
      expect(answers[1 - winner]!.error, context).toEqual({ code: 'NOT_REVOCABLE', loginIds: overlap });
      expect(answers[winner]!.value.revoked.map((r) => r.loginId), context).toEqual(won);
      // Every user of the winning selection revoked exactly once; the loser's own users untouched.
      const states = await assignments(users);
      for (const id of users) expect(states[id], `${context} ${id}`).toEqual([won.includes(id) ? 'revoked' : 'active']);
      // One success row per user revoked; the refused selection leaves one failure row per target, no success.
      expect(await auditOf(users), context).toEqual(
        [...won.map((id) => `token.revoke success ${id}`), ...lost.map((id) => `token.revoke failure ${id} NOT_REVOCABLE`)].sort(),
      );
      wins[winner === 0 ? 'master' : 'admin']++;
    }
    console.log(`server revocation race: ${ROUNDS} rounds of overlapping selections (6+6, 3 shared), wins master ${wins.master} / admin ${wins.admin}`);
  }, scaled(180_000, 1_800_000));

  it(`SPEC R-REV-3, R-LOG-3, DESIGN-NOTES 2: a revocation racing the same user's token registration (BLGI020) → registered then revoked, or revocation refused; never a live session of a revoked user, ${ROUNDS} rounds`, async () => {
    const [first, second] = cluster.servers as [ServerProcess, ServerProcess];
    // Each round: X re-registers their token on BLGI020 through one instance while the master revokes X and Y
    // (active) through the other.
    const base = FIRST_TARGET + ROUNDS * PER_ROUND;
    const pairs = Array.from({ length: ROUNDS }, (_, r) => [base + 2 * r, base + 2 * r + 1] as const);
    // Each X was revoked a day ago (past its cool-down): their next login goes to BLGI020 (SPEC R-LOG-2).
    const day = clock.now().getTime() - 86_400_000;
    const xs = pairs.map(([x]) => pop.loginIds[x]!);
    const master = await db().selectFrom('users').select('id').where('login_id', '=', pop.loginIds[MASTER]!).executeTakeFirstOrThrow();
    const xIds = db().selectFrom('users').select('id').where('login_id', 'in', xs);
    await db()
      .updateTable('token_assignments')
      .set({ state: 'revoked', revoked_at: day, revoked_by: master.id, reregistration_at: day + 1_800_000 })
      .where('user_id', 'in', xIds)
      .execute();
    await tick();
    const admin = await logIn(first, MASTER);
    const outcomes = { registeredThenRevoked: 0, endedAtStart: 0, revocationRefused: 0 };
    for (const [round, [x, y]] of pairs.entries()) {
      await tick();
      const [xId, yId] = [pop.loginIds[x]!, pop.loginIds[y]!];
      const step = body(await second.call('auth:login', { loginId: xId, password: POP_PASSWORD }));
      expect(step.value, `round ${round}`).toMatchObject({ kind: 'needsTokenRegistration' });
      const [revoked, registered] = await Promise.all([
        revoke(first, admin, MASTER, [xId, yId]),
        code(x).then(async (otp) => body(await second.call('tokens:register', { challengeId: step.value.challengeId, serial: pop.serials[x], otp }))),
      ]);
      const context = `round ${round}: ${JSON.stringify([revoked, registered])}`;
      // The registration always commits: X holds nothing the revocation could take away before it. A revocation
      // committed between that commit and the start of X's session ends the session at once
      // (main/auth/openSession.ts): the registration then answers SESSION_EXPIRED (revoked).
      if (!registered.ok) expect([registered.error, revoked.ok], context).toEqual([{ code: 'SESSION_EXPIRED', reason: 'revoked' }, true]);
      const xSession = registered.ok ? body(await second.call('auth:session', { sessionId: registered.value.sessionId })) : registered;
      const states = await assignments([xId, yId]);
      if (revoked.ok) {
        outcomes.registeredThenRevoked++;
        if (!registered.ok) outcomes.endedAtStart++;
        expect(states, context).toEqual({ [xId]: ['revoked', 'revoked'], [yId]: ['revoked'] });
        expect(xSession, context).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
        expect(await auditOf([xId, yId]), context).toEqual([`token.register success ${xId}`, `token.revoke success ${xId}`, `token.revoke success ${yId}`]);
      } else {
        outcomes.revocationRefused++;
        expect(revoked.error, context).toEqual({ code: 'NOT_REVOCABLE', loginIds: [xId] });
        expect(states, context).toEqual({ [xId]: ['revoked', 'active'], [yId]: ['active'] });
        expect(xSession, context).toMatchObject({ ok: true });
        expect(await auditOf([xId, yId]), context).toEqual(
          [`token.register success ${xId}`, `token.revoke failure ${xId} NOT_REVOCABLE`, `token.revoke failure ${yId} NOT_REVOCABLE`],
        );
      }
    }
    console.log(`server revocation vs registration race: ${ROUNDS} rounds, registered then revoked ${outcomes.registeredThenRevoked} (session ended at its start ${outcomes.endedAtStart}), revocation refused ${outcomes.revocationRefused}`);
  }, scaled(180_000, 1_800_000));
});
