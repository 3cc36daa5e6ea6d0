import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { createCore } from '../../../main/core/createCore';
import { serverCore } from '../../../main/server/serverCore';
import { ok } from '../../../shared/errors';
import { MemorySessionStore, type ChallengeClaim, type SessionStore } from '../../../main/session/sessions';
import { StoredSessionStore } from '../../../main/session/storedSessions';
import { transact, type Db } from '../../../main/store/transaction';
import { createHash } from 'node:crypto';
import { createHarness, loginWithOtp, PASSWORDS, TEST_KDF, type Harness } from '../../support/harness';

const MIN = 60_000;
const t0 = new Date('2026-11-24T01:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const user = { userId: 1, companyId: 1, loginId: 'kmb05871', userType: 'master' as const, mustChangePasswords: false };
/** Every implementation behaves alike: the desktop's memory here, the server's PostgreSQL table beside it. */
const opened: Harness[] = [];
afterAll(async () => Promise.all(opened.map((o) => o.close())));
/** The database a store's challenges are spent in: its own for a shared store, any for the memory's. */
const dbOf = new Map<SessionStore, Db>();
/** A shared store over the harness's database, which holds the users 1 and 2 the sessions name. */
async function stored(): Promise<SessionStore> {
  const o = await createHarness();
  opened.push(o);
  const s = new StoredSessionStore(o.store.db, defaultRules.session);
  dbOf.set(s, o.store.db);
  return s;
}
const stores: [string, () => Promise<SessionStore>][] = [
  ['in memory', async () => new MemorySessionStore(defaultRules.session)],
  ['in the store (company server)', stored],
];
let anyDb: Promise<Db> | undefined;
const dbFor = async (s: SessionStore): Promise<Db> =>
  dbOf.get(s) ?? (await (anyDb ??= createHarness({ seed: false }).then((o) => (opened.push(o), o.store.db))));
/** Spends a challenge as a login does, inside a transaction; the answer is the one the transaction saw. */
async function spend(s: SessionStore, claim: ChallengeClaim): Promise<boolean> {
  const r = await transact(await dbFor(s), async (tx) => ok(await s.consumeChallenge(tx, claim)));
  return r.ok && r.value;
}

describe.each(stores)('sessions %s (DESIGN-NOTES 4, NIST SP 800-63B §7.2)', (_kind, store) => {
  it('an ID is 256 random bits, base64url, 43 characters, different every time', async () => {
    const s = await store();
    const ids = new Set((await Promise.all(Array.from({ length: 50 }, () => s.open(user, t0)))).map((x) => x.id));
    expect(ids.size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    }
  });

  it('idle timeout 15 min: refused at exactly 15 min without activity', async () => {
    const s = await store();
    const { id } = await s.open(user, t0);
    expect((await s.resolve(id, at(15 * MIN - 1))).ok).toBe(true);
    const other = await s.open(user, t0);
    expect(await s.resolve(other.id, at(15 * MIN))).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'idle' } });
  });

  it('activity extends the idle timeout', async () => {
    const s = await store();
    const { id } = await s.open(user, t0);
    for (let m = 14; m <= 14 * 10; m += 14) expect((await s.resolve(id, at(m * MIN))).ok).toBe(true);
    expect(await s.resolve(id, at(140 * MIN + 15 * MIN))).toMatchObject({ ok: false, error: { reason: 'idle' } });
  });

  it('absolute timeout 12 h, however active the user is', async () => {
    const s = await store();
    const { id } = await s.open(user, t0);
    for (let m = 10; m < 12 * 60; m += 10) expect((await s.resolve(id, at(m * MIN))).ok).toBe(true);
    expect(await s.resolve(id, at(12 * 60 * MIN))).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'absolute' } });
  });

  it('expiresAt is the earlier of the idle and the absolute limit', async () => {
    const s = await store();
    const session = await s.open(user, t0);
    expect(s.expiresAt(session)).toBe(at(15 * MIN).getTime());
    let latest = session;
    for (let m = 10; m <= 11 * 60 + 50; m += 10) {
      const resolved = await s.resolve(session.id, at(m * MIN));
      if (resolved.ok) latest = resolved.value;
    }
    expect(s.expiresAt(latest)).toBe(at(12 * 60 * MIN).getTime());
  });

  it('a forged or unknown ID → SESSION_INVALID; an ended one → SESSION_EXPIRED with its reason', async () => {
    const s = await store();
    const { id } = await s.open(user, t0);
    expect(await s.resolve('A'.repeat(43), t0)).toEqual({ ok: false, error: { code: 'SESSION_INVALID' } });
    expect(await s.resolve(id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A'), t0)).toEqual({ ok: false, error: { code: 'SESSION_INVALID' } });
    await s.end(id, 'logout', t0);
    expect(await s.resolve(id, t0)).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'logout' } });
  });

  it('endAllOf ends every session and pending challenge of one user only', async () => {
    const s = await store();
    const a = await s.open(user, t0);
    const b = await s.open(user, t0);
    const other = await s.open({ ...user, userId: 2, loginId: 'test12345' }, t0);
    const challenge = await s.issueChallenge(1, 'needsOtp', t0);
    await s.endAllOf(1, 'revoked', t0);
    expect(await s.resolve(a.id, t0)).toMatchObject({ ok: false, error: { reason: 'revoked' } });
    expect(await s.resolve(b.id, t0)).toMatchObject({ ok: false, error: { reason: 'revoked' } });
    expect((await s.resolve(other.id, t0)).ok).toBe(true);
    expect(await s.challenge(challenge.id, 'needsOtp', t0)).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
  });

  it('a challenge expires after 5 min, is bound to its kind and is gone once consumed', async () => {
    const s = await store();
    const c = await s.issueChallenge(1, 'needsOtp', t0);
    expect(c.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await s.challenge(c.id, 'needsOtp', at(5 * MIN - 1))).ok).toBe(true);
    expect(await s.challenge(c.id, 'needsTokenRegistration', t0)).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
    expect(await s.challenge(c.id, 'needsOtp', at(5 * MIN))).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
    const d = await s.issueChallenge(1, 'needsOtp', t0);
    const claim = { challengeId: d.id };
    expect(await spend(s, claim)).toBe(true);
    expect(await s.challenge(d.id, 'needsOtp', t0)).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
    // Spent once: another submission of it is refused (SPEC R-OTP-2).
    expect(await spend(s, { challengeId: d.id })).toBe(false);
  });

  it('SPEC R-OTP-2: of claims racing on one challenge exactly one spends it', async () => {
    const s = await store();
    const c = await s.issueChallenge(1, 'needsOtp', t0);
    const answers = await Promise.all(Array.from({ length: 5 }, () => spend(s, { challengeId: c.id })));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it("a login transaction run again after an abort (PostgreSQL's retry) spends the challenge with its same claim", async () => {
    const s = await store();
    const c = await s.issueChallenge(1, 'needsOtp', t0);
    const claim = { challengeId: c.id };
    const aborted = transact(await dbFor(s), async (tx) => {
      await s.consumeChallenge(tx, claim);
      throw new Error('could not serialize access');
    });
    await expect(aborted).rejects.toThrow('could not serialize access');
    expect(await spend(s, claim)).toBe(true);
    expect(await spend(s, { challengeId: c.id })).toBe(false);
  });
});

