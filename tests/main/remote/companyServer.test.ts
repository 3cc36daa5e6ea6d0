import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../main/remote/pin';
import { createRemote, type Remote } from '../../../main/remote/remoteDispatch';
import { trackSessions } from '../../../main/remote/sessions';
import { PASSWORDS } from '../../support/harness';
import { startServer, type ServerHarness } from '../../support/server';

let s: ServerHarness;
let remote: Remote;

beforeAll(async () => {
  s = await startServer();
  remote = createRemote({ url: s.base, fingerprint: fingerprintOf(new X509Certificate(s.ca).raw), retryDelayMs: 0 });
});
afterAll(async () => {
  await remote.close();
  await s.close();
});

async function login(dispatch: Remote['dispatch'], loginId: string) {
  s.h.clock.advance(60_000);
  const step = (await dispatch('auth:login', { loginId, password: PASSWORDS.login })) as { value: { challengeId: string } };
  const session = (await dispatch('auth:verify-otp', { challengeId: step.value.challengeId, otp: await s.h.codeOf('523405696') })) as { ok: boolean; value: { sessionId: string } };
  expect(session.ok).toBe(true);
  return session.value.sessionId;
}

describe('main/remote against the company server (main/server, HTTP-SHAPE.md)', () => {
  it('SPEC R-SRV-1: login, the top page and the user list through the Fastify server, as the local dispatch answers them', async () => {
    const sessionId = await login(remote.dispatch, 'test12345');
    expect(await remote.dispatch('top:get', { sessionId })).toMatchObject({ ok: true, value: { loginHistory: expect.any(Array) } });
    const list = await remote.dispatch('users:list', { sessionId, sort: 'loginId-asc' });
    expect(list).toMatchObject({ ok: true });
    expect((list as { value: { users: { loginId: string }[] } }).value.users.map((u) => u.loginId)).toContain('ippan001');
    expect(await remote.ready()).toEqual({ ok: true, value: {} });
  });

  it('a session ID the server does not know is its typed refusal, passed on unchanged', async () => {
    expect(await remote.dispatch('top:get', { sessionId: 'A'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
  });

  it('NIST SP 800-63B §7.2: ending the desktop\'s sessions (window closed, screen locked) logs them out on the server', async () => {
    const tracked = trackSessions(remote.dispatch);
    const sessionId = await login(tracked.dispatch, 'kmb05871');
    expect(await remote.dispatch('auth:session', { sessionId })).toMatchObject({ ok: true });
    await tracked.endAll();
    expect(await remote.dispatch('auth:session', { sessionId })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^SESSION_/) } });
  });
});
