import type { Socket } from 'node:net';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { servedOnServer } from '../../../shared/contract/api';
import { bodyLimitOf, checksBearerFirst, PUBLIC_BODY_LIMIT } from '../../../main/server/limits';
import { createHarness, PASSWORDS } from '../../support/harness';
import { DIALECT } from '../../support/stores';
import { startServer, type ServerHarness } from '../../support/server';

let s: ServerHarness;
/** Every TCP connection the server accepted, so the bytes it read of each can be summed. */
const sockets: Socket[] = [];
beforeAll(async () => {
  // Opened here, so the postgres project runs this file too (vitest.config.ts): sessions live in the store.
  s = await startServer({ harness: await createHarness() });
  s.app.server.on('connection', (socket: Socket) => sockets.push(socket));
});
afterAll(async () => {
  await s.close();
  await s.h.close();
});

const MIB = 1024 * 1024;
const CHUNK = Buffer.alloc(MIB, 'A');

type Outcome = { status: number; body: string } | { error: string };

/**
 * One large body (a token file's shape) streamed in 1 MiB chunks as a real client would, stopping as soon as the
 * server answers or drops the connection: what the server did with it.
 */
function largeUpload(channelName: string, bearer: string | undefined, megabytes: number): Promise<Outcome> {
  const head = Buffer.from('{"format":"csv","fileBase64":"');
  const tail = Buffer.from('"}');
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': head.length + megabytes * MIB + tail.length };
  if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
  return new Promise((resolve) => {
    let done = false;
    const finish = (outcome: Outcome) => {
      done = true;
      resolve(outcome);
    };
    const req = request(new URL(`/api/v1/${channelName}`, s.base), { method: 'POST', headers, ca: s.ca, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => finish({ status: res.statusCode ?? 0, body }));
      res.on('error', () => finish({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => done || finish({ error: e.code ?? e.message }));
    const write = async () => {
      req.write(head);
      for (let i = 0; i < megabytes && !done; i++) {
        if (!req.write(CHUNK)) await new Promise((r) => req.once('drain', r).once('close', r));
      }
      if (!done) req.end(tail);
    };
    void write();
  });
}

/** One whole login of company B's user (password, then the OTP of a fresh step): its duration. */
async function timedLogin(): Promise<number> {
  s.h.clock.advance(60_000);
  const started = performance.now();
  const step = await s.call('auth:login', { loginId: 'tasha001', password: PASSWORDS.login });
  const challengeId = (step.body as { value: { challengeId: string } }).value.challengeId;
  const done = await s.call('auth:verify-otp', { challengeId, otp: await s.h.codeOf('700000001') });
  expect(done.body).toMatchObject({ ok: true });
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function logins(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await timedLogin());
  return times;
}

describe(`issue 19 finding 6: large bodies are read only for a caller the contract admits, on ${DIALECT}`, () => {
  it('public channels read at most 1 MiB; only session channels keep a larger limit, and those check the bearer first', () => {
    for (const channel of servedOnServer()) {
      if (channel.access === 'public') expect({ name: channel.name, limit: bodyLimitOf(channel) <= PUBLIC_BODY_LIMIT }).toEqual({ name: channel.name, limit: true });
    }
    const large = servedOnServer().filter(checksBearerFirst).map((c) => c.name).sort();
    expect(large).toEqual([contract.imports.preview.name, contract.tokens.revoke.name].sort());
  });

  it('SPEC R-SRV-3: anonymous and forged-bearer 20 MiB bodies at once are refused before they are read; company B logs in meanwhile within 10× its baseline', async () => {
    const baseline = median(await logins(8));
    const from = sockets.length;
    const preview = contract.imports.preview.name;
    const uploads = [
      ...[undefined, undefined, 'F'.repeat(43), 'G'.repeat(43)].map((bearer) => largeUpload(preview, bearer, 20)),
      // The finding's own route (desktop-only now: 404) and a public one (1 MiB at most: 413).
      largeUpload(contract.backup.restore.name, undefined, 20),
      largeUpload(contract.setup.previewImport.name, undefined, 20),
    ];
    const during = median(await logins(8));
    const outcomes = await Promise.all(uploads);
    const offered = uploads.length * 20 * MIB;
    const read = sockets.slice(from).reduce((sum, socket) => sum + socket.bytesRead, 0);
    // Each upload was answered its typed refusal (or lost its connection mid-stream, as it was told to).
    for (const outcome of outcomes) {
      if ('status' in outcome) expect(outcome.body).toMatch(/^\{("ok":false,"error":\{"code":"(VALIDATION|SESSION_INVALID)"|"error":\{"status":(404|413),)/);
    }
    expect(outcomes.some((o) => 'status' in o)).toBe(true);
    // The kernel's buffers and at most a public route's limit per connection, not the 120 MiB offered.
    expect({ read, offered, fraction: read / offered < 0.2 }).toMatchObject({ fraction: true });
    expect({ baseline, during, within: during <= 10 * baseline }).toMatchObject({ within: true });
  });

  it('a manager with a live session still gets its large body read: 2 MiB of base64 reaches the dispatch', async () => {
    s.h.clock.advance(60_000);
    const step = await s.call('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login });
    const challengeId = (step.body as { value: { challengeId: string } }).value.challengeId;
    const done = await s.call('auth:verify-otp', { challengeId, otp: await s.h.codeOf('523405696') });
    const sessionId = (done.body as { value: { sessionId: string } }).value.sessionId;
    const answer = await s.call('imports:preview', { sessionId, format: 'csv', fileBase64: 'A'.repeat(2 * MIB) });
    expect(answer.status).toBe(200);
    // The file itself is nonsense: the service refuses it, after reading it.
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'IMPORT_REFUSED' } });
  });
});

describe('issue 19 finding 6: the bearer check comes after the rate limit', () => {
  it('SPEC R-GEN-2: forged bearers on a large route are counted by the rate limit: 429 past it, and no audit row past it', async () => {
    const limited = await startServer({ harness: s.h, rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const audited = async () => (await s.h.store.db.selectFrom('audit_log').select('id').where('reason', '=', 'SESSION_INVALID').execute()).length;
      const before = await audited();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await limited.send('POST', `/api/v1/${contract.imports.preview.name}`, { format: 'csv', fileBase64: 'AA' }, { sessionId: 'F'.repeat(43) })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      expect(await audited()).toBe(before + 3);
    } finally {
      await limited.close();
    }
  });
});
