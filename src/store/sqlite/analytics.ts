/**
 * Aggregate views of the SQLite store: actor search and profiles, the relation between two actors,
 * the overview, the actor network and events per place. Unfiltered views read the summary tables
 * (`actors`, `code_overlap`, `month_stats`, `pair_stats`), filtered ones the covering indexes of
 * `events`; rows become the views' shapes in src/store/view-shapes.ts.
 */
import { isCodePrefix, limitOf, prefixEnd } from '../filter-plan.js';
import type {
  ActorProfile,
  ActorSummary,
  EventFilter,
  Network,
  Overview,
  PlaceCount,
  Relation,
} from '../types.js';
import {
  type ActorRow,
  type CodeInfo,
  codeSummaries,
  type EdgeRow,
  type MonthRow,
  monthPoints,
  networkNodes,
  networkOf,
  type PartnerRow,
  type PlaceRow,
  pairOf,
  partnerOf,
  placeCountOf,
  relationOf,
  summaryOf,
} from '../view-shapes.js';
import type { Db } from './database.js';
import {
  type CodeList,
  codeLister,
  dateConds,
  isEmptyFilter,
  matchSql,
  sideCond,
  sideIndex,
} from './filter.js';
import { eventsBySeq } from './read.js';

/** Events per actor code from the summaries: its `actors` rows less its `code_overlap` row. */
const CODE_EVENTS = `SELECT a.code,
    sum(a.events) - ifnull((SELECT o.events FROM code_overlap o WHERE o.code = a.code), 0) AS events
  FROM actors a`;

export class SqliteAnalytics {
  private readonly db: Db;
  private readonly codes: CodeList;

  constructor(db: Db) {
    this.db = db;
    this.codes = codeLister(db);
  }

  private all<T>(sql: string, params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }

  private count(sql: string, params: unknown[]): number {
    return (
      (this.db
        .prepare(sql)
        .pluck()
        .get(...params) as number | null) ?? 0
    );
  }

  searchActors(query: string, limit = 20): ActorSummary[] {
    const q = query.trim();
    const n = limitOf(limit, 20);
    if (q === '')
      return this.all<ActorRow>('SELECT * FROM actors ORDER BY events DESC, code, actor LIMIT ?', [n]).map(
        summaryOf,
      );
    const conds = ['actor = ?', 'actor = ?', "name LIKE ? ESCAPE '\\'"];
    const params: unknown[] = [q, q.toLowerCase(), `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`];
    const up = q.toUpperCase();
    if (isCodePrefix(up)) {
      conds.push('(code >= ? AND code < ?)');
      params.push(up, prefixEnd(up));
    }
    return this.all<ActorRow>(
      `SELECT * FROM actors WHERE ${conds.join(' OR ')} ORDER BY events DESC, code, actor LIMIT ?`,
      [...params, n],
    ).map(summaryOf);
  }

  actorProfile(key: string, opts?: { partners?: number; recent?: number }): ActorProfile {
    const k = key.trim();
    const summary = this.actorSummary(k);
    const countOf = (f: EventFilter) => {
      const m = matchSql(f, [], this.codes);
      return this.count(`SELECT count(*) FROM (${m.sql})`, m.params);
    };
    const asSource = countOf({ source: k });
    const asTarget = countOf({ target: k });
    const events = countOf({ actor: k });
    const partnerRows = isCodePrefix(k)
      ? this.partnersFromSummary(k, opts?.partners ?? 10)
      : this.partnersFromEvents(k, opts?.partners ?? 10);
    const partners = partnerRows.map(partnerOf);
    const recent = eventsBySeq(this.db, this.recentSeqs(k, Math.max(0, opts?.recent ?? 10)));
    return { key: k, summary, events, asSource, asTarget, partners, recent };
  }

  /**
   * Partners of a code prefix from `pair_stats`: the targets of its codes as source and the sources
   * of its codes as target (an event between two of its own codes counts on both sides).
   */
  private partnersFromSummary(key: string, limit: number): PartnerRow[] {
    const list = this.codes(key);
    const params: unknown[] = [];
    const side = (col: string) => {
      if (list) {
        params.push(...list);
        return list.length > 0 ? `${col} IN (${list.map(() => '?').join(', ')})` : '0';
      }
      params.push(key, prefixEnd(key));
      return `(${col} >= ? AND ${col} < ?)`;
    };
    const src = side('source_code');
    const tgt = side('target_code');
    return this.all<PartnerRow>(
      `SELECT code, sum(events) AS n, sum(gsum) AS g, sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4
       FROM (SELECT target_code AS code, events, gsum, q1, q2, q3, q4 FROM pair_stats WHERE ${src}
             UNION ALL
             SELECT source_code AS code, events, gsum, q1, q2, q3, q4 FROM pair_stats WHERE ${tgt})
       GROUP BY code ORDER BY n DESC, code LIMIT ?`,
      [...params, Math.max(0, limit)],
    );
  }

