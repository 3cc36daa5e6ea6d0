import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/ipc/dispatch';
import { handlerTable, type HandlerTable } from '../../../main/ipc/handlerTable';
import { eachHarness } from '../../support/companyWorld';
import { loginWithOtp, nextStep, passwordStep, stepUp, type Harness } from '../../support/harness';

let h: Harness;
eachHarness((harness) => (h = harness));

/** A dispatch over the real handlers with one replaced, and a log of the bugs it reports. */
function dispatchWith(patch: (table: HandlerTable) => HandlerTable) {
  const logged: [string, unknown][] = [];
  const table = patch(handlerTable(h.core.deps));
  const dispatch = createDispatch(table, h.core.deps, h.clock.now, (name, error) => logged.push([name, error]));
  return { dispatch, logged };
}

/** Every key of a JSON-like value, at any depth. */
const keysOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(keysOf) : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : [];

describe('the dispatch wrapper (DESIGN-NOTES 7)', () => {
  it('a handler that throws → INTERNAL, not thrown; the bug is logged with the channel name but not the request', async () => {
    const secret = 'Auth#2026-secret';
    const { dispatch, logged } = dispatchWith((t) => ({ ...t, auth: { ...t.auth, login: async () => { throw new Error('boom'); } } }));
    await expect(dispatch('auth:login', { loginId: 'kmb05871', password: secret })).resolves.toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveLength(1);
    expect(logged[0]![0]).toBe('auth:login');
    expect(String(logged[0]![1])).toBe('Error: boom');
    expect(JSON.stringify(logged)).not.toContain(secret);
  });

  it('a handler that returns a value outside the response schema → INTERNAL', async () => {
    const { dispatch, logged } = dispatchWith((t) => ({ ...t, top: { ...t.top, markNoticeRead: async () => ({ ok: true, value: { unreadCount: -1 } }) } }));
    const session = await loginWithOtp(h, 'kmb05871');
    expect(await dispatch('top:mark-notice-read', { sessionId: session.sessionId, noticeId: 1 })).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveLength(1);
  });

  it('DESIGN-NOTES 6: fields the contract does not name are stripped from a response', async () => {
    const session = await loginWithOtp(h, 'kmb05871');
    const { dispatch } = dispatchWith((t) => ({
      ...t,
      users: {
        ...t.users,
        list: async (input, ctx) => {
          const real = await t.users.list(input, ctx);
          if (!real.ok) return real;
          return { ok: true, value: { users: real.value.users.map((u) => ({ ...u, login_password_hash: 'scrypt$...', seed_sealed: 'x' })), extra: 1 } };
        },
      },
    }));
    const result = await dispatch('users:list', { sessionId: session.sessionId, sort: 'loginId-asc' });
    expect(result.ok).toBe(true);
    expect(keysOf(result).filter((k) => /hash|seed|extra/.test(k))).toEqual([]);
  });

  it('a session channel with a well-formed but unknown session ID → SESSION_INVALID, handler not called', async () => {
    let called = false;
    const { dispatch } = dispatchWith((t) => ({ ...t, top: { ...t.top, get: async (...args) => ((called = true), t.top.get(...args)) } }));
    expect(await dispatch('top:get', { sessionId: 'A'.repeat(43) })).toEqual({ ok: false, error: { code: 'SESSION_INVALID' } });
    expect(called).toBe(false);
  });

  it('DESIGN-NOTES 6: no response of a whole flow carries a hash, a seed or a password', async () => {
    const responses: unknown[] = [];
    const record = <T>(r: T) => (responses.push(r), r);
    const step = record(await h.core.api.auth.login({ loginId: 'kmb05871', password: 'Login#2026' }));
    if (!step.ok) throw new Error('login');
    const session = record(await h.core.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: await h.codeOf('523405696') }));
    if (!session.ok) throw new Error('otp');
    const sessionId = session.value.sessionId;
    record(await h.core.api.auth.session({ sessionId }));
    record(await h.core.api.users.list({ sessionId, sort: 'loginId-asc' }));
    record(await h.core.api.top.get({ sessionId }));
    nextStep(h);
    record(await h.core.api.tokens.revoke({ sessionId, loginIds: ['ippan001'], ...(await stepUp(h)) }));
    const registration = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
    record(await h.core.api.tokens.register({ challengeId: registration, serial: '600000001', otp: await h.codeOf('600000001') }));
    expect(responses.every((r) => (r as { ok: boolean }).ok)).toBe(true);
    const keys = new Set(responses.flatMap(keysOf));
    // mustChangePasswords is a flag of the session, not a secret.
    // authPasswordReset names who reset a password and when (SPEC R-REV-6), never the password.
    expect([...keys].filter((k) => k !== 'mustChangePasswords' && k !== 'authPasswordReset' && /hash|seed|sealed|password|secret|_id$/i.test(k))).toEqual([]);
    expect(JSON.stringify(responses)).not.toMatch(/scrypt\$|Login#2026|Auth#2026/);
  });
});