describe('sessions of a company server (DESIGN-NOTES 4)', () => {
  it('two instances over one store share a session, its touch and its end; the table holds only SHA-256 hashes', async () => {
    const o = await createHarness();
    opened.push(o);
    const [a, b] = [new StoredSessionStore(o.store.db, defaultRules.session), new StoredSessionStore(o.store.db, defaultRules.session)];
    const session = await a.open(user, t0);
    const challenge = await a.issueChallenge(1, 'needsOtp', t0);
    expect((await b.resolve(session.id, at(10 * MIN))).ok).toBe(true);
    expect((await a.resolve(session.id, at(24 * MIN))).ok).toBe(true);
    expect((await b.challenge(challenge.id, 'needsOtp', t0)).ok).toBe(true);
    const rows = JSON.stringify(await o.store.db.selectFrom('sessions').selectAll().execute()) + JSON.stringify(await o.store.db.selectFrom('login_challenges').selectAll().execute());
    expect(rows).not.toContain(session.id);
    expect(rows).not.toContain(challenge.id);
    expect(rows).toContain(createHash('sha256').update(session.id).digest('hex'));
    await b.endAllOf(1, 'revoked', at(25 * MIN));
    expect(await a.resolve(session.id, at(25 * MIN))).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'revoked' } });
    expect(await a.challenge(challenge.id, 'needsOtp', t0)).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
  });

  it('a new core over the same store keeps the server\'s sessions: restarting an instance logs nobody out', async () => {
    const o = await createHarness();
    opened.push(o);
    const shared = (timeouts: typeof defaultRules.session) => new StoredSessionStore(o.store.db, timeouts);
    const first = createCore({ store: o.store, sealKey: o.sealKey, clock: o.clock.now, sessions: shared, kdf: TEST_KDF });
    const step = await first.api.auth.login({ loginId: 'kmb05871', password: PASSWORDS.login });
    if (!step.ok) throw new Error('login refused');
    const restarted = createCore({ store: o.store, sealKey: o.sealKey, clock: o.clock.now, sessions: shared, kdf: TEST_KDF });
    const done = await restarted.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: await o.codeOf('523405696') });
    if (!done.ok) throw new Error('OTP refused');
    const again = createCore({ store: o.store, sealKey: o.sealKey, clock: o.clock.now, sessions: shared, kdf: TEST_KDF });
    expect(await again.api.auth.session({ sessionId: done.value.sessionId })).toMatchObject({ ok: true, value: { loginId: 'kmb05871' } });
  });
});

