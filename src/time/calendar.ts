/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01, UTC),
 * and the document anchor (`published` → `YYYY-MM-DD`).
 */

const MS_PER_DAY = 86_400_000;

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return MONTH_DAYS[m - 1] ?? 0;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Day number of a Gregorian date (1970-01-01 = 0). */
export function dayNumber(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function fromDayNumber(dn: number): YMD {
  const t = new Date(dn * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dn: number): number {
  return (((dn + 4) % 7) + 7) % 7;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

export function fmtYear(y: number): string {
  return pad(y, 4);
}
export function fmtMonth(y: number, m: number): string {
  return pad(y, 4) + '-' + pad(m, 2);
}
export function fmtDate(y: number, m: number, d: number): string {
  return pad(y, 4) + '-' + pad(m, 2) + '-' + pad(d, 2);
}
export function fmtDayNumber(dn: number): string {
  const { y, m, d } = fromDayNumber(dn);
  return fmtDate(y, m, d);
}

/** Month index (y * 12 + m - 1), for month arithmetic. */
export function monthIndex(y: number, m: number): number {
  return y * 12 + (m - 1);
}
export function fmtMonthIndex(mi: number): string {
  return fmtMonth(Math.floor(mi / 12), (mi % 12) + 1);
}

const ANCHOR_RE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;

/**
 * The document anchor: `YYYY-MM-DD` from `published` given as `YYYY-MM-DD` or full ISO-8601
 * (`2025-12-24T10:30:00+03:00`). The calendar date is taken as written (the publisher's local
 * date), not converted to UTC. Null when absent or invalid.
 */
export function anchorDate(published: string | null | undefined): string | null {
  if (typeof published !== 'string') return null;
  const m = ANCHOR_RE.exec(published);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidDate(y, mo, d)) return null;
  return fmtDate(y, mo, d);
}

/** Parse a `YYYY-MM-DD` string produced by `anchorDate`. */
export function parseYMD(s: string): YMD {
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}
