import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRemote, type Remote, type RemoteOptions } from '../../../main/remote/remoteDispatch';
import { expiredSelfSigned, selfSigned, type Certificate } from '../../support/certificates';
import { createHarness, loginWithOtp, nextStep, PASSWORDS, type Harness } from '../../support/harness';
import { startHttpsDispatch, type TestServer } from '../../support/httpsDispatch';

let harness: Harness;
let certificate: Certificate;
let server: TestServer;
const remotes: Remote[] = [];

const remote = (options: Partial<RemoteOptions> = {}) => {
  const made = createRemote({ url: server.url, fingerprint: certificate.fingerprint, retryDelayMs: 0, ...options });
  remotes.push(made);
  return made;
};
const apiHits = (s: TestServer) => [...s.hits].filter(([path]) => path.startsWith('/api/')).reduce((n, [, count]) => n + count, 0);
const listen = async (s: Server | ReturnType<typeof createHttpServer>) => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as AddressInfo).port;
};
const close = (s: Server | ReturnType<typeof createHttpServer>) => new Promise<void>((resolve) => s.close(() => resolve()));

beforeAll(async () => {
  certificate = selfSigned();
  harness = await createHarness();
  server = await startHttpsDispatch(certificate, harness.core.dispatch);
});
afterEach(async () => {
  server.override = () => undefined;
  server.hits.clear();
  server.seen.length = 0;
  await Promise.all(remotes.splice(0).map((r) => r.close()));
});
afterAll(async () => {
  await server.close();
  await harness.close();
});

