import { instantOf, wallClockAt } from '../../../shared/time/japan';
import type { Lang } from '../stores/language';

/**
 * Times are shown in Japan time whatever the computer's zone (SPEC R-REV-5), in the guide's format
 * `2026年11月25日 08時10分`, through the one Japan-time module the main process uses too (shared/time/japan.ts).
 */
type Wall = { year: string; month: string; day: string; hour: string; minute: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function wallClock(iso: string): Wall {
  const w = wallClockAt(new Date(iso));
  return { year: String(w.year), month: pad(w.month), day: pad(w.day), hour: pad(w.hour), minute: pad(w.minute) };
}

const englishDate = (w: Wall) => `${MONTHS[Number(w.month) - 1]} ${Number(w.day)}, ${w.year}`;

/** `2026年11月25日 08時10分` / `Nov 25, 2026 08:10 JST`. */
export function formatDateTime(iso: string, lang: Lang): string {
  const w = wallClock(iso);
  return lang === 'ja'
    ? `${w.year}年${w.month}月${w.day}日 ${w.hour}時${w.minute}分`
    : `${englishDate(w)} ${w.hour}:${w.minute} JST`;
}

/** Within the year, as the offline banner says it (R-OFF-5): `12月1日 10時33分` / `Dec 1 10:33 JST`. */
export function formatMonthDayTime(iso: string, lang: Lang): string {
  const w = wallClock(iso);
  return lang === 'ja'
    ? `${Number(w.month)}月${Number(w.day)}日 ${w.hour}時${w.minute}分`
    : `${MONTHS[Number(w.month) - 1]} ${Number(w.day)} ${w.hour}:${w.minute} JST`;
}

/** `2021年06月01日` / `Jun 1, 2021`. */
export function formatDate(iso: string, lang: Lang): string {
  const w = wallClock(iso);
  return lang === 'ja' ? `${w.year}年${w.month}月${w.day}日` : englishDate(w);
}

/** A Japan calendar day (`2026-11-24`, as <input type="date"> gives it) at a wall-clock time, as an ISO instant. */
function jstDayAt(date: string, hour: number, minute: number, second: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return instantOf({ year, month, day, hour, minute, second });
}

/** The ISO instants of a Japan calendar day's first and last millisecond, whatever the computer's zone. */
export const jstDayStart = (date: string): string => jstDayAt(date, 0, 0, 0).toISOString();
export const jstDayEnd = (date: string): string => new Date(jstDayAt(date, 23, 59, 59).getTime() + 999).toISOString();
