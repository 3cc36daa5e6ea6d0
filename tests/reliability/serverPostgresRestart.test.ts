import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempPostgres, type TempPostgres } from '../../main/demo/tempPostgres';
import { createServer } from '../../main/server/createServer';
import type { OtpServer } from '../../main/server/otpServer';
import { makeSelfSigned } from '../../main/server/selfSigned';
import { readiness, serverCore } from '../../main/server/serverCore';
import { openPostgresStore } from '../../main/store/postgres/open';
import type { Store } from '../../main/store/store';
import { TestClock, jst } from '../support/clock';
import { expectTypedRefusal } from '../support/fuzzing';
import { call, send, type HttpsAnswer } from '../support/https';
import { buildPopulation, POP_PASSWORD, tokenCode, type Population } from '../support/population';
import { revocationState, revocationWriting } from '../support/revocationState';
import { TEST_KDF } from '../support/harness';

/**
 * PostgreSQL crashes (`pg_ctl restart -m immediate`) while the server revokes 1,000 users: afterwards all or
 * nothing is revoked, callers got typed errors meanwhile (never a hang), and the server reconnects by itself.
 * A PostgreSQL of its own, so no other test file's server is restarted.
 */
const TARGETS = 1_000;
const clock = new TestClock(jst('2026-11-24T10:00:30'));
let postgres: TempPostgres;
let store: Store;
let pop: Population;
let app: OtpServer;
let dir: string;
let api: (name: string, request: unknown) => Promise<HttpsAnswer>;
const bugs: unknown[] = [];

beforeAll(async () => {
  // Durable commits: with synchronous_commit off, a crash (-m immediate) may lose the last commits, such as the
  // session just opened, which would then read as SESSION_INVALID. This test is about a crash, so it keeps them.
  postgres = await startTempPostgres({ prefix: 'server-restart-pg-', fast: false });
  store = await openPostgresStore({ connectionString: postgres.url, poolSize: 4 });
  pop = await buildPopulation(store.db, TARGETS + 1, 10, clock.now());
  dir = mkdtempSync(join(tmpdir(), 'server-restart-tls-'));
  const tls = makeSelfSigned(dir);
  const core = serverCore({ store, sealKey: pop.sealKey, setupPolicy: 'closed', kdf: TEST_KDF, clock: clock.now, logBug: (_c, e) => bugs.push(e) });
  // The callers below ask in a loop for as long as the restart takes (longer on a busy machine): the per-address
  // rate limit is not under test here, so it is set where that loop cannot reach it.
  app = await createServer({ core, tls, ready: readiness(store), onClose: () => store.close(), rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `https://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  api = (name, request) => call(base, tls.cert, name, request);
  (globalThis as { readyz?: () => Promise<HttpsAnswer> }).readyz = () => send(base, tls.cert, 'GET', '/readyz');
}, 60_000);
afterAll(async () => {
  await app?.close();
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const readyz = () => (globalThis as unknown as { readyz: () => Promise<HttpsAnswer> }).readyz();

async function logIn(): Promise<string> {
  const step = await api('auth:login', { loginId: pop.loginIds[0], password: POP_PASSWORD });
  const challengeId = (step.body as { value: { challengeId: string } }).value.challengeId;
  const done = await api('auth:verify-otp', { challengeId, otp: await tokenCode(store.db, pop.sealKey, pop.serials[0]!, clock.now()) });
  return (done.body as { value: { sessionId: string } }).value.sessionId;
}

describe('PostgreSQL restarted mid-run (pg_ctl restart -m immediate)', () => {
  it(`SPEC R-REV-3: a revocation of ${TARGETS} users cut by a PostgreSQL crash is all or nothing; callers get typed errors; the server reconnects`, async () => {
    const sessionId = await logIn();
    clock.advance(60_000);
    const otp = await tokenCode(store.db, pop.sealKey, pop.serials[0]!, clock.now());
    const revoking = api('tokens:revoke', { sessionId, loginIds: pop.loginIds.slice(1), authPassword: POP_PASSWORD, otp });
    await revocationWriting(store.db);
    const restarting = postgres.restartImmediately();
    // Callers during the outage: every answer is the contract's (ok, or a typed error), none hangs.
    const during: HttpsAnswer[] = [];
    let restarted = false;
    void restarting.then(() => (restarted = true));
    while (!restarted) during.push(await api('auth:session', { sessionId }));
    await restarting;
    const revoked = await revoking;
    expect(revoked.status).toBe(200);
    if (!(revoked.body as { ok: boolean }).ok) expectTypedRefusal(revoked.body, ['INTERNAL']);
    for (const answer of during) {
      expect(answer.status).toBe(200);
      if (!(answer.body as { ok: boolean }).ok) expectTypedRefusal(answer.body, ['INTERNAL']);
    }
    // The pool drops its broken connections and opens new ones: the same session works again, untouched.
    let back: HttpsAnswer | undefined;
    for (let i = 0; i < 50 && !(back?.body as { ok?: boolean } | undefined)?.ok; i++) back = await api('auth:session', { sessionId });
    expect(back?.body).toMatchObject({ ok: true });
    expect((await readyz()).status).toBe(200);
    const state = await revocationState(store.db);
    expect([{ revoked: 0, audited: 0 }, { revoked: TARGETS, audited: TARGETS }]).toContainEqual(state);
    const internal = during.filter((a) => !(a.body as { ok: boolean }).ok).length;
    console.log(`postgres restart: revocation ${(revoked.body as { ok: boolean }).ok ? 'committed before the crash' : 'refused (INTERNAL)'}, ${state.revoked}/${TARGETS} revoked, ${during.length} calls during the restart (${internal} typed errors), ${bugs.length} bugs logged`);
    bugs.splice(0);
  }, 60_000);
});
