import { request as plainRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverConfigSchema } from '../../../main/server/config';
import { shutdown } from '../../../main/server/launch';
import { serverLog } from '../../../main/server/logging';
import { newId } from '../../../main/session/ids';
import { dumpTables, expectOnlyRefusalsAudited } from '../../support/db';
import { createHarness, PASSWORDS } from '../../support/harness';
import { base32, scan, type Secret } from '../../support/secrets';
import { startServer, type ServerHarness } from '../../support/server';

let s: ServerHarness;
const logLines: string[] = [];
const waiting = new Set<() => void>();
/** The server's own log (launch.ts): the shared logger, and the handler bugs through its AppLog. */
const { logger, log } = serverLog('info', {
  write: (line) => {
    logLines.push(line);
    for (const check of waiting) check();
  },
});

/** Resolves once `count` lines from `from` on are written: a request's line comes after its answer was sent. */
function logged(from: number, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (logLines.length - from < count) return;
      waiting.delete(check);
      resolve();
    };
    waiting.add(check);
    check();
  });
}

async function login(loginId = 'kmb05871'): Promise<string> {
  const step = await s.call('auth:login', { loginId, password: PASSWORDS.login });
  const challengeId = (step.body as { value: { challengeId: string } }).value.challengeId;
  const done = await s.call('auth:verify-otp', { challengeId, otp: await s.h.codeOf('523405696') });
  s.h.clock.advance(60_000);
  return (done.body as { value: { sessionId: string } }).value.sessionId;
}

beforeAll(async () => {
  s = await startServer({ logger, logBug: log.bug });
});
afterAll(async () => s.close());

/** Plain HTTP to the HTTPS port: whatever comes back, it is not an HTTP answer. */
function plainHttp(port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = plainRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/auth::login', headers: { 'content-type': 'application/json' } }, (res) =>
      resolve(`answered ${res.statusCode}`),
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.end(JSON.stringify({ loginId: 'kmb05871', password: PASSWORDS.login }));
  });
}

