import { afterEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../main/config/rules';
import { JAPAN_TIME_ZONE } from '../../shared/time/japan';
import { jst } from '../support/clock';
import { tokenRow } from '../support/db';
import { createHarness, loginWithOtp, passwordStep, PASSWORDS, stepUp, type Harness } from '../support/harness';

/**
 * Time (DESIGN-NOTES 5, SPEC R-REV-5, R-OTP-2): the cool-down and overnight rules hold in Japan time whatever
 * the machine's zone, and a system clock moved back neither revives a used code nor shortens a cool-down.
 */
const ZONES = ['UTC', JAPAN_TIME_ZONE, 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata'];
/** Revocation wall time in Japan → when re-registration opens, in Japan. */
const CASES: [string, string][] = [
  ['2026-11-24T21:00:00', '2026-11-25T08:10:00'],
  ['2026-11-24T14:00:00', '2026-11-24T14:30:00'],
  ['2026-11-24T20:49:00', '2026-11-24T21:19:00'],
  ['2026-11-24T20:50:00', '2026-11-25T08:10:00'],
  ['2026-11-25T07:50:00', '2026-11-25T08:20:00'],
  ['2026-10-03T23:00:00', '2026-10-04T08:10:00'], // Sydney moves its clocks on 4 October 02:00 in between
  ['2026-12-31T23:30:00', '2027-01-01T08:10:00'],
];
const originalTz = process.env.TZ;

/** Minutes after midnight on the machine's clock, and in a named zone: equal when TZ took effect. */
const PROBE = new Date('2026-07-01T12:34:00Z');
const machineMinutes = (d: Date) => d.getHours() * 60 + d.getMinutes();
function zoneMinutes(d: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return get('hour') * 60 + get('minute');
}

let h: Harness;
afterEach(async () => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
  await h?.close();
});

const login = (loginId: string) => h.core.api.auth.login({ loginId, password: PASSWORDS.login });
const cooling = (opensAt: Date) => ({ ok: false, error: { code: 'REVOKED_COOLING_DOWN', reRegistrationAt: opensAt.toISOString() } });

/** The master logs in one step before `at` and revokes ippan001 at exactly `at`. */
async function revokeAt(at: Date, rules = defaultRules) {
  h = await createHarness({ rules, start: new Date(at.getTime() - 60_000) });
  const master = await loginWithOtp(h, 'kmb05871');
  h.clock.set(at);
  expect(await h.core.api.tokens.revoke({ sessionId: master.sessionId, loginIds: ['ippan001'], ...(await stepUp(h)) })).toMatchObject({ ok: true });
}

describe('SPEC R-REV-5 under several machine time zones (DESIGN-NOTES 5)', () => {
  it.each(ZONES.map((z) => [z]))('TZ=%s: every case opens re-registration at the Japan wall time, refused one second before', async (zone) => {
    process.env.TZ = zone;
    expect(machineMinutes(PROBE)).toBe(zoneMinutes(PROBE, zone));
    for (const [revokedAt, opensAt] of CASES) {
      await revokeAt(jst(revokedAt));
      const opens = jst(opensAt);
      h.clock.set(new Date(opens.getTime() - 1_000));
      expect({ zone, revokedAt, result: await login('ippan001') }).toEqual({ zone, revokedAt, result: cooling(opens) });
      h.clock.set(opens);
      const challengeId = await passwordStep(h, 'ippan001', 'needsTokenRegistration');
      const registered = await h.core.api.tokens.register({ challengeId, serial: '523405697', otp: await h.codeOf('523405697') });
      expect({ zone, revokedAt, registered }).toMatchObject({ zone, revokedAt, registered: { ok: true, value: { loginId: 'ippan001' } } });
      await h.close();
      h = undefined as unknown as Harness;
    }
  });

  it('the machine zone really changes with TZ (so the cases above ran in each zone)', () => {
    const seen = new Set<number>();
    for (const zone of ZONES) {
      process.env.TZ = zone;
      seen.add(machineMinutes(PROBE));
    }
    expect(seen.size).toBe(ZONES.length); // PROBE is in July: London is on summer time, an hour from UTC
  });
});

describe('a system clock moved back (SPEC R-OTP-2, R-REV-5)', () => {
  // Refused codes count as failures (SPEC R-OTP-3); a high limit keeps this test about time, not the lock.
  const rules = { ...defaultRules, maxConsecutiveFailures: 1000 };

  it.each([[1], [2], [10], [60], [24 * 60]])('moved back %i min after a code was accepted: that code and every earlier one stay refused', async (minutes) => {
    h = await createHarness({ rules });
    const used = await h.codeOf('523405696');
    const earlier = [await h.codeOf('523405696', -1), await h.codeOf('523405696', -2)];
    const now = h.clock.now().getTime();
    await loginWithOtp(h, 'kmb05871');
    const lastStep = (await tokenRow(h, '523405696')).last_step;
    h.clock.set(new Date(now - minutes * 60_000));
    const nowCode = await h.codeOf('523405696');
    for (const [label, otp] of [['the used code', used], ['earlier codes', earlier[0]!], ['earlier codes', earlier[1]!], ['the code of the moved-back time', nowCode]] as const) {
      for (const loginId of ['kmb05871', 'test12345']) {
        const result = await h.core.api.auth.verifyOtp({ challengeId: await passwordStep(h, loginId), otp });
        expect({ label, loginId, ok: result.ok }).toEqual({ label, loginId, ok: false });
      }
    }
    expect((await tokenRow(h, '523405696')).last_step).toBe(lastStep);
    // Back on time, the next step's code works: the token is not stuck.
    h.clock.set(new Date(now + 60_000));
    await loginWithOtp(h, 'test12345');
  });

  it('a step-up code accepted for a revocation is refused again after the clock moved back', async () => {
    h = await createHarness({ rules });
    const master = await loginWithOtp(h, 'kmb05871');
    h.clock.advance(60_000);
    const credentials = await stepUp(h);
    expect(await h.core.api.tokens.revoke({ sessionId: master.sessionId, loginIds: ['kigen001'], ...credentials })).toMatchObject({ ok: true });
    h.clock.advance(-5 * 60_000);
    const again = await h.core.api.tokens.revoke({ sessionId: master.sessionId, loginIds: ['ippan001'], ...credentials });
    expect(again).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^OTP_(REUSED|INVALID)$/) } });
    expect(await h.core.api.users.list({ sessionId: master.sessionId, sort: 'loginId-asc' })).toMatchObject({
      ok: true,
      value: { users: expect.arrayContaining([expect.objectContaining({ loginId: 'ippan001', otpState: 'active' })]) },
    });
  });

  it.each([
    ['2026-11-24T14:00:00', '2026-11-24T14:30:00', ['2026-11-24T13:00:00', '2026-11-23T14:20:00', '2026-11-24T14:29:59']],
    ['2026-11-24T21:00:00', '2026-11-25T08:10:00', ['2026-11-24T20:00:00', '2026-11-25T07:00:00', '2026-11-24T08:10:00']],
  ])('revoked at %s JST (opens %s): a clock moved back to before the revocation keeps it refused until the same instant', async (revokedAt, opensAt, movedBack) => {
    await revokeAt(jst(revokedAt), rules);
    const opens = jst(opensAt);
    for (const wall of movedBack) {
      h.clock.set(jst(wall));
      // `now` is earlier than reRegistrationAt, so the refusal stands and names the same instant, never an earlier one.
      expect({ wall, result: await login('ippan001') }).toEqual({ wall, result: cooling(opens) });
    }
    h.clock.set(opens);
    expect(await login('ippan001')).toMatchObject({ ok: true, value: { kind: 'needsTokenRegistration' } });
  });

  it('a locked user stays locked when the clock is moved back or forward', async () => {
    h = await createHarness();
    for (let i = 0; i < 5; i++) await h.core.api.auth.login({ loginId: 'kmb05871', password: 'wrong' });
    for (const shift of [-86_400_000, -3_600_000, 3_600_000, 30 * 86_400_000]) {
      h.clock.advance(shift);
      expect(await login('kmb05871')).toEqual({ ok: false, error: { code: 'LOCKED' } });
    }
  });
});
