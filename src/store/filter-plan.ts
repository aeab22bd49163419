/**
 * What an EventFilter means, before any SQL: actor keys (a code prefix in capitals or an actor id),
 * date ranges as first days, place terms, page sizes. Each backend turns these into its own dialect
 * (src/store/sqlite/filter.ts, src/store/postgres/filter.ts).
 */
import { RasadError } from '../errors.js';
import { firstDay, placeKeyAr, placeKeyEn } from './rows.js';

/** A code prefix (`SYR`, `SYRGOV`) as opposed to an actor id (`bashar-al-assad`, `Q1065`). */
export function isCodePrefix(key: string): boolean {
  return /^[A-Z]+$/.test(key);
}

/** The smallest string greater than every string starting with `prefix`. */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function checkDate(name: string, value: string): string {
  const v = value.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
  if (!DATE.test(v))
    throw new RasadError('BAD_DATE', `filter "${name}" is "${value}" (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
  return v;
}

/** The first day after the period a `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date names. */
function dayAfter(date: string): string {
  if (date.length === 4) return `${Number(date) + 1}-01-01`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date range as bounds on an event's first day: `day >= from` and `day < before` (`to` is
 * inclusive of its whole day, month or year); null where the range is open.
 */
export function dayBounds(
  from: string | undefined,
  to: string | undefined,
): { from: string | null; before: string | null } {
  return {
    from: from ? firstDay(checkDate('from', from)) : null,
    before: to ? dayAfter(checkDate('to', to)) : null,
  };
}

/** A place filter: its English and Arabic keys, and the country when it is a 3-letter code. */
export function placeTerms(place: string): { en: string; ar: string; country: string | null } {
  const p = place.trim();
  return {
    en: placeKeyEn(p),
    ar: placeKeyAr(p),
    country: /^[A-Za-z]{3}$/.test(p) ? p.toUpperCase() : null,
  };
}

/** Page size: `fallback` when not given, clamped to 1..1000. */
export function limitOf(limit: number | undefined, fallback = 50): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(1000, Math.floor(limit)));
}

export function offsetOf(offset: number | undefined): number {
  if (offset === undefined || !Number.isFinite(offset)) return 0;
  return Math.max(0, Math.floor(offset));
}
