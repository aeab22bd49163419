import { describe, expect, it } from 'vitest';
import { dayNumber, fmtDate } from './calendar.js';
import {
  hijriFromDayNumber,
  hijriFromGregorian,
  hijriMonthLength,
  hijriToDayNumber,
  hijriToGregorian,
  tabularFromDayNumber,
  tabularToDayNumber,
  USING_UMM_AL_QURA,
} from './hijri.js';
import { hijriMonth, hijriYear } from './resolve.js';

const g = (y: number, m: number, d: number) => {
  const r = hijriToGregorian(y, m, d);
  return fmtDate(r.y, r.m, r.d);
};

describe('Hijri → Gregorian (Umm al-Qura)', () => {
  it('uses ICU Umm al-Qura in Node 20', () => {
    expect(USING_UMM_AL_QURA).toBe(true);
  });

  it.each([
    // known dates of the Saudi Umm al-Qura calendar
    [1436, 9, 1, '2015-06-18'], // 1 Ramadan 1436
    [1436, 10, 1, '2015-07-17'], // Eid al-Fitr 1436
    [1447, 1, 1, '2025-06-26'], // 1 Muharram 1447
    [1445, 9, 1, '2024-03-11'], // 1 Ramadan 1445
    [1446, 9, 1, '2025-03-01'], // 1 Ramadan 1446
    [1436, 12, 10, '2015-09-23'], // Eid al-Adha 1436
    [1447, 7, 4, '2025-12-24'],
  ])('%i-%i-%i → %s', (y, m, d, want) => {
    expect(g(y, m, d)).toBe(want);
    const back = hijriFromGregorian(
      Number(want.slice(0, 4)),
      Number(want.slice(5, 7)),
      Number(want.slice(8)),
    );
    expect(back).toEqual({ y, m, d });
  });

  it('round-trips every day 1900–2100 and months are 29 or 30 days', () => {
    for (let dn = dayNumber(1900, 1, 1); dn < dayNumber(2100, 1, 1); dn += 1) {
      const h = hijriFromDayNumber(dn);
      if (hijriToDayNumber(h.y, h.m, h.d) !== dn) throw new Error(`round trip failed at ${dn}`);
    }
    for (let y = 1420; y < 1460; y++) {
      for (let m = 1; m <= 12; m++) expect([29, 30]).toContain(hijriMonthLength(y, m));
    }
  });

  it('tabular calendar round-trips and stays within 2 days of Umm al-Qura', () => {
    for (let dn = dayNumber(1950, 1, 1); dn < dayNumber(2050, 1, 1); dn += 3) {
      const t = tabularFromDayNumber(dn);
      expect(tabularToDayNumber(t.y, t.m, t.d)).toBe(dn);
      const h = hijriFromDayNumber(dn);
      expect(Math.abs(tabularToDayNumber(h.y, h.m, h.d) - dn)).toBeLessThanOrEqual(2);
    }
  });

  it('Hijri month and year as Gregorian month / year', () => {
    expect(hijriMonth(1436, 10)).toBe('2015-07'); // Shawwal 1436: 17 Jul – 15 Aug 2015
    expect(hijriMonth(1436, 9)).toBe('2015-07'); // Ramadan 1436: its 15th is 2 Jul
    expect(hijriYear(1436)).toBe('2015');
    expect(hijriYear(1396)).toBe('1976');
  });
});
