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
  /**
   * No word. Month names: the occurrence from 8 months before to 3 months after the anchor's
   * month (news mostly reports the past). Weekdays: on or before the anchor.
   */
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
    case 'nearest':
      return y + windowShift(month - m);
  }
}

/** Months before / after the anchor's month that a month name without a year may refer to. */
export const WINDOW_BACK = 8;
export const WINDOW_AHEAD = 3;

/** Year shift putting a month `diff` months from the anchor's month (−11..11) in the window. */
function windowShift(diff: number): number {
  if (diff > WINDOW_AHEAD) return -1;
  if (diff < -WINDOW_BACK) return 1;
  return 0;
}

/**
 * `15 أكتوبر` without a year: the month in the window (see `Direction`); 29 February in a
 * common year: the most recent 29 February before the anchor.
 */
export function gregorianDayNearest(anchor: number, month: number, day: number): string | null {
  const y = gregorianMonthYear(anchor, month, 'nearest');
  if (isValidDate(y, month, day)) return fmtDate(y, month, day);
  if (month !== 2 || day !== 29) return null;
  for (let yy = fromDayNumber(anchor).y; yy > y - 8; yy--) {
    if (isValidDate(yy, 2, 29) && Date.UTC(yy, 1, 29) / 86_400_000 <= anchor) return fmtDate(yy, 2, 29);
  }
  return null;
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
    case 'nearest':
      return y + windowShift(month - m);
  }
}

/** `15 رمضان` without a year: the Hijri month in the window (as for Gregorian months). */
export function hijriDayNearest(anchor: number, month: number, day: number): string | null {
  if (day < 1 || day > 30) return null;
  return fmtDayNumber(hijriToDayNumber(hijriMonthYear(anchor, month, 'nearest'), month, day));
}

export function anchorHijriYear(anchor: number): number {
  return hijriFromDayNumber(anchor).y;
}