  /**
   * The newest events of an actor. For a code prefix, the newest `n` of each code on each side are
   * read from the (code, day …) indexes and merged, instead of sorting all the actor's events.
   */
  private recentSeqs(key: string, n: number): number[] {
    const list = isCodePrefix(key) ? this.codes(key) : null;
    if (!list || list.length > 100) {
      const m = matchSql({ actor: key }, ['day'], this.codes);
      return this.db
        .prepare(`SELECT e.seq FROM (${m.sql}) AS e ORDER BY e.day DESC, e.seq DESC LIMIT ?`)
        .pluck()
        .all(...m.params, n) as number[];
    }
    if (list.length === 0 || n === 0) return [];
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const [side, index] of [
      ['source', 'events_src_day'],
      ['target', 'events_tgt_day'],
    ] as const)
      for (const code of list) {
        parts.push(
          `SELECT * FROM (SELECT e.seq, e.day FROM events e INDEXED BY ${index} WHERE e.${side}_code = ?
           ORDER BY e.day DESC, e.seq DESC LIMIT ?)`,
        );
        params.push(code, n);
      }
    return this.db
      .prepare(`SELECT seq FROM (${parts.join(' UNION ')}) ORDER BY day DESC, seq DESC LIMIT ?`)
      .pluck()
      .all(...params, n) as number[];
  }

  /** Partners of an actor id, from its events. */
  private partnersFromEvents(key: string, limit: number): PartnerRow[] {
    const pp: unknown[] = [];
    const src = sideCond('source', key, pp, this.codes);
    const tgt = sideCond('target', key, pp, this.codes);
    return this.all<PartnerRow>(
      `SELECT code, count(*) AS n, sum(goldstein) AS g, sum(quad = 1) AS q1, sum(quad = 2) AS q2,
         sum(quad = 3) AS q3, sum(quad = 4) AS q4
       FROM (SELECT e.target_code AS code, e.goldstein, e.quad FROM events e INDEXED BY ${sideIndex('source', key)}
               WHERE ${src} AND e.target_code IS NOT NULL
             UNION ALL
             SELECT e.source_code AS code, e.goldstein, e.quad FROM events e INDEXED BY ${sideIndex('target', key)}
               WHERE ${tgt} AND e.source_code IS NOT NULL)
       GROUP BY code ORDER BY n DESC, code LIMIT ?`,
      [...pp, Math.max(0, limit)],
    );
  }

  /** The summary of an actor key: the code itself (all its actor ids together), else the actor id. */
  private actorSummary(key: string): ActorSummary | null {
    if (isCodePrefix(key)) {
      const exact = this.codeEvents('a.code = ?', [key], 1);
      const best =
        exact.length > 0 ? exact : this.codeEvents('a.code >= ? AND a.code < ?', [key, prefixEnd(key)], 1);
      return codeSummaries(best, this.codeInfo(best.map((r) => r.code)))[0] ?? null;
    }
    const row = this.all<ActorRow>(
      'SELECT * FROM actors WHERE actor = ? ORDER BY events DESC, code LIMIT 1',
      [key],
    )[0];
    return row ? summaryOf(row) : null;
  }

  /** The most active actor codes among those matching a condition on `actors a`, each event once. */
  private codeEvents(
    cond: string,
    params: unknown[],
    limit: number,
  ): Array<{ code: string; events: number }> {
    return this.all(
      `${CODE_EVENTS} ${cond ? `WHERE ${cond}` : ''} GROUP BY a.code ORDER BY events DESC, a.code LIMIT ?`,
      [...params, limit],
    );
  }

  /** Country and name of actor codes, from the `actors` summary. */
  private codeInfo(codes: string[]): CodeInfo {
    const out: CodeInfo = new Map();
    if (codes.length === 0) return out;
    for (const r of this.all<{ code: string; country: string | null; name: string | null }>(
      `SELECT code, max(country) AS country, max(CASE WHEN actor = '' THEN name END) AS name FROM actors
       WHERE code IN (${codes.map(() => '?').join(', ')}) GROUP BY code`,
      codes,
    ))
      out.set(r.code, { country: r.country, name: r.name });
    return out;
  }

  relation(a: string, b: string, opts?: { from?: string; to?: string; top?: number }): Relation {
    const f: EventFilter = { pair: [a.trim(), b.trim()] };
    if (opts?.from) f.from = opts.from;
    if (opts?.to) f.to = opts.to;
    const m = matchSql(f, ['day', 'quad', 'goldstein'], this.codes);
    const rows = this.all<MonthRow>(
      `SELECT substr(e.day, 1, 7) AS month, e.quad, count(*) AS n, sum(e.goldstein) AS g
       FROM (${m.sql}) AS e GROUP BY 1, 2`,
      m.params,
    );
    const t = matchSql(f, ['num_articles', 'num_mentions', 'day'], this.codes);
    const top = eventsBySeq(
      this.db,
      this.db
        .prepare(
          `SELECT e.seq FROM (${t.sql}) AS e
           ORDER BY e.num_articles DESC, e.num_mentions DESC, e.day DESC, e.seq DESC LIMIT ?`,
        )
        .pluck()
        .all(...t.params, Math.max(0, opts?.top ?? 10)) as number[],
    );
    return relationOf(a.trim(), b.trim(), rows, top);
  }

  overview(opts?: { from?: string; to?: string; top?: number }): Overview {
    const top = Math.max(0, opts?.top ?? 10);
    const articles = this.count("SELECT n FROM counters WHERE name = 'articles'", []);
    if (!opts?.from && !opts?.to) {
      const events = this.count("SELECT n FROM counters WHERE name = 'events'", []);
      const mentions = this.count("SELECT n FROM counters WHERE name = 'mentions'", []);
      const months = monthPoints(
        this.all<MonthRow>('SELECT month, quad, events AS n, gsum AS g FROM month_stats', []),
      );
      const codes = this.codeEvents('', [], top);
      const actors = codeSummaries(codes, this.codeInfo(codes.map((c) => c.code)));
      const pairs = this.all<{ a: string; b: string; n: number; g: number }>(
        `SELECT min(source_code, target_code) AS a, max(source_code, target_code) AS b,
           sum(events) AS n, sum(gsum) AS g
         FROM pair_stats GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?`,
        [top],
      ).map(pairOf);
      return { articles, events, mentions, months, actors, pairs };
    }
    const conds: string[] = [];
    const params: unknown[] = [];
    dateConds(opts.from, opts.to, conds, params);
    const where = conds.join(' AND ');
    const tot = this.db
      .prepare(`SELECT count(*) AS n, sum(e.num_mentions) AS m FROM events e WHERE ${where}`)
      .get(...params) as { n: number; m: number | null };
    const months = monthPoints(
      this.all<MonthRow>(
        `SELECT substr(e.day, 1, 7) AS month, e.quad, count(*) AS n, sum(e.goldstein) AS g
         FROM events e WHERE ${where} GROUP BY 1, 2`,
        params,
      ),
    );
    // each side counted from the day index alone; an event with one code on both sides counts once
    const codes = this.all<{ code: string; events: number }>(
      `SELECT t.code, sum(t.n) AS events FROM (
         SELECT e.source_code AS code, count(*) AS n FROM events e
           WHERE ${where} AND e.source_code IS NOT NULL GROUP BY 1
         UNION ALL
         SELECT e.target_code AS code, count(*) AS n FROM events e
           WHERE ${where} AND e.target_code IS NOT NULL AND e.target_code IS NOT e.source_code GROUP BY 1) AS t
       GROUP BY t.code ORDER BY events DESC, t.code LIMIT ?`,
      [...params, ...params, top],
    );
    const actors = codeSummaries(codes, this.codeInfo(codes.map((c) => c.code)));
    const pairs = this.all<{ a: string; b: string; n: number; g: number }>(
      `SELECT min(e.source_code, e.target_code) AS a, max(e.source_code, e.target_code) AS b,
         count(*) AS n, sum(e.goldstein) AS g
       FROM events e WHERE ${where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
       GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?`,
      [...params, top],
    ).map(pairOf);
    return { articles, events: tot.n, mentions: tot.m ?? 0, months, actors, pairs };
  }

  network(filter: EventFilter & { maxNodes?: number }): Network {
    const { maxNodes, ...f } = filter;
    let rows: EdgeRow[];
    if (isEmptyFilter(f))
      rows = this.all(
        'SELECT source_code AS s, target_code AS t, events AS n, gsum AS g FROM pair_stats',
        [],
      );
    else {
      const m = matchSql(f, ['source_code', 'target_code', 'goldstein'], this.codes);
      rows = this.all(
        `SELECT e.source_code AS s, e.target_code AS t, count(*) AS n, sum(e.goldstein) AS g FROM (${m.sql}) AS e
         WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL GROUP BY 1, 2`,
        m.params,
      );
    }
    const kept = networkNodes(rows, Math.max(1, Math.floor(maxNodes ?? 50)));
    return networkOf(rows, kept, this.codeInfo(kept.map((k) => k.code)));
  }

  places(filter: EventFilter): PlaceCount[] {
    const m = matchSql(
      filter,
      ['place_name', 'place_name_ar', 'place_country', 'place_lat', 'place_lon', 'goldstein'],
      this.codes,
    );
    return this.all<PlaceRow>(
      `SELECT e.place_name AS name, max(e.place_name_ar) AS name_ar, e.place_country AS country,
         max(e.place_lat) AS lat, max(e.place_lon) AS lon, count(*) AS n, sum(e.goldstein) AS g
       FROM (${m.sql}) AS e WHERE e.place_name IS NOT NULL
       GROUP BY e.place_name, e.place_country ORDER BY n DESC, name LIMIT 1000`,
      m.params,
    ).map(placeCountOf);
  }
}
