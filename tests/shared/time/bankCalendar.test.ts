import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../main/config/rules';
import { earliestTransferDate, isBankBusinessDay, isPastCutOff, nextBankBusinessDay, transferDateRefusal } from '../../../shared/time/bankCalendar';
import { addDays, dateIn } from '../../../shared/time/japan';
import { jst } from '../../support/clock';

/** SPEC R-TRX-3: the bank calendar, with the real 2026/2027 holidays of holiday_jp's list. */
const rules = defaultRules.transfers;

describe('bank business days (SPEC R-TRX-3)', () => {
  it.each([
    ['2026-12-01', 'a Tuesday'],
    ['2027-01-04', 'the first business day of 2027'],
    ['2026-12-30', 'the last business day of 2026'],
    ['2027-01-12', 'the day after 成人の日'],
  ])('R-TRX-3: %s is a business day (%s)', (ymd) => {
    expect(isBankBusinessDay(ymd)).toBe(true);
  });

  it.each([
    ['2027-01-11', '成人の日 (a Monday)'],
    ['2026-05-06', 'こどもの日 振替休日 (a Wednesday)'],
    ['2026-09-22', '国民の休日 between 敬老の日 and 秋分の日'],
    ['2026-11-23', '勤労感謝の日 (a Monday)'],
    ['2027-03-22', '春分の日 振替休日 (a Monday)'],
    ['2026-12-31', '大晦日: a Thursday, no national holiday'],
    ['2027-01-01', '元日'],
    ['2027-01-02', 'year-end closing (a Saturday)'],
    ['2028-01-03', 'year-end closing on a Monday'],
    ['2026-12-05', 'a Saturday'],
    ['2026-12-06', 'a Sunday'],
    ['2026-02-30', 'no such date'],
    ['2026-2-3', 'not YYYY-MM-DD'],
  ])('R-TRX-3: %s is not a business day (%s)', (ymd) => {
    expect(isBankBusinessDay(ymd)).toBe(false);
  });

  it('R-TRX-3: the next business day skips weekends, holidays and 12/31-1/3', () => {
    expect(nextBankBusinessDay('2026-12-30')).toBe('2027-01-04');
    expect(nextBankBusinessDay('2027-01-08')).toBe('2027-01-12'); // Friday → over the weekend and 成人の日
    expect(nextBankBusinessDay('2026-05-01')).toBe('2026-05-07'); // ゴールデンウィーク and its 振替休日
    expect(nextBankBusinessDay('2026-12-01')).toBe('2026-12-02');
  });

  it('R-TRX-3: date arithmetic crosses months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(() => addDays('2026-13-01', 1)).toThrow();
  });
});

describe('the cut-off and the transfer date (SPEC R-TRX-3)', () => {
  it('R-TRX-3: the cut-off is 15:00:00 JST: 14:59:59 is before it, 15:00:00 is past it', () => {
    expect(isPastCutOff(jst('2026-12-01T14:59:59'), rules)).toBe(false);
    expect(isPastCutOff(jst('2026-12-01T15:00:00'), rules)).toBe(true);
    expect(transferDateRefusal('2026-12-01', jst('2026-12-01T14:59:59'), rules)).toBeNull();
    expect(transferDateRefusal('2026-12-01', jst('2026-12-01T15:00:00'), rules)).toBe('PAST_CUT_OFF');
    expect(transferDateRefusal('2026-12-02', jst('2026-12-01T15:00:00'), rules)).toBeNull();
  });

  it('R-TRX-3: the cut-off is a setting', () => {
    const late = { ...rules, cutOff: '17:30' };
    expect(transferDateRefusal('2026-12-01', jst('2026-12-01T17:29:59'), late)).toBeNull();
    expect(transferDateRefusal('2026-12-01', jst('2026-12-01T17:30:00'), late)).toBe('PAST_CUT_OFF');
  });

  it("R-TRX-3: a UTC clock near midnight is read as Japan's date", () => {
    // 2026-12-01T23:30Z is 08:30 on 12/2 in Japan: 12/1 is past, 12/2 is today and before the cut-off.
    const now = new Date('2026-12-01T23:30:00Z');
    expect(dateIn(now)).toBe('2026-12-02');
    expect(transferDateRefusal('2026-12-01', now, rules)).toBe('PAST');
    expect(transferDateRefusal('2026-12-02', now, rules)).toBeNull();
    // 2026-12-01T14:59:59Z is 23:59:59 on 12/1 in Japan: today is past the cut-off, not yet 12/2.
    const beforeMidnight = new Date('2026-12-01T14:59:59Z');
    expect(transferDateRefusal('2026-12-01', beforeMidnight, rules)).toBe('PAST_CUT_OFF');
    expect(earliestTransferDate(beforeMidnight, rules)).toBe('2026-12-02');
    expect(earliestTransferDate(new Date('2026-12-01T15:00:00Z'), rules)).toBe('2026-12-02');
  });

  it('R-TRX-3: a holiday, a weekend day and the year-end are refused as not business days', () => {
    const now = jst('2026-12-28T10:00:00');
    expect(transferDateRefusal('2026-12-31', now, rules)).toBe('NOT_BUSINESS_DAY');
    expect(transferDateRefusal('2027-01-02', now, rules)).toBe('NOT_BUSINESS_DAY');
    expect(transferDateRefusal('2027-01-11', now, rules)).toBe('NOT_BUSINESS_DAY');
    expect(transferDateRefusal('2027-01-12', now, rules)).toBeNull();
  });

  it('R-TRX-3: at most 30 days ahead: day 30 is accepted, day 31 refused', () => {
    const now = jst('2026-12-01T10:00:00');
    expect(transferDateRefusal('2026-12-31', now, rules)).toBe('NOT_BUSINESS_DAY'); // day 30, closed
    expect(transferDateRefusal('2026-12-30', now, rules)).toBeNull(); // day 29
    const fromNov = jst('2026-11-04T10:00:00');
    expect(transferDateRefusal('2026-12-04', fromNov, rules)).toBeNull(); // day 30, a Friday
    expect(transferDateRefusal('2026-12-07', fromNov, rules)).toBe('TOO_FAR'); // day 33, a Monday
    expect(transferDateRefusal('2026-12-05', fromNov, rules)).toBe('TOO_FAR'); // day 31 beats "a Saturday"
  });

  it('R-TRX-3: a past date and a malformed one have their own reasons', () => {
    const now = jst('2026-12-02T09:00:00');
    expect(transferDateRefusal('2026-12-01', now, rules)).toBe('PAST');
    expect(transferDateRefusal('2026-12-32', now, rules)).toBe('NOT_A_DATE');
    expect(transferDateRefusal('20261203', now, rules)).toBe('NOT_A_DATE');
  });

  it('R-TRX-3: the earliest date is today before the cut-off, else the next business day', () => {
    expect(earliestTransferDate(jst('2026-12-01T09:00:00'), rules)).toBe('2026-12-01');
    expect(earliestTransferDate(jst('2027-01-08T15:00:00'), rules)).toBe('2027-01-12');
    expect(earliestTransferDate(jst('2027-01-02T09:00:00'), rules)).toBe('2027-01-04');
  });
});