describe('the company server speaks the contract over HTTPS (DESIGN-NOTES 8, HTTP-SHAPE.md)', () => {
  it('SPEC R-SRV-2: password, OTP, then the session by its bearer header: the same answers as the dispatch', async () => {
    const sessionId = await login();
    const answer = await s.call('auth:session', { sessionId });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, value: { loginId: 'kmb05871', sessionId } });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('SPEC R-SRV-2: plain HTTP gets no HTTP answer at all, and changes nothing', async () => {
    const before = await dumpTables(s.h.store.db);
    const plain = await plainHttp(s.port);
    expect(plain).not.toMatch(/^answered/);
    expect(await dumpTables(s.h.store.db)).toEqual(before);
  });

  it('a typed refusal is an answer (200), not an HTTP error', async () => {
    const answer = await s.call('auth:login', { loginId: 'kmb05871', password: 'wrong' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('transport faults get their status and change nothing: 415, 400, 404, 413', async () => {
    const sessionId = await login();
    const before = await dumpTables(s.h.store.db);
    const body = { sort: 'loginId-asc' };
    expect((await s.send('POST', '/api/v1/users:list', body, { sessionId, contentType: 'text/plain' })).status).toBe(415);
    expect((await s.send('POST', '/api/v1/users:list', body, { sessionId, contentType: null })).status).toBe(415);
    expect((await s.send('POST', '/api/v1/setup:status', undefined, { contentType: null })).status).toBe(415);
    expect((await s.send('POST', '/api/v1/users:list', undefined, { sessionId, raw: '{"sort":' })).status).toBe(400);
    expect((await s.send('POST', '/api/v1/users:nope', body, { sessionId })).status).toBe(404);
    expect((await s.send('POST', '/api/v1/users:list', { ...body, pad: 'x'.repeat(70_000) }, { sessionId })).status).toBe(413);
    expect(await dumpTables(s.h.store.db)).toEqual(before);
  });

  it('the import routes take a file up to the contract maximum: 1 MiB of base64 reaches the dispatch', async () => {
    const sessionId = await login();
    const answer = await s.call('imports:preview', { sessionId, format: 'csv', fileBase64: 'A'.repeat(1 << 20) });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: false });
  });

  it('missing, forged, misplaced and expired sessions → typed refusals, nothing changed but the audit row of the forged one', async () => {
    const sessionId = await login();
    const before = await dumpTables(s.h.store.db);
    const list = (o: { sessionId?: string }, extra: object = {}) => s.send('POST', '/api/v1/users:list', { sort: 'loginId-asc', ...extra }, o);
    expect((await list({})).body).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'sessionId' } });
    expect((await list({ sessionId: 'F'.repeat(43) })).body).toEqual({ ok: false, error: { code: 'SESSION_INVALID' } });
    expect((await list({}, { sessionId })).body).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'sessionId' } });
    expect((await list({ sessionId }, { sessionId })).body).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'sessionId' } });
    // SPEC R-GEN-2: the dispatch audits the refused session (issue 10); a malformed request reaches no one.
    expectOnlyRefusalsAudited(before, await dumpTables(s.h.store.db), { count: 1, actor: null, reason: 'SESSION_INVALID' });
    s.h.clock.advance(16 * 60_000);
    expect((await list({ sessionId })).body).toEqual({ ok: false, error: { code: 'SESSION_EXPIRED', reason: 'idle' } });
  });

  it('/healthz and /readyz answer ok; every answer carries its own request ID', async () => {
    const [a, b] = [await s.send('GET', '/healthz'), await s.send('GET', '/readyz')];
    expect([a.status, a.body, b.status, b.body]).toEqual([200, { status: 'ok' }, 200, { status: 'ok' }]);
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('the log names requests, channels and codes, never a session ID, password, OTP or body', async () => {
    const sessionId = await login();
    await s.call('tokens:revoke', { sessionId, loginIds: ['ippan001'], authPassword: 'Secret#Pw77', otp: '000000' });
    const log = logLines.join('');
    expect(log).toContain('"channel":"tokens:revoke"');
    expect(log).toContain('"code":"BAD_AUTH_PASSWORD"');
    for (const secret of [sessionId, PASSWORDS.login, 'Secret#Pw77', 'authorization']) expect(log).not.toContain(secret);
  });

  it('issue 13: the desktop\'s redaction: a password, OTP, bearer session and seed in a body, header, URL or bug reach no log line', async () => {
    const seed = Buffer.from('12345678901234567890'); // RFC 6238's: hex and base32 both mix letters and digits
    const planted = { password: 'Pl4nted#Passw0rd', otp: '493817', sessionId: `Zq8${newId().slice(3)}`, seedHex: seed.toString('hex'), seedBase32: base32(seed) };
    const secrets: Secret[] = [
      { label: 'password', value: planted.password },
      { label: 'OTP', value: planted.otp, digits: true },
      { label: 'session ID', value: planted.sessionId },
      { label: 'seed', value: seed },
    ];
    const headers = { 'x-seed': planted.seedBase32, cookie: `sid=${planted.sessionId}`, 'x-otp': planted.otp };
    const query = `?otp=${planted.otp}&session=${planted.sessionId}&seed=${planted.seedHex}`;
    const from = logLines.length;
    // A login (body and URL), a forged bearer session on a seed import, a body JSON cannot take, a wrong content
    // type, a path that is no channel: each answered, each logged.
    const answers = [
      await s.send('POST', `/api/v1/auth:login${query}`, { loginId: 'kmb05871', password: planted.password }, { headers }),
      await s.send('POST', '/api/v1/imports:preview', { format: 'pskc', fileBase64: planted.seedBase32, preSharedKeyHex: planted.seedHex }, { sessionId: planted.sessionId, headers }),
      await s.send('POST', '/api/v1/auth:verify-otp', undefined, { raw: `{"challengeId":"${planted.sessionId}","otp":"${planted.otp}"`, headers }),
      await s.send('POST', '/api/v1/auth:login', undefined, { contentType: 'text/plain', raw: `${planted.password} ${planted.otp}`, headers }),
      await s.send('POST', `/api/v1/${planted.sessionId}/${planted.otp}`, { otp: planted.otp }, { sessionId: planted.sessionId }),
    ];
    // A handler bug whose error quotes them all, through the server's bug log (the dispatch's BugLog).
    log.bug('auth:verify-otp', Object.assign(new Error(`otp ${planted.otp} for ${planted.sessionId}, seed ${planted.seedHex}`), { input: planted }));
    const ids = answers.map((a) => a.headers['x-request-id']);
    const ours = (l: Record<string, unknown>) => l.msg === 'request completed' && ids.includes(l.reqId as string);
    const parsed = () => logLines.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>);
    for (let count = 1; parsed().filter(ours).length < answers.length; count++) await logged(from, count);
    const lines = parsed();
    expect(scan({ log: Buffer.from(logLines.slice(from).join('')) }, secrets)).toEqual([]);
    expect(lines.filter(ours).map((l) => [l.path, l.statusCode])).toEqual([
      ['/api/v1/auth:login', 200],
      ['/api/v1/imports:preview', 200],
      ['/api/v1/auth:verify-otp', 400],
      ['/api/v1/auth:login', 415],
      ['/api/v1/[redacted]/[redacted]', 404],
    ]);
    expect(lines.find((l) => l.event === 'handler-bug')).toMatchObject({ level: 'error', channel: 'auth:verify-otp' });
  });
});

