/**
 * The bank calendar of SPEC R-TRX-3 over the Japan-time helpers of japan.ts. Its own module because the holiday
 * list is a large table: only what needs business days loads it, never the renderer's first screen.
 */
/** The national holidays come from holiday_jp's maintained list (Cabinet Office data), never from a table of ours. */
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, dateIn, isCalendarDate, minutesOfDay, utcDay, wallClockAt } from './japan';

/** Banks close for the year-end holidays (年末年始, 12/31-1/3) although only 1/1 is a national holiday. */
const isYearEnd = (ymd: string): boolean => ['12-31', '01-01', '01-02', '01-03'].includes(ymd.slice(5));

export function isBankBusinessDay(ymd: string): boolean {
  const t = utcDay(ymd);
  if (t === null) return false;
  const weekday = new Date(t).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !Object.hasOwn(holidayJp.holidays, ymd) && !isYearEnd(ymd);
}

/** The first bank business day strictly after the date. */
export function nextBankBusinessDay(ymd: string): string {
  let d = addDays(ymd, 1);
  while (!isBankBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** SPEC R-TRX-3 and its Readings (main/config/rules.ts holds the values). */
export type TransferDateRules = {
  /** "HH:MM" in `timeZone`: a transfer for today is accepted strictly before it. */
  readonly cutOff: string;
  /** The furthest 振込指定日, in calendar days after today. */
  readonly maxDaysAhead: number;
  readonly timeZone: string;
};

/** At or after the cut-off of the day the clock shows in the rules' zone (15:00:00 JST is past it, 14:59:59 is not). */
export function isPastCutOff(now: Date, rules: TransferDateRules): boolean {
  const w = wallClockAt(now, rules.timeZone);
  return w.hour * 3600 + w.minute * 60 + w.second >= minutesOfDay(rules.cutOff) * 60;
}

/** The earliest 振込指定日 accepted now: today before the cut-off of a business day, else the next business day. */
export function earliestTransferDate(now: Date, rules: TransferDateRules): string {
  const today = dateIn(now, rules.timeZone);
  return isBankBusinessDay(today) && !isPastCutOff(now, rules) ? today : nextBankBusinessDay(today);
}

export const TRANSFER_DATE_REFUSALS = ['NOT_A_DATE', 'PAST', 'TOO_FAR', 'NOT_BUSINESS_DAY', 'PAST_CUT_OFF'] as const;
export type TransferDateRefusal = (typeof TRANSFER_DATE_REFUSALS)[number];

/** Why a 振込指定日 is refused at `now` (SPEC R-TRX-3), or null when it is accepted. */
export function transferDateRefusal(dateYmd: string, now: Date, rules: TransferDateRules): TransferDateRefusal | null {
  if (!isCalendarDate(dateYmd)) return 'NOT_A_DATE';
  const today = dateIn(now, rules.timeZone);
  // ISO dates compare as strings in calendar order.
  if (dateYmd < today) return 'PAST';
  if (dateYmd > addDays(today, rules.maxDaysAhead)) return 'TOO_FAR';
  if (!isBankBusinessDay(dateYmd)) return 'NOT_BUSINESS_DAY';
  if (dateYmd === today && isPastCutOff(now, rules)) return 'PAST_CUT_OFF';
  return null;
}
