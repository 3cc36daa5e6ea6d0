import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChannels } from '../../shared/contract/api';
import { USER_SORTS } from '../../shared/contract/models';
import { defaultRules } from '../../main/config/rules';
import { expectIntact } from '../support/db';
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
/** The live session and challenges the requests use; renewed as the clock moves (see `refresh`). */
const live = { sessionId: '', otpChallenge: '', registration: '' };
let cases = 0;
const outcomes = new Map<string, number>();

/** A step on every 25 cases, so a consumed code gives way to a fresh one; the session and challenges follow. */
async function refresh(): Promise<void> {
  h.clock.advance(60_000);
  if (!(await h.core.api.auth.session({ sessionId: live.sessionId })).ok) live.sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
  const challenge = async (loginId: string, current: string) => {
    const step = await h.core.api.auth.login({ loginId, password: PASSWORDS.login });
    return step.ok ? step.value.challengeId : current;
  };
  live.otpChallenge = await challenge('test12345', live.otpChallenge);
  live.registration = await challenge('shinki01', live.registration);
}

beforeAll(async () => {
  h = await createHarness({ rules: RULES });
  live.sessionId = (await loginWithOtp(h, 'kmb05871')).sessionId;
  live.otpChallenge = await passwordStep(h, 'test12345');
  live.registration = await passwordStep(h, 'shinki01', 'needsTokenRegistration');
});
afterAll(async () => {
  const counts = [...outcomes].map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`fuzz (services): ${cases} schema-valid hostile requests over ${requests().length} channels; outcomes: ${counts}`);
  await h.close();
});

/** Real IDs and serials mixed in (never the operator's own ID: revoking it would end the session under test). */
const anyLoginId = fc.oneof(validShape.loginId, fc.constantFrom('test12345', 'ｉｐｐａｎ００１', ' kigen001 ', 'shinki01', 'tasha001'));
const anySerial = fc.oneof(validShape.digits(8, 12), fc.constantFrom('523405696', '５２３４０５６９７', '600000001', '700000001', '523405698'));
const current = fc.constant('current');
const anyOtp = fc.oneof(validShape.digits(6, 6), current);
const anyAuth = fc.oneof(validShape.password, fc.constant(PASSWORDS.auth));

/** Placeholders, filled in per case: the live session, the live challenges, the shared token's current code. */
const SESSION = fc.constant('SESSION');
const OTP_CHALLENGE = fc.constant('OTP_CHALLENGE');
const REGISTRATION = fc.constant('REGISTRATION');

function requests(): [string, fc.Arbitrary<Record<string, unknown>>][] {
  return [
    ['auth:verify-otp', fc.record({ challengeId: OTP_CHALLENGE, otp: anyOtp })],
    ['auth:session', fc.record({ sessionId: SESSION })],
    ['tokens:register', fc.record({ challengeId: REGISTRATION, serial: anySerial, otp: anyOtp })],
    ['tokens:revoke', fc.record({ sessionId: SESSION, loginIds: fc.array(anyLoginId, { minLength: 1, maxLength: 20 }), authPassword: anyAuth, otp: anyOtp })],
    ['tokens:resync', fc.record({ sessionId: SESSION, serial: anySerial, firstOtp: anyOtp, secondOtp: anyOtp, authPassword: anyAuth })],
    ['users:list', fc.record({ sessionId: SESSION, sort: fc.constantFrom(...USER_SORTS) })],
    ['users:unlock', fc.record({ sessionId: SESSION, loginId: anyLoginId, authPassword: anyAuth, otp: anyOtp })],
    ['top:get', fc.record({ sessionId: SESSION })],
    ['top:mark-notice-read', fc.record({ sessionId: SESSION, noticeId: validShape.noticeId })],
  ];
}

async function fillIn(request: Record<string, unknown>): Promise<Record<string, unknown>> {
  const values: Record<string, string> = { SESSION: live.sessionId, OTP_CHALLENGE: live.otpChallenge, REGISTRATION: live.registration, current: await h.codeOf('523405696') };
  return Object.fromEntries(Object.entries(request).map(([k, v]) => [k, typeof v === 'string' && Object.hasOwn(values, v) ? values[v] : v]));
}

describe('fuzzed IPC past the schema: hostile but valid-shaped requests reach the services (DESIGN-NOTES 7)', () => {
  it.each(requests().map(([name]) => [name]))(`%s: ${RUNS} requests → a typed result, never INTERNAL, responses fit the contract`, async (name) => {
    const channel = byName.get(name)!;
    const arbitrary = requests().find(([n]) => n === name)![1];
    await watchProcess(() =>
      fc.assert(
        fc.asyncProperty(arbitrary, async (raw) => {
          if (cases % 25 === 0) await refresh();
          const request = await fillIn(raw);
          const parsed = channel.request.safeParse(request);
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
          cases++;
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

  it("the store is intact afterwards and the operator's session is live", async () => {
    await expectIntact(h.store.db);
    expect(await h.core.api.auth.session({ sessionId: live.sessionId })).toMatchObject({ ok: true, value: { loginId: 'kmb05871' } });
  });
});
