import { afterEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { createCore } from '../../../main/core/createCore';
import { SessionStore } from '../../../main/session/sessions';
import { createHarness, loginWithOtp, type Harness } from '../../support/harness';

const MIN = 60_000;
const t0 = new Date('2026-11-24T01:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const user = { userId: 1, companyId: 1, loginId: 'kmb05871', userType: 'master' as const, mustChangePasswords: false };
const store = () => new SessionStore(defaultRules.session);

describe('sessions in memory (DESIGN-NOTES 4, NIST SP 800-63B §7.2)', () => {
  it('an ID is 256 random bits, base64url, 43 characters, different every time', () => {
    const s = store();
    const ids = new Set(Array.from({ length: 50 }, () => s.open(user, t0).id));
    expect(ids.size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    }
  });

  it('idle timeout 15 min: refused at exactly 15 min without activity', () => {
    const s = store();
    const { id } = s.open(user, t0);
    expect(s.resolve(id, at(15 * MIN - 1)).ok).toBe(true);
    const other = s.open(user, t0);
    expect(s.resolve(other.id, at(15 * MIN))).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'idle' } });
  });

  it('activity extends the idle timeout', () => {
    const s = store();
    const { id } = s.open(user, t0);
    for (let m = 14; m <= 14 * 10; m += 14) expect(s.resolve(id, at(m * MIN)).ok).toBe(true);
    expect(s.resolve(id, at(140 * MIN + 15 * MIN))).toMatchObject({ ok: false, error: { reason: 'idle' } });
  });

  it('absolute timeout 12 h, however active the user is', () => {
    const s = store();
    const { id } = s.open(user, t0);
    for (let m = 10; m < 12 * 60; m += 10) expect(s.resolve(id, at(m * MIN)).ok).toBe(true);
    expect(s.resolve(id, at(12 * 60 * MIN))).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'absolute' } });
  });

  it('expiresAt is the earlier of the idle and the absolute limit', () => {
    const s = store();
    const session = s.open(user, t0);
    expect(s.expiresAt(session)).toBe(at(15 * MIN).getTime());
    for (let m = 10; m <= 11 * 60 + 50; m += 10) s.resolve(session.id, at(m * MIN));
    expect(s.expiresAt(session)).toBe(at(12 * 60 * MIN).getTime());
  });

  it('a forged or unknown ID → SESSION_INVALID; an ended one → SESSION_EXPIRED with its reason', () => {
    const s = store();
    const { id } = s.open(user, t0);
    expect(s.resolve('A'.repeat(43), t0)).toEqual({ ok: false, error: { code: 'SESSION_INVALID' } });
    expect(s.resolve(id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A'), t0)).toEqual({ ok: false, error: { code: 'SESSION_INVALID' } });
    s.end(id, 'logout', t0);
    expect(s.resolve(id, t0)).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'logout' } });
  });

  it('endAllOf ends every session and pending challenge of one user only', () => {
    const s = store();
    const a = s.open(user, t0);
    const b = s.open(user, t0);
    const other = s.open({ ...user, userId: 2, loginId: 'test12345' }, t0);
    const challenge = s.issueChallenge(1, 'needsOtp', t0);
    s.endAllOf(1, 'revoked', t0);
    expect(s.resolve(a.id, t0)).toMatchObject({ ok: false, error: { reason: 'revoked' } });
    expect(s.resolve(b.id, t0)).toMatchObject({ ok: false, error: { reason: 'revoked' } });
    expect(s.resolve(other.id, t0).ok).toBe(true);
    expect(s.challenge(challenge.id, 'needsOtp', t0)).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
  });

  it('a challenge expires after 5 min, is bound to its kind and is gone once consumed', () => {
    const s = store();
    const c = s.issueChallenge(1, 'needsOtp', t0);
    expect(c.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.challenge(c.id, 'needsOtp', at(5 * MIN - 1)).ok).toBe(true);
    expect(s.challenge(c.id, 'needsTokenRegistration', t0)).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
    expect(s.challenge(c.id, 'needsOtp', at(5 * MIN))).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
    const d = s.issueChallenge(1, 'needsOtp', t0);
    s.consumeChallenge(d.id);
    expect(s.challenge(d.id, 'needsOtp', t0)).toEqual({ ok: false, error: { code: 'CHALLENGE_INVALID' } });
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
