/**
 * EventFilter → SQL over `events e` (SQLite). An actor code prefix becomes the list of the codes in
 * use that start with it (`SYR` → `source_code IN ('SYR', 'SYRGOV', 'SYRMIL', …)`, from the `actors`
 * summary), so the composite indexes are searched code by code instead of scanned over a range;
 * without a code list it is a range (`source_code >= 'SYR' AND source_code < 'SYS'`).
 */
import { dayBounds, isCodePrefix, placeTerms, prefixEnd } from '../filter-plan.js';
import { fts5Match } from '../search-text.js';
import type { EventFilter } from '../types.js';
import type { Db } from './database.js';

export interface Where {
  sql: string;
  params: unknown[];
}

/** The actor codes in use that start with a prefix, or null to use a range instead. */
export type CodeList = (prefix: string) => string[] | null;

/** Longest code list turned into `IN (…)`; longer ones stay ranges. */
const MAX_CODES = 400;

/** Code lists from the `actors` summary (every code of a stored event has a row there). */
export function codeLister(db: Db): CodeList {
  const st = db
    .prepare('SELECT DISTINCT code FROM actors WHERE code >= ? AND code < ? ORDER BY code LIMIT ?')
    .pluck();
  return (prefix) => {
    const list = st.all(prefix, prefixEnd(prefix), MAX_CODES + 1) as string[];
    return list.length > MAX_CODES ? null : list;
  };
}

/** Condition that one side of the event is the actor `key` (code prefix or actor id). */
export function sideCond(
  side: 'source' | 'target',
  key: string,
  params: unknown[],
  codes?: CodeList,
): string {
  if (isCodePrefix(key)) {
    const list = codes?.(key) ?? null;
    if (list && list.length <= MAX_CODES) {
      if (list.length === 0) return '0';
      params.push(...list);
      return `e.${side}_code IN (${list.map(() => '?').join(', ')})`;
    }
    params.push(key, prefixEnd(key));
    return `(e.${side}_code >= ? AND e.${side}_code < ?)`;
  }
  params.push(key);
  return `e.${side}_actor = ?`;
}

export function eitherCond(key: string, params: unknown[], codes?: CodeList): string {
  return `(${sideCond('source', key, params, codes)} OR ${sideCond('target', key, params, codes)})`;
}

export function pairCond(a: string, b: string, params: unknown[], codes?: CodeList): string {
  const ab = `${sideCond('source', a, params, codes)} AND ${sideCond('target', b, params, codes)}`;
  const ba = `${sideCond('source', b, params, codes)} AND ${sideCond('target', a, params, codes)}`;
  return `((${ab}) OR (${ba}))`;
}

/** Date range conditions on `e.day` (`to` is inclusive of its whole day, month or year). */
export function dateConds(
  from: string | undefined,
  to: string | undefined,
  conds: string[],
  params: unknown[],
): void {
  const b = dayBounds(from, to);
  if (b.from) {
    conds.push('e.day >= ?');
    params.push(b.from);
  }
  if (b.before) {
    conds.push('e.day < ?');
    params.push(b.before);
  }
}

/** True when the filter restricts nothing (only paging or ordering). */
export function isEmptyFilter(f: EventFilter): boolean {
  return whereOf(f).sql === '1';
}

/** Which of the filter's fields a driving branch already applies. */
type Driver = 'pair' | 'actor' | 'source' | 'target' | 'country' | null;

/**
 * One arm of a match: an index to drive the scan and its conditions. An "either side" filter is two
 * arms (source side, then target side without the rows the first arm found), each a range scan of
 * its own index; SQLite's own OR planning tends to pick a skip-scan of an unrelated index instead.
 */
interface Branch {
  index: string | null;
  conds: string[];
  params: unknown[];
}

/** The index for one side of an actor: (code, day, quad, goldstein, other code), or the actor id's. */
export function sideIndex(side: 'source' | 'target', key: string): string {
  const s = side === 'source' ? 'src' : 'tgt';
  return isCodePrefix(key) ? `events_${s}_day` : `events_${s}_actor`;
}

/** The index for a directed pair: (source code, target code, day, quad, goldstein). */
function pairIndex(a: string, b: string): string | null {
  return isCodePrefix(a) && isCodePrefix(b) ? 'events_src' : isCodePrefix(a) ? null : 'events_src_actor';
}

function branch(index: string | null, build: (params: unknown[]) => string[]): Branch {
  const params: unknown[] = [];
  return { index, conds: build(params), params };
}

function not(cond: string): string {
  return `NOT ifnull(${cond}, 0)`;
}

