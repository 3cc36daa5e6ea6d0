import { afterEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { createCore } from '../../../main/core/createCore';
import { MemorySessionStore, type SessionStore } from '../../../main/session/sessions';
import { createHarness, loginWithOtp, type Harness } from '../../support/harness';

const MIN = 60_000;
const t0 = new Date('2026-11-24T01:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const user = { userId: 1, companyId: 1, loginId: 'kmb05871', userType: 'master' as const, mustChangePasswords: false };
/** Every implementation behaves alike: the desktop's memory here, the server's PostgreSQL table beside it. */
const stores: [string, () => Promise<SessionStore>][] = [['in memory', async () => new MemorySessionStore(defaultRules.session)]];

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
    await s.consumeChallenge(d.id);
    expect(await s.challenge(d.id, 'needsOtp', t0)).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
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
});
