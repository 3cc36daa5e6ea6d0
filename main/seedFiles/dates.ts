import { instantOf, wallClockAt } from '../../shared/time/japan';
import { reject } from './entries';

/**
 * The CSV's `expiry date`, in Japan time whatever the computer's zone (DESIGN-NOTES 5).
 * A date alone means the end of that day as the guide prints it, 23:59 JST (2026年03月31日 23時59分), the same
 * instant the rest of the app stores (main/demo). A time may follow, with 'T' or a space. Slashes and
 * unpadded numbers are accepted too, because Japanese Excel re-saves 2026-03-31 as 2026/3/31.
 * Empty → null (the caller decides); anything else, or a day that does not exist (2026-02-30) → BAD_EXPIRY.
 */
export function parseCsvExpiry(text: string): Date | null {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?$/.exec(t);
  if (!m) return reject('BAD_EXPIRY', 'not YYYY-MM-DD[THH:MM]');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute] = m[4] === undefined ? [23, 59] : [Number(m[4]), Number(m[5])];
  if (hour > 23 || minute > 59) return reject('BAD_EXPIRY', 'no such time');
  const instant = instantOf({ year, month, day, hour, minute });
  const back = wallClockAt(instant);
  // instantOf lets Date.UTC roll 02-30 over into March; reading the wall clock back catches it.
  if (back.year !== year || back.month !== month || back.day !== day) return reject('BAD_EXPIRY', 'no such day');
  return instant;
}

/**
 * PSKC's DeviceInfo and Policy dates are xs:dateTime. An explicit Z or ±HH:MM is honoured; a value without a zone
 * is read as UTC, as RFC 6030's examples write their dates (…Z), never in the machine's local zone.
 */
export function parseXsDateTime(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?(Z|([+-])(\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return reject('BAD_EXPIRY', 'not xs:dateTime');
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? '').padEnd(3, '0'));
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 02-30 over into March: a day or time that does not survive the round trip does not exist.
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return reject('BAD_EXPIRY', 'no such date');
  }
  const offsetMinutes = m[9] === undefined ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  return new Date(utc.getTime() - offsetMinutes * 60_000);
}

/** The earlier of two optional dates: a token is unusable once either its device or its key has expired. */
export const earliest = (a: Date | null, b: Date | null): Date | null => (a && b ? (a < b ? a : b) : (a ?? b));
