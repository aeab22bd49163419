/**
 * Resolution of time expressions against the anchor (the publication date).
 * Every function takes the anchor as a day number (see calendar.ts) and returns a value string
 * (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), or null when the date does not exist.
 */

import {
  daysInMonth,
  fmtDate,
  fmtDayNumber,
  fmtMonth,
  fmtMonthIndex,
  fmtYear,
  fromDayNumber,
  isValidDate,
  monthIndex,
  weekdayOf,
} from './calendar.js';
import { hijriFromDayNumber, hijriToDayNumber } from './hijri.js';

/** How a named month / weekday relates to the anchor. */
export type Direction =
  /** الماضي: strictly before the anchor's month (weekday: strictly before the anchor day). */
  | 'past'
  /** المقبل / القادم: strictly after. */
  | 'next'
  /** الجاري / الحالي: the anchor's year (month names). */
  | 'current'
  /** No word: the occurrence nearest to the anchor (weekday: on or before the anchor). */
  | 'nearest'
  /** Weekday in a future-tense sentence without a word: on or after the anchor. */
  | 'upcoming';

export function relativeDay(anchor: number, delta: number): string {
  return fmtDayNumber(anchor + delta);
}

/**
 * Weekday (0 = Sunday) relative to the anchor. `extraWeeks` moves whole weeks further away
 * from the anchor (`الأحد قبل الماضي`, `الأحد بعد المقبل`).
 */
export function resolveWeekday(anchor: number, weekday: number, dir: Direction, extraWeeks = 0): string {
  const a = weekdayOf(anchor);
  let dn: number;
  if (dir === 'next' || dir === 'upcoming') {
    let delta = (weekday - a + 7) % 7;
    if (delta === 0 && dir === 'next') delta = 7;
    dn = anchor + delta + 7 * extraWeeks;
  } else {
    let delta = (a - weekday + 7) % 7;
    if (delta === 0 && dir === 'past') delta = 7;
    dn = anchor - delta - 7 * extraWeeks;
  }
  return fmtDayNumber(dn);
}

/** Year of a Gregorian month (1..12) named relative to the anchor. */
export function gregorianMonthYear(anchor: number, month: number, dir: Direction): number {
  const { y, m } = fromDayNumber(anchor);
  switch (dir) {
    case 'past':
      return month < m ? y : y - 1;
    case 'next':
    case 'upcoming':
      return month > m ? y : y + 1;
    case 'current':
      return y;
    case 'nearest': {
      // nearest month; a tie (6 months either way) goes to the past
      const diff = month - m;
      if (diff > 6) return y - 1;
      if (diff < -6) return y + 1;
      return y;
    }
  }
}

/** `15 أكتوبر` without a year: the nearest such date (Feb 29: nearest leap year). */
export function gregorianDayNearest(anchor: number, month: number, day: number): string | null {
  const { y } = fromDayNumber(anchor);
  let best: string | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  for (let yy = y - 4; yy <= y + 4; yy++) {
    if (!isValidDate(yy, month, day)) continue;
    const dist = Math.abs(Date.UTC(yy, month - 1, day) / 86_400_000 - anchor);
    // strict `<`: on a tie the earlier (past) date wins
    if (dist < bestDist) {
      bestDist = dist;
      best = fmtDate(yy, month, day);
    }
  }
  return best;
}

export function gregorianDay(y: number, month: number, day: number): string | null {
  return isValidDate(y, month, day) ? fmtDate(y, month, day) : null;
}

/** Anchor's month shifted by `delta` months (`الشهر الماضي` = −1). */
export function relativeMonth(anchor: number, delta: number): string {
  const { y, m } = fromDayNumber(anchor);
  return fmtMonthIndex(monthIndex(y, m) + delta);
}

/** Day `day` of the anchor's month shifted by `delta` (`15 من الشهر الماضي`). */
export function dayOfRelativeMonth(anchor: number, delta: number, day: number): string | null {
  const { y, m } = fromDayNumber(anchor);
  const mi = monthIndex(y, m) + delta;
  const yy = Math.floor(mi / 12);
  const mm = (mi % 12) + 1;
  return day <= daysInMonth(yy, mm) ? fmtDate(yy, mm, day) : null;
}

export function relativeYear(anchor: number, delta: number): string {
  return fmtYear(fromDayNumber(anchor).y + delta);
}

/** `منذ 3 أشهر`: anchor minus n months, month precision. */
export function monthsAgo(anchor: number, n: number): string {
  return relativeMonth(anchor, -n);
}

// ---- Hijri ----

/** Gregorian `YYYY-MM-DD` of a Hijri date, or null when the day is out of range. */
export function hijriDay(hy: number, hm: number, hd: number): string | null {
  if (hy < 1 || hy > 9000 || hm < 1 || hm > 12 || hd < 1 || hd > 30) return null;
  return fmtDayNumber(hijriToDayNumber(hy, hm, hd));
}

/** A Hijri month as the Gregorian month holding its 15th day (month precision). */
export function hijriMonth(hy: number, hm: number): string | null {
  if (hy < 1 || hy > 9000 || hm < 1 || hm > 12) return null;
  const { y, m } = fromDayNumber(hijriToDayNumber(hy, hm, 15));
  return fmtMonth(y, m);
}

/** A Hijri year as the Gregorian year holding its middle (1 Rajab) (year precision). */
export function hijriYear(hy: number): string | null {
  if (hy < 1 || hy > 9000) return null;
  return fmtYear(fromDayNumber(hijriToDayNumber(hy, 7, 1)).y);
}

/** Hijri year of a Hijri month named relative to the anchor (same rules as Gregorian months). */
export function hijriMonthYear(anchor: number, month: number, dir: Direction): number {
  const { y, m } = hijriFromDayNumber(anchor);
  switch (dir) {
    case 'past':
      return month < m ? y : y - 1;
    case 'next':
    case 'upcoming':
      return month > m ? y : y + 1;
    case 'current':
      return y;
    case 'nearest': {
      const diff = month - m;
      if (diff > 6) return y - 1;
      if (diff < -6) return y + 1;
      return y;
    }
  }
}

/** `15 رمضان` without a year: the nearest such Hijri date. */
export function hijriDayNearest(anchor: number, month: number, day: number): string | null {
  if (day < 1 || day > 30) return null;
  const { y } = hijriFromDayNumber(anchor);
  let best: number | null = null;
  for (let hy = y - 1; hy <= y + 1; hy++) {
    const dn = hijriToDayNumber(hy, month, day);
    if (best === null || Math.abs(dn - anchor) < Math.abs(best - anchor)) best = dn;
  }
  return best === null ? null : fmtDayNumber(best);
}

export function anchorHijriYear(anchor: number): number {
  return hijriFromDayNumber(anchor).y;
}
