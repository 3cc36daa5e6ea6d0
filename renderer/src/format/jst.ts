import type { Lang } from '../stores/language';

/**
 * Times are shown in Japan time whatever the computer's zone (SPEC R-REV-5), in the guide's format
 * `2026年11月25日 08時10分`. Parts come from Intl so no local-zone arithmetic happens here.
 */
const jst = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Wall = { year: string; month: string; day: string; hour: string; minute: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function wallClock(iso: string): Wall {
  const parts = jst.formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const englishDate = (w: Wall) => `${MONTHS[Number(w.month) - 1]} ${Number(w.day)}, ${w.year}`;

/** `2026年11月25日 08時10分` / `Nov 25, 2026 08:10 JST`. */
export function formatDateTime(iso: string, lang: Lang): string {
  const w = wallClock(iso);
  return lang === 'ja'
    ? `${w.year}年${w.month}月${w.day}日 ${w.hour}時${w.minute}分`
    : `${englishDate(w)} ${w.hour}:${w.minute} JST`;
}

/** `2021年06月01日` / `Jun 1, 2021`. */
export function formatDate(iso: string, lang: Lang): string {
  const w = wallClock(iso);
  return lang === 'ja' ? `${w.year}年${w.month}月${w.day}日` : englishDate(w);
}

/**
 * A Japan calendar day (`2026-11-24`, as <input type="date"> gives it) as the ISO instants of its first and last
 * millisecond: Japan has no daylight saving, so +09:00 is always right, whatever the computer's zone.
 */
export const jstDayStart = (date: string): string => new Date(`${date}T00:00:00.000+09:00`).toISOString();
export const jstDayEnd = (date: string): string => new Date(`${date}T23:59:59.999+09:00`).toISOString();