describe('sessions through the api', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('idle for 15 min → SESSION_EXPIRED idle; calls in between keep it alive', async () => {
    h = await createHarness();
    const session = await loginWithOtp(h, 'kmb05871');
    expect(session.idleTimeoutMs).toBe(15 * MIN);
    expect(session.expiresAt).toBe(new Date(h.clock.now().getTime() + 15 * MIN).toISOString());
    h.clock.advance(14 * MIN);
    expect(await h.core.api.top.get({ sessionId: session.sessionId })).toMatchObject({ ok: true });
    h.clock.advance(14 * MIN);
    expect(await h.core.api.auth.session({ sessionId: session.sessionId })).toMatchObject({ ok: true });
    h.clock.advance(15 * MIN);
    expect(await h.core.api.auth.session({ sessionId: session.sessionId })).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'idle' } });
  });

  it('DESIGN-NOTES 4: a new core over the same store knows no session (restart logs everyone out)', async () => {
    h = await createHarness();
    const session = await loginWithOtp(h, 'kmb05871');
    const restarted = createCore({ store: h.store, sealKey: h.sealKey, clock: h.clock.now });
    expect(await restarted.api.auth.session({ sessionId: session.sessionId })).toEqual({ ok: false, error: { code: 'SESSION_INVALID' } });
  });

  it('SPEC R-SRV-3: a server\'s shared sessions cannot all be ended at once: they are every company\'s', async () => {
    const o = await createHarness();
    opened.push(o);
    const shared: object = new StoredSessionStore(o.store.db, defaultRules.session);
    expect('endAll' in shared).toBe(false);
    const server = serverCore({ store: o.store, sealKey: o.sealKey, setupPolicy: 'many', logBug: (_c, e) => o.bugs.push(e), kdf: TEST_KDF });
    expect('endAll' in server.deps.sessions).toBe(false);
    expect(server.localSessions).toBeUndefined();
    // The desktop's own, in its memory, are all its one company's: the window and the screen lock end them all.
    expect(o.core.localSessions).toBeInstanceOf(MemorySessionStore);
  });
});
