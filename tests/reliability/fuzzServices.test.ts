import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChannels } from '../../shared/contract/api';
import { USER_SORTS } from '../../shared/contract/models';
import { defaultRules } from '../../main/config/rules';
import { expectTypedRefusal, watchProcess } from '../support/fuzzing';
import { createHarness, loginWithOtp, passwordStep, PASSWORDS, type Harness } from '../support/harness';
import { validShape } from '../support/hostile';
import { scaled } from '../support/scale';

/**
 * Fuzzed IPC past the schema (DESIGN-NOTES 7): requests the contract accepts though they look hostile
 * (full-width and mathematical digits, padded IDs, passwords of any code points, huge notice IDs), on a live
 * session and live challenges, so they reach the services. Every answer is a typed result, never INTERNAL,
 * and the response always fits its schema. auth:logout is left out (it would end the session under test);
 * auth:login is fuzzed in fuzz.test.ts.
 */
const RUNS = scaled(120, 1_200);
const RULES = { ...defaultRules, maxConsecutiveFailures: 1_000_000 };
const byName = new Map(allChannels().map((c) => [c.name, c]));

let h: Harness;
let sessionId: string;
let otpChallenge: string;
let registration: string;
let cases = 0;
const outcomes = new Map<string, number>();
beforeAll(async () => {
  h = await createHarness({ rules: RULES });
  sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
  otpChallenge = await passwordStep(h, 'test12345');
  registration = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
});
afterAll(async () => {
  const counts = [...outcomes].map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`fuzz (services): ${cases} schema-valid hostile requests over ${requests().length} channels; outcomes: ${counts}`);
  await h.close();
});

/** Real IDs and serials mixed in (never the operator's own ID: revoking it would end the session under test). */
const anyLoginId = fc.oneof(validShape.loginId, fc.constantFrom('test12345', 'ｉｐｐａｎ００１', ' kigen001 ', 'shinki01', 'tasha001'));
const anySerial = fc.oneof(validShape.digits(8, 12), fc.constantFrom('523405696', '５２３４０５６９７', '600000001', '700000001', '523405698'));
const current = fc.constant('current').map(() => 'current');
const anyOtp = fc.oneof(validShape.digits(6, 6), current);
const anyAuth = fc.oneof(validShape.password, fc.constant(PASSWORDS.auth));

function requests(): [string, fc.Arbitrary<Record<string, unknown>>][] {
  const sid = () => fc.constant(sessionId);
  return [
    ['auth:verify-otp', fc.record({ challengeId: fc.constant(otpChallenge), otp: anyOtp })],
    ['auth:session', fc.record({ sessionId: sid() })],
    ['tokens:register', fc.record({ challengeId: fc.constant(registration), serial: anySerial, otp: anyOtp })],
    ['tokens:revoke', fc.record({ sessionId: sid(), loginIds: fc.array(anyLoginId, { minLength: 1, maxLength: 20 }), authPassword: anyAuth, otp: anyOtp })],
    ['tokens:resync', fc.record({ sessionId: sid(), serial: anySerial, firstOtp: anyOtp, secondOtp: anyOtp, authPassword: anyAuth })],
    ['users:list', fc.record({ sessionId: sid(), sort: fc.constantFrom(...USER_SORTS) })],
    ['users:unlock', fc.record({ sessionId: sid(), loginId: anyLoginId, authPassword: anyAuth, otp: anyOtp })],
    ['top:get', fc.record({ sessionId: sid() })],
    ['top:mark-notice-read', fc.record({ sessionId: sid(), noticeId: validShape.noticeId })],
  ];
}

/** 'current' stands for the shared token's code at the clock's time, so some step-ups carry the right code. */
async function resolveCodes(request: Record<string, unknown>): Promise<Record<string, unknown>> {
  const code = await h.codeOf('523405696');
  return Object.fromEntries(Object.entries(request).map(([k, v]) => [k, v === 'current' ? code : v]));
}

describe('fuzzed IPC past the schema: hostile but valid-shaped requests reach the services (DESIGN-NOTES 7)', () => {
  it.each(requests().map(([name]) => [name]))(`%s: ${RUNS} requests → a typed result, never INTERNAL, responses fit the contract`, async (name) => {
    const channel = byName.get(name)!;
    const arbitrary = requests().find(([n]) => n === name)![1];
    await watchProcess(() =>
      fc.assert(
        fc.asyncProperty(arbitrary, async (raw) => {
          const request = await resolveCodes(raw);
          expect(channel.request.safeParse(request).success).toBe(true);
          cases++;
          if (cases % 25 === 0) h.clock.advance(60_000);
          const result = await h.core.dispatch(name, request);
          const outcome = result.ok ? 'ok' : expectTypedRefusal(result);
          expect(outcome).not.toBe('INTERNAL');
          if (result.ok) expect(channel.response.safeParse(result.value).success).toBe(true);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          expect(h.bugs).toEqual([]);
        }),
        { numRuns: RUNS },
      ),
    );
  }, scaled(60_000, 600_000));

  it('the store is intact afterwards and the session under test is still live', async () => {
    expect((await sql`pragma integrity_check`.execute(h.store.db)).rows).toEqual([{ integrity_check: 'ok' }]);
    expect(await h.core.api.auth.session({ sessionId })).toMatchObject({ ok: true, value: { loginId: 'kmb05871' } });
  });
});