describe('main/remote: the connected desktop forwards the contract to the pinned server', () => {
  it('SPEC R-SRV-1: a login through the server; the session travels as a bearer and never in the body', async () => {
    const { dispatch } = remote();
    const step = await dispatch('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login });
    expect(step).toMatchObject({ ok: true, value: { kind: 'needsOtp' } });
    const challengeId = (step as { value: { challengeId: string } }).value.challengeId;
    const session = await dispatch('auth:verify-otp', { challengeId, otp: await harness.codeOf('523405696') });
    expect(session).toMatchObject({ ok: true, value: { loginId: 'kmb05871' } });
    const sessionId = (session as { value: { sessionId: string } }).value.sessionId;
    expect(await dispatch('top:get', { sessionId })).toMatchObject({ ok: true });
    const top = server.seen.find((s) => s.channel === 'top:get')!;
    expect(top.authorization).toBe(`Bearer ${sessionId}`);
    expect(top.body).toEqual({});
    expect(JSON.stringify(server.seen.find((s) => s.channel === 'auth:login'))).not.toContain('sessionId');
  });

  it('a typed refusal of the server is the answer, unchanged', async () => {
    const answer = await remote().dispatch('auth:login', { loginId: 'kmb05871', password: 'wrong-password' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('a request that breaks its schema is refused at the desktop and never sent', async () => {
    expect(await remote().dispatch('auth:login', { loginId: '!', password: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'loginId' } });
    expect(await remote().dispatch('no:such-channel', {})).toEqual({ ok: false, error: { code: 'VALIDATION' } });
    expect(apiHits(server)).toBe(0);
  });

  it('issue 19 finding 4: a desktop-only channel (backup:*) is answered DESKTOP_ONLY at the desktop and never sent', async () => {
    const hitsBefore = apiHits(server);
    // Well formed, so the schema passes: what decides is that the server serves no such channel.
    const backup = { sessionId: 'F'.repeat(43), passphrase: 'correct horse battery staple 2026', authPassword: PASSWORDS.auth, otp: '123456' };
    expect(await remote().dispatch('backup:create', backup)).toEqual({ ok: false, error: { code: 'DESKTOP_ONLY' } });
    expect(await remote().dispatch('backup:restore', { fileBase64: 'AAAA', passphrase: 'correct horse battery staple 2026' })).toEqual({ ok: false, error: { code: 'DESKTOP_ONLY' } });
    expect(apiHits(server)).toBe(hitsBefore);
  });

  it('SPEC R-SRV-2: a certificate other than the pinned one → PIN_MISMATCH, and not one request reaches it', async () => {
    const other = selfSigned();
    const answer = await remote({ fingerprint: other.fingerprint }).dispatch('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login });
    expect(answer).toEqual({ ok: false, error: { code: 'PIN_MISMATCH' } });
    expect(apiHits(server)).toBe(0);
    expect(await remote({ fingerprint: other.fingerprint }).ready()).toEqual({ ok: false, error: { code: 'PIN_MISMATCH' } });
  });

  it('SPEC R-SRV-2: the pinned certificate, expired → CERT_EXPIRED, and not one request reaches it', async () => {
    const expired = expiredSelfSigned();
    const stale = await startHttpsDispatch(expired, harness.core.dispatch);
    try {
      const made = remote({ url: stale.url, fingerprint: expired.fingerprint });
      expect(await made.dispatch('setup:status', {})).toEqual({ ok: false, error: { code: 'CERT_EXPIRED' } });
      expect(await made.ready()).toEqual({ ok: false, error: { code: 'CERT_EXPIRED' } });
      expect(stale.hits.size).toBe(0);
    } finally {
      await stale.close();
    }
  });

  it('SPEC R-SRV-2: http:// → INSECURE_URL before any connection is made', async () => {
    let connections = 0;
    const plain = createHttpServer((_q, s) => s.end('{}'));
    plain.on('connection', () => connections++);
    const port = await listen(plain);
    try {
      const made = remote({ url: `http://127.0.0.1:${port}` });
      expect(await made.dispatch('setup:status', {})).toMatchObject({ ok: false, error: { code: 'INSECURE_URL' } });
      expect(await made.ready()).toMatchObject({ ok: false, error: { code: 'INSECURE_URL' } });
      expect(connections).toBe(0);
    } finally {
      await close(plain);
    }
  });

  it('a server that is down (connection refused) → SERVER_UNREACHABLE', async () => {
    const probe = createTcpServer();
    const port = await listen(probe);
    await close(probe);
    const answer = await remote({ url: `https://127.0.0.1:${port}` }).dispatch('setup:status', {});
    expect(answer).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
  });

  it('a server that accepts and never answers → SERVER_UNREACHABLE at the deadline, no hang', async () => {
    const sockets: { destroy: () => void }[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    const port = await listen(silent);
    try {
      const made = remote({ url: `https://127.0.0.1:${port}`, timeouts: { normalMs: 300, longMs: 300 } });
      expect(await made.dispatch('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login })).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
      expect(await made.ready()).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    } finally {
      for (const socket of sockets) socket.destroy();
      await close(silent);
    }
  });

  it('a server that finishes TLS, then never answers the request → SERVER_UNREACHABLE at the deadline', async () => {
    const stalled = await startHttpsDispatch(certificate, () => new Promise(() => {}));
    try {
      const made = remote({ url: stalled.url, timeouts: { normalMs: 300, longMs: 300 } });
      expect(await made.dispatch('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login })).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
      expect(stalled.hits.get('/api/v1/auth:login')).toBe(1);
      // Not even a read is tried again after its deadline: the user waits one deadline, not three.
      expect(await made.dispatch('setup:status', {})).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
      expect(stalled.hits.get('/api/v1/setup:status')).toBe(1);
    } finally {
      await stalled.close();
    }
  });

  it('reads are tried again after a transport fault; writes never are (counted at the server)', async () => {
    nextStep(harness);
    const { sessionId } = await loginWithOtp(harness, 'kmb05871');
    server.override = () => ({ status: 503, body: '{}' });
    const made = remote({ readRetries: 2 });
    expect(await made.dispatch('users:list', { sessionId, sort: 'loginId-asc' })).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    expect(server.hits.get('/api/v1/users:list')).toBe(3);
    const revoke = { sessionId, loginIds: ['ippan001'], authPassword: PASSWORDS.auth, otp: '123456' };
    expect(await made.dispatch('tokens:revoke', revoke)).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    expect(server.hits.get('/api/v1/tokens:revoke')).toBe(1);
    let first = true;
    server.override = () => (first ? ((first = false), { status: 503, body: '' }) : undefined);
    expect(await made.dispatch('top:get', { sessionId })).toMatchObject({ ok: true, value: { loginHistory: expect.any(Array) } });
    expect(server.hits.get('/api/v1/top:get')).toBe(2);
  });

  it('a certificate refusal is never retried, even for a read', async () => {
    const made = remote({ fingerprint: selfSigned().fingerprint, readRetries: 2 });
    expect(await made.dispatch('setup:status', {})).toEqual({ ok: false, error: { code: 'PIN_MISMATCH' } });
  });

  it.each([
    ['not JSON', '<html>oops</html>'],
    ['no result union', '{"needsSetup":false}'],
    ['a value of the wrong shape', '{"ok":true,"value":{"needsSetup":"no","canResume":false}}'],
    ['an error code the contract does not know', '{"ok":false,"error":{"code":"TEAPOT"}}'],
  ])('a malformed answer (%s) → SERVER_UNREACHABLE, a typed error', async (_case, body) => {
    server.override = () => ({ status: 200, body });
    expect(await remote({ readRetries: 0 }).dispatch('setup:status', {})).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
  });

  it('DESIGN-NOTES 7: what the contract does not name is dropped from the answer', async () => {
    server.override = () => ({ status: 200, body: '{"ok":true,"value":{"needsSetup":false,"canResume":false,"seed":"c2VjcmV0"}}' });
    expect(await remote().dispatch('setup:status', {})).toEqual({ ok: true, value: { needsSetup: false, canResume: false } });
  });

  it('ready(): the pinned server answers /readyz', async () => {
    expect(await remote().ready()).toEqual({ ok: true, value: {} });
  });
});
