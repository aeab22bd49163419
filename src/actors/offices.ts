/**
 * Dated offices: which office a person holds on a date, and who holds an office.
 *
 *   Walid al-Muallem, SYRGOV foreign_minister 2006-02-11..2020-11-16
 *   officeAt(muallem, '2015-08-01') → SYRGOV foreign_minister; officeAt(muallem, '2025-12-24') → null
 */
import type { Office, Person } from '../kb/types.js';

/** Lower bound of a partial date: `2015` → `2015-01-01`. */
export function dateFloor(d: string): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d.slice(0, 10);
}

/** Upper bound of a partial date: `2015` → `2015-12-31`. */
export function dateCeil(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) return `${d}-31`;
  return d.slice(0, 10);
}

export function officeCovers(o: Office, date: string): boolean {
  const lo = dateFloor(date);
  const hi = dateCeil(date);
  if (o.from && dateFloor(o.from) > hi) return false;
  if (o.to && dateCeil(o.to) < lo) return false;
  return true;
}

/**
 * The office a person holds on `date` (the most recently started when several), or, with no
 * date, the most recent office. Null when the person held no office then.
 */
export function officeAt(p: Person, date: string | null): Office | null {
  if (p.offices.length === 0) return null;
  if (!date) return latest(p.offices);
  let best: Office | null = null;
  for (const o of p.offices) {
    if (!officeCovers(o, date)) continue;
    if (!best || (o.from ?? '') > (best.from ?? '')) best = o;
  }
  return best;
}

/** All offices held on a date. */
export function officesAt(p: Person, date: string | null): Office[] {
  if (!date) {
    const l = latest(p.offices);
    return l ? [l] : [];
  }
  return p.offices.filter((o) => officeCovers(o, date));
}

function latest(os: Office[]): Office | null {
  let best: Office | null = null;
  for (const o of os) if (!best || (o.from ?? '') >= (best.from ?? '')) best = o;
  return best;
}

/** Country part of an actor code: `SYRGOV` → `SYR`; IGO/IMG/NGO codes → null. */
export function codeCountry(code: string): string | null {
  const c = code.slice(0, 3);
  if (c === 'IGO' || c === 'IMG' || c === 'NGO' || c === 'MNC' || c === 'INT') return null;
  return c;
}
