/**
 * EventFilter → SQL WHERE clause over `events e` (PostgreSQL), with the same meaning as the SQLite
 * backend's (src/store/sqlite/filter.ts): actor code prefixes are range scans on the code columns
 * ("C" collation, so byte order), actor ids exact matches, dates compare on the first day, the full
 * text goes through the article terms' GIN index.
 */
import { RasadError } from '../../errors.js';
import { queryGroups } from '../search-text.js';
import { firstDay, placeKeyAr, placeKeyEn } from '../sqlite/rows.js';
import type { EventFilter } from '../types.js';

/** Parameters of a query under construction; `add` returns the placeholder of a value. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** A code prefix (`SYR`, `SYRGOV`) as opposed to an actor id (`bashar-al-assad`, `Q1065`). */
export function isCodePrefix(key: string): boolean {
  return /^[A-Z]+$/.test(key);
}

/** The smallest string greater than every string starting with `prefix`. */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** Condition that one side of the event is the actor `key` (code prefix or actor id). */
export function sideCond(side: 'source' | 'target', key: string, p: Params): string {
  if (isCodePrefix(key))
    return `(e.${side}_code >= ${p.add(key)} AND e.${side}_code < ${p.add(prefixEnd(key))})`;
  return `e.${side}_actor = ${p.add(key)}`;
}

export function eitherCond(key: string, p: Params): string {
  return `(${sideCond('source', key, p)} OR ${sideCond('target', key, p)})`;
}

export function pairCond(a: string, b: string, p: Params): string {
  const ab = `${sideCond('source', a, p)} AND ${sideCond('target', b, p)}`;
  const ba = `${sideCond('source', b, p)} AND ${sideCond('target', a, p)}`;
  return `((${ab}) OR (${ba}))`;
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

/** Date range conditions on `e.day` (`to` is inclusive of its whole day, month or year). */
export function dateConds(
  from: string | undefined,
  to: string | undefined,
  conds: string[],
  p: Params,
): void {
  if (from) conds.push(`e.day >= ${p.add(firstDay(checkDate('from', from)))}`);
  if (to) conds.push(`e.day < ${p.add(dayAfter(checkDate('to', to)))}`);
}

/** A tsquery (as text, for a `::tsquery` cast) for the query words, or null when it has none. */
export function tsQuery(q: string): string | null {
  const groups = queryGroups(q);
  if (groups.length === 0) return null;
  const quote = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  return groups
    .map((g) => (g.length === 1 ? quote(g[0] ?? '') : `(${g.map(quote).join(' | ')})`))
    .join(' & ');
}

/** True when the filter restricts nothing (only paging or ordering). */
export function isEmptyFilter(f: EventFilter): boolean {
  return whereOf(f, new Params()) === 'TRUE';
}

/** The WHERE condition of a filter (`TRUE` when it restricts nothing); values go to `p`. */
export function whereOf(f: EventFilter, p: Params): string {
  const conds: string[] = [];
  if (f.actor) conds.push(eitherCond(f.actor, p));
  if (f.source) conds.push(sideCond('source', f.source, p));
  if (f.target) conds.push(sideCond('target', f.target, p));
  if (f.pair) conds.push(pairCond(f.pair[0], f.pair[1], p));
  if (f.country) {
    const c = p.add(f.country.toUpperCase());
    conds.push(`(e.source_country = ${c} OR e.target_country = ${c} OR e.place_country = ${c})`);
  }
  if (f.code) conds.push(`e.code >= ${p.add(f.code)} AND e.code < ${p.add(prefixEnd(f.code))}`);
  if (f.quad && f.quad.length > 0) conds.push(`e.quad = ANY(${p.add(f.quad)}::int[])`);
  dateConds(f.from, f.to, conds, p);
  if (f.modality && f.modality.length > 0) conds.push(`e.modality = ANY(${p.add(f.modality)}::text[])`);
  if (f.place) {
    const pl = f.place.trim();
    const parts = [`e.place_key_en = ${p.add(placeKeyEn(pl))}`, `e.place_key_ar = ${p.add(placeKeyAr(pl))}`];
    if (/^[A-Za-z]{3}$/.test(pl)) parts.push(`e.place_country = ${p.add(pl.toUpperCase())}`);
    conds.push(`(${parts.join(' OR ')})`);
  }
  if (f.text !== undefined && f.text.trim() !== '') {
    const q = tsQuery(f.text);
    if (q === null) conds.push('FALSE');
    else
      conds.push(
        `e.id IN (SELECT m.event_id FROM articles a JOIN mentions m ON m.article = a.id
          WHERE a.terms @@ ${p.add(q)}::tsquery)`,
      );
  }
  if (f.article) conds.push(`e.id IN (SELECT event_id FROM mentions WHERE article = ${p.add(f.article)})`);
  if (f.minArticles !== undefined && f.minArticles > 1)
    conds.push(`e.num_articles >= ${p.add(f.minArticles)}`);
  return conds.length > 0 ? conds.join(' AND ') : 'TRUE';
}

/** ORDER BY clause for a filter's order (undated events last, as in SQLite). */
export function orderOf(order: EventFilter['order']): string {
  switch (order) {
    case 'mentions':
      return 'e.num_mentions DESC, e.num_articles DESC, e.day DESC NULLS LAST, e.seq DESC';
    case 'added':
      return 'e.seq DESC';
    default:
      return 'e.day DESC NULLS LAST, e.seq DESC';
  }
}

/** Page size: default 50, clamped to 1..1000. */
export function limitOf(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 50;
  return Math.max(1, Math.min(1000, Math.floor(limit)));
}

export function offsetOf(offset: number | undefined): number {
  if (offset === undefined || !Number.isFinite(offset)) return 0;
  return Math.max(0, Math.floor(offset));
}
