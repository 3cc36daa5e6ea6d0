import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverChannels } from '../../shared/contract/api';
import { expectTypedRefusal, forgedId, storeState, watchProcess } from '../support/fuzzing';
import { expectOnlyRefusalsAudited } from '../support/db';
import { createHarness, loginWithOtp, nextStep, passwordStep, type Harness } from '../support/harness';
import { hostilePayload, hostileString, validShape } from '../support/hostile';
import { scaled } from '../support/scale';
import { requestTemplates } from '../support/templates';

/**
 * Fuzzed IPC (DESIGN-NOTES 7, SPEC R-GEN-3): every channel of the contract, hostile payloads built on valid
 * requests. Refused → a typed error, nothing thrown, the store byte for byte as it was.
 */
const RUNS = scaled(300, 3_000);
const LOGIN_RUNS = scaled(400, 4_000);
const TIMEOUT = scaled(60_000, 900_000);
const channels = serverChannels();

let h: Harness;
let live: Record<string, Record<string, unknown>>;
let dead: Record<string, Record<string, unknown>>;
const cases = { live: 0, dead: 0, login: 0 };
beforeAll(async () => {
  h = await createHarness();
  const sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
  nextStep(h);
  const otpChallenge = await passwordStep(h, 'test12345');
  const registration = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
  const otp = await h.codeOf('523405696');
  const ids = { otp, resync: [otp, otp] as const, target: 'ippan001' };
  live = requestTemplates({ ...ids, sessionId, otpChallenge, registration });
  dead = requestTemplates({ ...ids, sessionId: forgedId(), otpChallenge: forgedId(), registration: forgedId() });
  // Every channel of the contract has a valid request (tests/support/templates.ts).
  for (const c of channels) expect(c.request.safeParse(live[c.name]).success, c.name).toBe(true);
});
afterAll(async () => {
  const total = cases.live + cases.dead + cases.login;
  console.log(`fuzz: ${total} cases over ${channels.length} channels (${cases.live} refused by the contract on live requests, ${cases.dead} on forged sessions and challenges, ${cases.login} logins)`);
  await h.close();
});

describe('fuzzed IPC: hostile payloads on every channel (DESIGN-NOTES 7, SPEC R-GEN-3)', () => {
  it.each(channels.map((c) => [c.name]))(`%s: ${RUNS} hostile variants of a live request the contract refuses → VALIDATION, store byte for byte unchanged`, async (name) => {
    const channel = channels.find((c) => c.name === name)!;
    const before = await storeState(h);
    await watchProcess(() =>
      fc.assert(
        fc.asyncProperty(hostilePayload(live[name]!), async (payload) => {
          // Variants the contract accepts (a full-width OTP is still the OTP) are for the tests below.
          fc.pre(!channel.request.safeParse(payload).success);
          cases.live++;
          expectTypedRefusal(await h.core.dispatch(name, payload), ['VALIDATION']);
          expect(h.bugs).toEqual([]);
          expect(await storeState(h)).toEqual(before);
        }),
        { numRuns: RUNS },
      ),
    );
    // The live session still works: nothing ended it meanwhile.
    expect(await h.core.dispatch('auth:session', live['auth:session'])).toMatchObject({ ok: true });
  }, TIMEOUT);

  // Login, the first-run setup's status and creation, and a restore carry no session, challenge or setup ID to forge.
  const unforgeable = ['auth:login', 'setup:status', 'setup:create', 'setup:resume', 'backup:restore'];
  it.each(channels.filter((c) => !unforgeable.includes(c.name)).map((c) => [c.name]))(
    `%s: ${RUNS} hostile variants with a forged session, challenge or setup ID → a typed refusal, store unchanged but a forged session's audit row`,
    async (name) => {
      await watchProcess(() =>
        fc.assert(
          fc.asyncProperty(hostilePayload(dead[name]!), async (payload) => {
            cases.dead++;
            const before = await storeState(h);
            // The sync channels carry a desktop's ID and secret instead, forged here too (tests/support/templates.ts).
            const code = expectTypedRefusal(await h.core.dispatch(name, payload), ['VALIDATION', 'SESSION_INVALID', 'CHALLENGE_INVALID', 'SETUP_INVALID', 'DESKTOP_UNKNOWN']);
            expect(h.bugs).toEqual([]);
            const after = await storeState(h);
            // SPEC R-GEN-2: the dispatch audits a refused session, with no actor; anything else leaves no trace.
            if (code === 'SESSION_INVALID') expectOnlyRefusalsAudited(before.tables, after.tables, { count: 1, actor: null, reason: code });
            else expect(after).toEqual(before);
          }),
          { numRuns: RUNS },
        ),
      );
    },
    TIMEOUT,
  );

  it(`auth:login: ${LOGIN_RUNS} hostile IDs and passwords → a typed refusal; the store changes by one audit row or not at all`, async () => {
    const known = new Set(['kmb05871', 'test12345', 'ippan001', 'kigen001', 'shinki01', 'tasha001']);
    const loginId = fc.oneof(validShape.loginId, hostileString());
    const password = fc.oneof(validShape.password, hostileString());
    await watchProcess(() =>
      fc.assert(
        fc.asyncProperty(loginId, password, async (id, pw) => {
          const parsed = channels.find((c) => c.name === 'auth:login')!.request.safeParse({ loginId: id, password: pw });
          fc.pre(!(parsed.success && known.has((parsed.data as { loginId: string }).loginId)));
          cases.login++;
          const before = await storeState(h);
          const code = expectTypedRefusal(await h.core.dispatch('auth:login', { loginId: id, password: pw }), ['VALIDATION', 'BAD_CREDENTIALS']);
          const after = await storeState(h);
          const { audit_log: auditAfter, ...restAfter } = after.tables;
          const { audit_log: auditBefore, ...restBefore } = before.tables;
          expect(restAfter).toEqual(restBefore);
          if (code === 'VALIDATION') {
            expect(after.sha256).toBe(before.sha256);
          } else {
            // No actor before a session, and the unknown typed ID only as its HMAC (issue 11 finding 4).
            expect(auditAfter!.slice(0, -1)).toEqual(auditBefore);
            expect(auditAfter!.at(-1)).toMatchObject({ actor_login_id: null, target_login_id: null, action: 'login.password', result: 'failure', reason: 'BAD_CREDENTIALS', detail: null });
            expect(auditAfter!.at(-1)).toMatchObject({ typed_login_id_hmac: expect.stringMatching(/^[0-9a-f]{64}$/) });
          }
          expect(h.bugs).toEqual([]);
        }),
        { numRuns: LOGIN_RUNS },
      ),
    );
  }, TIMEOUT);

  it('after all of that, the live requests still work: no code was consumed, no session or challenge ended', async () => {
    expect(await h.core.dispatch('users:list', live['users:list'])).toMatchObject({ ok: true });
    expect(await h.core.dispatch('auth:verify-otp', live['auth:verify-otp'])).toMatchObject({ ok: true, value: { loginId: 'test12345' } });
  });
});