describe('limits and shutdown of one server instance', () => {
  it('a client address over its rate gets 429, per instance', async () => {
    const t = await startServer({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.call('setup:status', {})).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await t.send('GET', '/healthz')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('issue 13: X-Forwarded-For is ignored unless the proxy is trusted; then each forwarded client has its own rate', async () => {
    const forwarded = (t: ServerHarness, client: string) => t.send('POST', '/api/v1/setup:status', {}, { headers: { 'x-forwarded-for': client } });
    const statuses = async (t: ServerHarness) => [
      (await forwarded(t, '203.0.113.1')).status,
      (await forwarded(t, '203.0.113.1')).status,
      (await forwarded(t, '203.0.113.1')).status,
      (await forwarded(t, '203.0.113.2')).status,
    ];
    // By default the socket's address counts, whatever the header says: a client cannot escape its limit.
    const direct = await startServer({ rateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      expect(await statuses(direct)).toEqual([200, 200, 429, 429]);
    } finally {
      await direct.close();
    }
    // Behind a load balancer on loopback (trusted by address, or as the one hop in front), each client it
    // forwards is counted apart.
    for (const trustProxy of [['127.0.0.1'], 1]) {
      const behind = await startServer({ rateLimit: { max: 2, timeWindowMs: 60_000 }, trustProxy });
      try {
        expect(await statuses(behind)).toEqual([200, 200, 429, 200]);
      } finally {
        await behind.close();
      }
    }
  });

  it('issue 13: the configuration trusts no proxy unless told which; trusting every sender is refused', () => {
    const base = { postgres: { url: 'postgresql://otp@db/otp' }, tls: { certFile: 'c', keyFile: 'k' }, listen: {}, sealKey: { env: 'K' } };
    expect(serverConfigSchema.parse(base).trustProxy).toBe(false);
    expect(serverConfigSchema.parse({ ...base, trustProxy: ['10.0.0.5', '10.1.0.0/16'] }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(serverConfigSchema.parse({ ...base, trustProxy: 1 }).trustProxy).toBe(1);
    expect(serverConfigSchema.safeParse({ ...base, trustProxy: true }).success).toBe(false);
  });

  it('/readyz is 503 while the store is not ready', async () => {
    const t = await startServer({ ready: async () => false });
    try {
      expect(await t.send('GET', '/readyz')).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    } finally {
      await t.close();
    }
  });

  it('close: the request in flight is answered, then onClose runs (the pool closes last)', async () => {
    const order: string[] = [];
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const inHandler = new Promise<void>((r) => (entered = r));
    const h = await createHarness();
    // The real dispatch, held at a gate so that a request is surely in flight when the server is asked to close.
    const core = {
      dispatch: async (name: string, raw: unknown) => {
        entered();
        await gate;
        const result = await h.core.dispatch(name, raw);
        order.push('handled');
        return result;
      },
      gate: h.core.gate,
    };
    const t = await startServer({ harness: h, core, onClose: async () => void order.push('pool closed') });
    const inFlight = t.call('setup:status', {});
    await inHandler;
    const closing = t.app.close().then(() => order.push('close resolved'));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    release();
    await closing;
    expect(await inFlight).toMatchObject({ status: 200, body: { ok: true } });
    expect(order).toEqual(['handled', 'pool closed', 'close resolved']);
    await t.close();
    await h.close();
  });

  it('issue 13: SIGTERM\'s close gives up at its deadline when a request never ends; what runs after still runs', async () => {
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const inHandler = new Promise<void>((r) => (entered = r));
    const h = await createHarness();
    // A request stuck as behind a partition (its query waits for an answer that never comes).
    const core = { dispatch: async (name: string, raw: unknown) => (entered(), await gate, h.core.dispatch(name, raw)), gate: h.core.gate };
    const t = await startServer({ harness: h, core });
    const inFlight = t.call('setup:status', {});
    await inHandler;
    let after = false;
    expect(await shutdown(t, async () => void (after = true), 300)).toBe('deadline');
    expect(after).toBe(true);
    release();
    expect(await inFlight).toMatchObject({ status: 200 });
    await t.close();
    await h.close();
  });
});
