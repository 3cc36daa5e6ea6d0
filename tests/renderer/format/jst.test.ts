import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, jstDayEnd, jstDayStart } from '../../../renderer/src/format/jst';

describe('Japan time on screen whatever the computer zone (SPEC R-REV-5)', () => {
  it('formats an instant in the guide format in Japan time, and in English with JST', () => {
    // 23:30 UTC is 08:30 the next morning in Tokyo.
    expect(formatDateTime('2026-11-24T23:30:00.000Z', 'ja')).toBe('2026年11月25日 08時30分');
    expect(formatDateTime('2026-11-24T23:30:00.000Z', 'en')).toBe('Nov 25, 2026 08:30 JST');
    expect(formatDate('2026-03-31T14:59:00.000Z', 'ja')).toBe('2026年03月31日');
    expect(formatDate('2021-06-01T00:00:00.000Z', 'en')).toBe('Jun 1, 2021');
  });

  it('midnight in Tokyo is 00時00分, never 24時', () => {
    expect(formatDateTime('2026-11-24T15:00:00.000Z', 'ja')).toBe('2026年11月25日 00時00分');
  });

  it('a Japan calendar day spans +09:00 midnight to 23:59:59.999', () => {
    expect(jstDayStart('2026-11-24')).toBe('2026-11-23T15:00:00.000Z');
    expect(jstDayEnd('2026-11-24')).toBe('2026-11-24T14:59:59.999Z');
  });
});
