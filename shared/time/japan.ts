/**
 * Wall-clock arithmetic in a named time zone through Intl, never through the machine's local zone
 * (DESIGN-NOTES 5): the rules of SPEC R-REV-5 and every time on screen or in an export are Japan time on every
 * computer. Shared by main and renderer; pure, no Node.
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
