import { describe, expect, it } from 'vitest';
import { anchorDate, dayNumber, daysInMonth, fmtDayNumber, isLeapYear, weekdayOf } from './calendar.js';

describe('anchorDate', () => {
  it.each([
    ['2025-12-24', '2025-12-24'],
    ['2025-12-24T10:30:00Z', '2025-12-24'],
    // the publisher's local date, as written, not converted to UTC
    ['2025-12-24T01:30:00+03:00', '2025-12-24'],
    ['2015-07-21T23:59:59.000-05:00', '2015-07-21'],
    ['2015-07-21 08:00', '2015-07-21'],
    ['2024-02-29', '2024-02-29'],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['24/12/2025', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%s → %s', (input, want) => {
    expect(anchorDate(input)).toBe(want);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('leap year %i: %s', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
    expect(daysInMonth(y, 2)).toBe(leap ? 29 : 28);
  });

  it('day numbers round-trip and weekdays', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(fmtDayNumber(dayNumber(2024, 2, 29) + 1)).toBe('2024-03-01');
    expect(fmtDayNumber(dayNumber(2025, 3, 1) - 1)).toBe('2025-02-28');
    expect(fmtDayNumber(dayNumber(2025, 1, 1) - 1)).toBe('2024-12-31');
    // 2025-12-24 is a Wednesday (3), 2015-07-21 a Tuesday (2)
    expect(weekdayOf(dayNumber(2025, 12, 24))).toBe(3);
    expect(weekdayOf(dayNumber(2015, 7, 21))).toBe(2);
    expect(weekdayOf(dayNumber(622, 7, 19))).toBe(5);
  });
});
