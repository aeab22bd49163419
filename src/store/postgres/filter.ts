/**
 * EventFilter → SQL WHERE clause over `events e` (PostgreSQL), with the same meaning as the SQLite
 * backend's (src/store/sqlite/filter.ts): actor code prefixes are range scans on the code columns
 * ("C" collation, so byte order), actor ids exact matches, dates compare on the first day, the full
 * text goes through the article terms' GIN index.
 */
import { dayBounds, isCodePrefix, placeTerms, prefixEnd } from '../filter-plan.js';
import { queryGroups } from '../search-text.js';
import type { EventFilter } from '../types.js';

/** Parameters of a query under construction; `add` returns the placeholder of a value. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
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

/** Date range conditions on `e.day` (`to` is inclusive of its whole day, month or year). */
export function dateConds(
  from: string | undefined,
  to: string | undefined,
  conds: string[],
  p: Params,
): void {
  const b = dayBounds(from, to);
  if (b.from) conds.push(`e.day >= ${p.add(b.from)}`);
  if (b.before) conds.push(`e.day < ${p.add(b.before)}`);
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
    const t = placeTerms(f.place);
    const parts = [`e.place_key_en = ${p.add(t.en)}`, `e.place_key_ar = ${p.add(t.ar)}`];
    if (t.country) parts.push(`e.place_country = ${p.add(t.country)}`);
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