function driverOf(f: EventFilter, codes?: CodeList): { driver: Driver; branches: Branch[] } {
  const side = (sd: 'source' | 'target', k: string, p: unknown[]) => sideCond(sd, k, p, codes);
  if (f.pair) {
    const [a, b] = f.pair;
    return {
      driver: 'pair',
      branches: [
        branch(pairIndex(a, b), (p) => [side('source', a, p), side('target', b, p)]),
        branch(pairIndex(b, a), (p) => [
          side('source', b, p),
          side('target', a, p),
          not(`${side('source', a, p)} AND ${side('target', b, p)}`),
        ]),
      ],
    };
  }
  if (f.actor) {
    const k = f.actor;
    return {
      driver: 'actor',
      branches: [
        branch(sideIndex('source', k), (p) => [side('source', k, p)]),
        branch(sideIndex('target', k), (p) => [side('target', k, p), not(side('source', k, p))]),
      ],
    };
  }
  if (f.source) {
    const k = f.source;
    return { driver: 'source', branches: [branch(sideIndex('source', k), (p) => [side('source', k, p)])] };
  }
  if (f.target) {
    const k = f.target;
    return { driver: 'target', branches: [branch(sideIndex('target', k), (p) => [side('target', k, p)])] };
  }
  if (f.country) {
    const c = f.country.toUpperCase();
    return {
      driver: 'country',
      branches: [
        branch('events_src_country', (p) => {
          p.push(c);
          return ['e.source_country = ?'];
        }),
        branch('events_tgt_country', (p) => {
          p.push(c, c);
          return ['e.target_country = ?', 'e.source_country IS NOT ?'];
        }),
        branch('events_place_country', (p) => {
          p.push(c, c, c);
          return ['e.place_country = ?', 'e.source_country IS NOT ?', 'e.target_country IS NOT ?'];
        }),
      ],
    };
  }
  return { driver: null, branches: [{ index: null, conds: [], params: [] }] };
}

/** Conditions of every field but the driving one. */
function restOf(f: EventFilter, driver: Driver, codes?: CodeList): Where {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (f.actor && driver !== 'actor') conds.push(eitherCond(f.actor, params, codes));
  if (f.source && driver !== 'source') conds.push(sideCond('source', f.source, params, codes));
  if (f.target && driver !== 'target') conds.push(sideCond('target', f.target, params, codes));
  if (f.pair && driver !== 'pair') conds.push(pairCond(f.pair[0], f.pair[1], params, codes));
  if (f.country && driver !== 'country') {
    const c = f.country.toUpperCase();
    conds.push('(e.source_country = ? OR e.target_country = ? OR e.place_country = ?)');
    params.push(c, c, c);
  }
  if (f.code) {
    conds.push('e.code >= ? AND e.code < ?');
    params.push(f.code, prefixEnd(f.code));
  }
  if (f.quad && f.quad.length > 0) {
    conds.push(`e.quad IN (${f.quad.map(() => '?').join(', ')})`);
    params.push(...f.quad);
  }
  dateConds(f.from, f.to, conds, params);
  if (f.modality && f.modality.length > 0) {
    conds.push(`e.modality IN (${f.modality.map(() => '?').join(', ')})`);
    params.push(...f.modality);
  }
  if (f.place) {
    const t = placeTerms(f.place);
    const parts = ['e.place_key_en = ?', 'e.place_key_ar = ?'];
    params.push(t.en, t.ar);
    if (t.country) {
      parts.push('e.place_country = ?');
      params.push(t.country);
    }
    conds.push(`(${parts.join(' OR ')})`);
  }
  if (f.text !== undefined && f.text.trim() !== '') {
    const match = fts5Match(f.text);
    if (match === null) conds.push('0');
    else {
      conds.push(
        `e.id IN (SELECT m.event_id FROM article_fts f JOIN articles a ON a.seq = f.rowid
          JOIN mentions m ON m.article = a.id WHERE article_fts MATCH ?)`,
      );
      params.push(match);
    }
  }
  if (f.article) {
    conds.push('e.id IN (SELECT event_id FROM mentions WHERE article = ?)');
    params.push(f.article);
  }
  if (f.minArticles !== undefined && f.minArticles > 1) {
    conds.push('e.num_articles >= ?');
    params.push(f.minArticles);
  }
  return { sql: conds.length > 0 ? conds.join(' AND ') : '1', params };
}

/** The whole filter as one WHERE clause over `events e` (no index hints). */
export function whereOf(f: EventFilter): Where {
  return restOf(f, null);
}

/**
 * A query yielding `seq` and the given columns of every matching event exactly once, as a UNION ALL
 * of index-driven arms; use it as `FROM (${sql}) AS e`.
 */
export function matchSql(f: EventFilter, cols: readonly string[], codes?: CodeList): Where {
  const { driver, branches } = driverOf(f, codes);
  const rest = restOf(f, driver, codes);
  const select = ['e.seq', ...cols.filter((c) => c !== 'seq').map((c) => `e.${c}`)].join(', ');
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const b of branches) {
    const conds = [...b.conds, ...(rest.sql === '1' ? [] : [rest.sql])];
    parts.push(
      `SELECT ${select} FROM events e${b.index ? ` INDEXED BY ${b.index}` : ''} WHERE ${conds.length > 0 ? conds.join(' AND ') : '1'}`,
    );
    params.push(...b.params, ...rest.params);
  }
  return { sql: parts.join(' UNION ALL '), params };
}

/** ORDER BY clause for a filter's order. */
export function orderOf(order: EventFilter['order']): string {
  switch (order) {
    case 'mentions':
      return 'e.num_mentions DESC, e.num_articles DESC, e.day DESC, e.seq DESC';
    case 'added':
      return 'e.seq DESC';
    default:
      return 'e.day DESC, e.seq DESC';
  }
}
