import { describe, expect, it } from 'vitest';
import { defaultRules, type RulesConfig } from '../../../main/config/rules';
import { reRegistrationOpensAt } from '../../../main/revocation/reregistration';
import { jst } from '../../support/clock';

const rule = defaultRules.reRegistration;
const opens = (revokedJst: string, r: RulesConfig['reRegistration'] = rule) => reRegistrationOpensAt(jst(revokedJst), r).toISOString();
const iso = (localJst: string) => jst(localJst).toISOString();

/** [revoked at, JST] → [re-registration opens, JST] under the default rule (30 min, 20:50-08:10 Japan time). */
const DEFAULT_CASES: [string, string, string][] = [
  ['just before the window', '2026-11-24T20:49:59', '2026-11-24T21:19:59'],
  ['at the window start', '2026-11-24T20:50:00', '2026-11-25T08:10:00'],
  ['evening inside the window', '2026-11-24T21:00:00', '2026-11-25T08:10:00'],
  ['one minute before midnight', '2026-11-24T23:59:00', '2026-11-25T08:10:00'],
  ['at midnight', '2026-11-25T00:00:00', '2026-11-25T08:10:00'],
  ['after midnight', '2026-11-25T00:30:00', '2026-11-25T08:10:00'],
  ['20 min before the end: cool-down is later', '2026-11-25T07:50:00', '2026-11-25T08:20:00'],
  ['one second before the end', '2026-11-25T08:09:59', '2026-11-25T08:39:59'],
  ['at the window end', '2026-11-25T08:10:00', '2026-11-25T08:40:00'],
  ['in the afternoon', '2026-11-24T14:00:00', '2026-11-24T14:30:00'],
  ['new year across month and year end', '2026-12-31T23:00:00', '2027-01-01T08:10:00'],
];

function withTimeZone(tz: string, expectedJanuaryOffset: number, run: () => void): void {
  const saved = process.env.TZ;
  try {
    process.env.TZ = tz;
    // The machine's local zone really changed: a January date has this zone's offset.
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(expectedJanuaryOffset);
    run();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('re-registration time (SPEC R-REV-5)', () => {
  it.each(DEFAULT_CASES)('SPEC R-REV-5: revoked %s (%s JST) opens at %s JST', (_label, revoked, expected) => {
    expect(opens(revoked)).toBe(iso(expected));
  });

  it.each([
    ['UTC', 0],
    ['America/New_York', 300],
    ['Pacific/Kiritimati', -840],
  ] as const)('SPEC R-REV-5: the answers are Japan time with the machine zone set to %s', (tz, offset) => {
    withTimeZone(tz, offset, () => {
      for (const [, revoked, expected] of DEFAULT_CASES) expect(opens(revoked)).toBe(iso(expected));
    });
  });

  it('SPEC R-REV-5: a New York summer-time machine still uses Japan time (20:50 JST = 07:50 EDT)', () => {
    withTimeZone('America/New_York', 300, () => {
      expect(new Date('2026-07-15T12:00:00Z').getTimezoneOffset()).toBe(240);
      expect(opens('2026-07-15T20:50:00')).toBe(iso('2026-07-16T08:10:00'));
      expect(opens('2026-07-15T20:49:00')).toBe(iso('2026-07-15T21:19:00'));
    });
  });

  describe('configurable times (SPEC R-REV-5 Reading)', () => {
    const custom = { ...rule, coolDownMinutes: 45, overnightStart: '22:00', overnightEnd: '06:00' };

    it.each([
      ['21:59:59, before the window: cool-down only', '2026-11-24T21:59:59', '2026-11-24T22:44:59'],
      ['22:00, window start', '2026-11-24T22:00:00', '2026-11-25T06:00:00'],
      ['23:59', '2026-11-24T23:59:00', '2026-11-25T06:00:00'],
      ['00:30', '2026-11-25T00:30:00', '2026-11-25T06:00:00'],
      ['05:30: cool-down ends after the window', '2026-11-25T05:30:00', '2026-11-25T06:15:00'],
      ['06:00, window end', '2026-11-25T06:00:00', '2026-11-25T06:45:00'],
    ])('SPEC R-REV-5: cool-down 45 min, window 22:00-06:00, revoked %s', (_label, revoked, expected) => {
      expect(opens(revoked, custom)).toBe(iso(expected));
    });

    it.each([
      ['11:59, before', '2026-11-24T11:59:00', '2026-11-24T12:29:00'],
      ['12:00, start', '2026-11-24T12:00:00', '2026-11-24T13:00:00'],
      ['12:45, cool-down later than the end', '2026-11-24T12:45:00', '2026-11-24T13:15:00'],
      ['13:00, end', '2026-11-24T13:00:00', '2026-11-24T13:30:00'],
    ])('SPEC R-REV-5: a window that does not span midnight (12:00-13:00), revoked %s', (_label, revoked, expected) => {
      expect(opens(revoked, { ...rule, overnightStart: '12:00', overnightEnd: '13:00' })).toBe(iso(expected));
    });

    it('SPEC R-REV-5: the zone of the rule is configurable (UTC wall times)', () => {
      const utc = { ...rule, timeZone: 'UTC' };
      // 21:00 JST is 12:00 UTC: outside a UTC window 20:50-08:10.
      expect(opens('2026-11-24T21:00:00', utc)).toBe(iso('2026-11-24T21:30:00'));
      // 06:00 JST is 21:00 UTC the day before: inside, opens 08:10 UTC = 17:10 JST.
      expect(reRegistrationOpensAt(new Date('2026-11-24T21:00:00Z'), utc).toISOString()).toBe('2026-11-25T08:10:00.000Z');
    });

    it('refuses a malformed time-of-day setting instead of guessing', () => {
      expect(() => reRegistrationOpensAt(jst('2026-11-24T21:00:00'), { ...rule, overnightStart: '8:10' })).toThrow(/invalid time/);
    });
  });
});
