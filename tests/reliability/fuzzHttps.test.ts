import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedOnServer } from '../../shared/contract/api';
import { checksBearerFirst } from '../../main/server/limits';
import { dumpTables, expectOnlyRefusalsAudited } from '../support/db';
import { expectTypedRefusal, forgedId, watchProcess } from '../support/fuzzing';
import { PASSWORDS } from '../support/harness';
import { hostilePayload } from '../support/hostile';
import { scaled } from '../support/scale';
import { startServer, type ServerHarness } from '../support/server';
import { requestTemplates } from '../support/templates';

/**
 * fuzz.test.ts's hostile payloads on every channel, sent over HTTPS as JSON (what JSON cannot carry, a BigInt
 * or a cycle, never reaches a server). Each is a transport refusal (400, 413, 431 for a huge bearer header) or a typed refusal; the store
 * is unchanged and the server logged no bug. Fewer runs than the in-process suite: each case is a TLS request.
 */
const RUNS = scaled(20, 300);
// What the server serves (a desktop-only channel is a 404, tests/main/server/surface.test.ts).
const channels = servedOnServer();
let s: ServerHarness;
let live: Record<string, Record<string, unknown>>;
let dead: Record<string, Record<string, unknown>>;
let cases = 0;
beforeAll(async () => {
  s = await startServer();
  const step = await s.call('auth:login', { loginId: 'kmb05871', password: PASSWORDS.login });
  const challengeId = (step.body as { value: { challengeId: string } }).value.challengeId;
  const done = await s.call('auth:verify-otp', { challengeId, otp: await s.h.codeOf('523405696') });
  const sessionId = (done.body as { value: { sessionId: string } }).value.sessionId;
  s.h.clock.advance(60_000);
  const otp = await s.h.codeOf('523405696');
  const other = await s.call('auth:login', { loginId: 'test12345', password: PASSWORDS.login });
  const otpChallenge = (other.body as { value: { challengeId: string } }).value.challengeId;
  const ids = { otp, resync: [otp, otp] as const, target: 'ippan001' };
  live = requestTemplates({ ...ids, sessionId, otpChallenge, registration: otpChallenge });
  dead = requestTemplates({ ...ids, sessionId: forgedId(), otpChallenge: forgedId(), registration: forgedId() });
});
afterAll(async () => {
  console.log(`fuzz over HTTPS: ${cases} cases over ${channels.length} channels`);
  await s.close();
});

const json = (payload: unknown): boolean => {
  try {
    return JSON.stringify(payload) !== undefined;
  } catch {
    return false;
  }
};

describe('fuzzed HTTPS: hostile payloads on every channel (DESIGN-NOTES 7, SPEC R-GEN-3)', () => {
  it.each(channels.map((c) => [c.name]))(`%s: ${RUNS} hostile variants of a live and of a forged request → refused, store unchanged`, async (name) => {
    const channel = channels.find((c) => c.name === name)!;
    const before = await dumpTables(s.h.store.db);
    await watchProcess(() =>
      fc.assert(
        fc.asyncProperty(fc.oneof(hostilePayload(live[name]!), hostilePayload(dead[name]!)), async (payload) => {
          fc.pre(json(payload) && !channel.request.safeParse(JSON.parse(JSON.stringify(payload))).success);
          cases++;
          const answer = await s.call(name, payload);
          if (answer.status !== 200) expect([400, 413, 431]).toContain(answer.status);
          else expectTypedRefusal(answer.body, ['VALIDATION', 'SESSION_INVALID', 'CHALLENGE_INVALID', 'SETUP_INVALID']);
          expect(s.h.bugs).toEqual([]);
        }),
        { numRuns: RUNS },
      ),
    );
    const after = await dumpTables(s.h.store.db);
    // A large route refuses a forged bearer before its body is read, audited as the dispatch audits one (issue 19).
    const added = after.audit_log!.length - before.audit_log!.length;
    if (checksBearerFirst(channel)) expectOnlyRefusalsAudited(before, after, { count: added, actor: null, reason: 'SESSION_INVALID' });
    else expect(after).toEqual(before);
  }, scaled(60_000, 600_000));

  it('after all of that, the live session still works', async () => {
    expect((await s.call('auth:session', live['auth:session'])).body).toMatchObject({ ok: true });
  });
});
