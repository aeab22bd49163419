/**
 * Hijri ↔ Gregorian conversion.
 *
 * Uses the Umm al-Qura calendar of ICU (`Intl.DateTimeFormat` with `islamic-umalqura`, built into
 * Node 20 with full ICU) when available and sane; otherwise the tabular (arithmetic, civil epoch)
 * Islamic calendar, which agrees with Umm al-Qura to within a day or two.
 * All dates are day numbers (days since 1970-01-01), see calendar.ts.
 */

import { dayNumber, fromDayNumber, type YMD } from './calendar.js';

/** Julian day number of 1970-01-01 (at noon). */
const JD_UNIX = 2440588;

/** Tabular Islamic calendar (type II leap years, civil epoch 622-07-16 Julian). */
export function tabularToDayNumber(y: number, m: number, d: number): number {
  const jd = d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + 1948439;
  return jd - JD_UNIX;
}

export function tabularFromDayNumber(dn: number): YMD {
  const jd = dn + JD_UNIX;
  const y = Math.floor((30 * (jd - 1948440) + 10646) / 10631);
  let m = Math.min(12, Math.ceil((jd - (29 + tabularToDayNumber(y, 1, 1) + JD_UNIX)) / 29.5) + 1);
  if (m < 1) m = 1;
  const d = jd - (tabularToDayNumber(y, m, 1) + JD_UNIX) + 1;
  return { y, m, d };
}

let intlFmt: Intl.DateTimeFormat | null = null;
try {
  intlFmt = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  if (intlFmt.resolvedOptions().calendar !== 'islamic-umalqura') intlFmt = null;
} catch {
  intlFmt = null;
}

function intlFromDayNumber(fmt: Intl.DateTimeFormat, dn: number): YMD | null {
  let y = Number.NaN;
  let m = Number.NaN;
  let d = Number.NaN;
  for (const p of fmt.formatToParts(new Date(dn * 86_400_000))) {
    if (p.type === 'year') y = Number.parseInt(p.value, 10);
    else if (p.type === 'month') m = Number.parseInt(p.value, 10);
    else if (p.type === 'day') d = Number.parseInt(p.value, 10);
  }
  return Number.isFinite(y) && Number.isFinite(m) && Number.isFinite(d) ? { y, m, d } : null;
}

// Sanity check against a known date: 1 Ramadan 1436 = 2015-06-18 (Umm al-Qura).
if (intlFmt) {
  const h = intlFromDayNumber(intlFmt, dayNumber(2015, 6, 18));
  if (h?.y !== 1436 || h.m !== 9 || h.d !== 1) intlFmt = null;
}

/** True when ICU's Umm al-Qura calendar is used (false: tabular fallback). */
export const USING_UMM_AL_QURA = intlFmt !== null;

const fromCache = new Map<number, YMD>();

/** Hijri date of a day number (cached: ICU formatting costs microseconds). */
export function hijriFromDayNumber(dn: number): YMD {
  const hit = fromCache.get(dn);
  if (hit) return { ...hit };
  let h = intlFmt ? intlFromDayNumber(intlFmt, dn) : null;
  h ??= tabularFromDayNumber(dn);
  if (fromCache.size > 10_000) fromCache.clear();
  fromCache.set(dn, h);
  return { ...h };
}

export function hijriFromGregorian(y: number, m: number, d: number): YMD {
  return hijriFromDayNumber(dayNumber(y, m, d));
}

const monthStartCache = new Map<number, number>();

/** Day number of the 1st of a Hijri month. */
export function hijriMonthStart(y: number, m: number): number {
  const key = y * 16 + m;
  const hit = monthStartCache.get(key);
  if (hit !== undefined) return hit;
  let dn = tabularToDayNumber(y, m, 1);
  if (intlFmt) {
    const want = y * 12 + m;
    for (let k = 0; k < 8; k++) {
      const h = hijriFromDayNumber(dn);
      const got = h.y * 12 + h.m;
      if (got === want) {
        dn -= h.d - 1;
        break;
      }
      // before the month: step forward; after it: jump back past the start of the month found
      dn += got < want ? 1 : -h.d;
    }
  }
  if (monthStartCache.size > 10_000) monthStartCache.clear();
  monthStartCache.set(key, dn);
  return dn;
}

/** Day number of a Hijri date (day 30 of a 29-day month rolls over to the next month's 1st). */
export function hijriToDayNumber(y: number, m: number, d: number): number {
  return hijriMonthStart(y, m) + (d - 1);
}

export function hijriToGregorian(y: number, m: number, d: number): YMD {
  return fromDayNumber(hijriToDayNumber(y, m, d));
}

/** Number of days of a Hijri month (29 or 30). */
export function hijriMonthLength(y: number, m: number): number {
  const next = m === 12 ? hijriMonthStart(y + 1, 1) : hijriMonthStart(y, m + 1);
  return next - hijriMonthStart(y, m);
}
