/**
 * Wall-clock arithmetic in a named time zone through Intl, never through the machine's local zone
 * (DESIGN-NOTES 5): the rules of SPEC R-REV-5 and every time on screen or in an export are Japan time on every
 * computer; the bank calendar of SPEC R-TRX-3 builds on it (bankCalendar.ts). Shared by main and renderer; pure, no Node.
 */
/** Japan Standard Time: the one place the zone is written (main/config/rules.ts and the tests refer to it). */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallClockAt(instant: Date, timeZone: string = JAPAN_TIME_ZONE): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the zone's clock shows the given wall time (day may overflow: Date.UTC normalises it). */
export function instantOf(wall: Omit<WallClock, 'second'> & { second?: number }, timeZone: string = JAPAN_TIME_ZONE): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  const first = guess - offsetMs(new Date(guess), timeZone);
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** "HH:MM" → minutes after midnight; throws on a malformed setting, which is a configuration bug. */
export function minutesOfDay(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`invalid time of day setting: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/*
 * SPEC R-TRX-3: the bank calendar. Dates are 'YYYY-MM-DD' strings of Japan's calendar, computed as UTC days
 * (a calendar date has no zone); only "today" depends on the clock, read in the rules' zone explicitly.
 */

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** UTC midnight of the date, or null when the string is no real date (2026-02-30, 2026-2-3). */
export function utcDay(ymd: string): number | null {
  const m = YMD.exec(ymd);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === ymd ? t : null;
}

const ymdOf = (utcMs: number): string => new Date(utcMs).toISOString().slice(0, 10);

export function isCalendarDate(ymd: string): boolean {
  return utcDay(ymd) !== null;
}

/** The date `days` after (or before, when negative) a valid date. */
export function addDays(ymd: string, days: number): string {
  const t = utcDay(ymd);
  if (t === null) throw new Error(`not a date: ${ymd}`);
  return ymdOf(t + days * DAY_MS);
}

/** The date the clock shows in the zone at that instant (Japan's today for a UTC clock near midnight). */
export function dateIn(instant: Date, timeZone: string = JAPAN_TIME_ZONE): string {
  const w = wallClockAt(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
