/**
 * Aggregate views of the SQLite store: actor search and profiles, the relation between two actors,
 * the overview, the actor network and events per place. Unfiltered views read the summary tables
 * (`actors`, `month_stats`, `pair_stats`), filtered ones the covering indexes of `events`.
 */
import type {
  ActorProfile,
  ActorSummary,
  EventFilter,
  MonthPoint,
  Network,
  NetworkEdge,
  Overview,
  Partner,
  PlaceCount,
  Relation,
} from '../types.js';
import type { Db } from './database.js';
import {
  type CodeList,
  codeLister,
  dateConds,
  isCodePrefix,
  isEmptyFilter,
  matchSql,
  prefixEnd,
  sideCond,
  sideIndex,
} from './filter.js';
import { eventsBySeq } from './read.js';

interface ActorRow {
  code: string;
  actor: string;
  name: string | null;
  country: string | null;
  events: number;
}

function summaryOf(r: ActorRow): ActorSummary {
  return { code: r.code, country: r.country, actor: r.actor || null, name: r.name, events: r.events };
}

type Quads = [number, number, number, number];

interface PartnerRow {
  code: string;
  n: number;
  g: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
}

/** Rows (month, quad, n, g) → month points, ascending. */
function monthPoints(rows: Array<{ month: string; quad: number; n: number; g: number }>): MonthPoint[] {
  const by = new Map<string, { quads: Quads; events: number; g: number }>();
  for (const r of rows) {
    let p = by.get(r.month);
    if (!p) {
      p = { quads: [0, 0, 0, 0], events: 0, g: 0 };
      by.set(r.month, p);
    }
    if (r.quad >= 1 && r.quad <= 4) p.quads[r.quad - 1] = (p.quads[r.quad - 1] ?? 0) + r.n;
    p.events += r.n;
    p.g += r.g;
  }
  return [...by.entries()]
    .filter(([, p]) => p.events > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, p]) => ({ month, quads: p.quads, events: p.events, goldstein: round(p.g / p.events) }));
}

/** Means are rounded to 4 decimals so that backends agree. */
function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function mean(sum: number | null, n: number): number | null {
  return n > 0 && sum !== null ? round(sum / n) : null;
}

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
    const n = Math.max(1, Math.min(1000, Math.floor(limit)));
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
    const partners: Partner[] = partnerRows.map((r) => ({
      code: r.code,
      name: null,
      events: r.n,
      goldstein: round(r.g / r.n),
      quads: [r.q1, r.q2, r.q3, r.q4],
    }));
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
      const exact = this.all<ActorRow>(
        `SELECT code, '' AS actor, max(CASE WHEN actor = '' THEN name END) AS name, max(country) AS country, sum(events) AS events
         FROM actors WHERE code = ? GROUP BY code`,
        [key],
      )[0];
      if (exact) return summaryOf(exact);
      const best = this.all<ActorRow>(
        `SELECT code, '' AS actor, max(CASE WHEN actor = '' THEN name END) AS name, max(country) AS country, sum(events) AS events
         FROM actors WHERE code >= ? AND code < ? GROUP BY code ORDER BY events DESC, code LIMIT 1`,
        [key, prefixEnd(key)],
      )[0];
      return best ? summaryOf(best) : null;
    }
    const row = this.all<ActorRow>(
      'SELECT * FROM actors WHERE actor = ? ORDER BY events DESC, code LIMIT 1',
      [key],
    )[0];
    return row ? summaryOf(row) : null;
  }

  relation(a: string, b: string, opts?: { from?: string; to?: string; top?: number }): Relation {
    const f: EventFilter = { pair: [a.trim(), b.trim()] };
    if (opts?.from) f.from = opts.from;
    if (opts?.to) f.to = opts.to;
    const m = matchSql(f, ['day', 'quad', 'goldstein'], this.codes);
    const rows = this.all<{ month: string | null; quad: number; n: number; g: number }>(
      `SELECT substr(e.day, 1, 7) AS month, e.quad, count(*) AS n, sum(e.goldstein) AS g
       FROM (${m.sql}) AS e GROUP BY 1, 2`,
      m.params,
    );
    const events = rows.reduce((n, r) => n + r.n, 0);
    const gsum = rows.reduce((n, r) => n + r.g, 0);
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
    return {
      a: a.trim(),
      b: b.trim(),
      events,
      goldstein: mean(gsum, events),
      months: monthPoints(
        rows.filter((r): r is { month: string; quad: number; n: number; g: number } => r.month !== null),
      ),
      top,
    };
  }

  overview(opts?: { from?: string; to?: string; top?: number }): Overview {
    const top = Math.max(0, opts?.top ?? 10);
    const articles = this.count("SELECT n FROM counters WHERE name = 'articles'", []);
    if (!opts?.from && !opts?.to) {
      const events = this.count("SELECT n FROM counters WHERE name = 'events'", []);
      const mentions = this.count("SELECT n FROM counters WHERE name = 'mentions'", []);
      const months = monthPoints(
        this.all('SELECT month, quad, events AS n, gsum AS g FROM month_stats', []) as Array<{
          month: string;
          quad: number;
          n: number;
          g: number;
        }>,
      );
      const actors = this.all<ActorRow>(
        `SELECT code, '' AS actor, max(CASE WHEN actor = '' THEN name END) AS name, max(country) AS country, sum(events) AS events
         FROM actors GROUP BY code ORDER BY events DESC, code LIMIT ?`,
        [top],
      ).map(summaryOf);
      const pairs = this.all<{ a: string; b: string; n: number; g: number }>(
        `SELECT min(source_code, target_code) AS a, max(source_code, target_code) AS b,
           sum(events) AS n, sum(gsum) AS g
         FROM pair_stats GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?`,
        [top],
      ).map((r) => ({ a: r.a, b: r.b, events: r.n, goldstein: mean(r.g, r.n) }));
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
      this.all(
        `SELECT substr(e.day, 1, 7) AS month, e.quad, count(*) AS n, sum(e.goldstein) AS g
         FROM events e WHERE ${where} GROUP BY 1, 2`,
        params,
      ),
    );
    // each side counted from the day index alone; an event with one code on both sides counts once
    const actors = this.all<ActorRow>(
      `SELECT t.code, '' AS actor, (SELECT x.name FROM actors x WHERE x.code = t.code AND x.actor = '') AS name,
         (SELECT max(x.country) FROM actors x WHERE x.code = t.code) AS country, sum(t.n) AS events FROM (
         SELECT e.source_code AS code, count(*) AS n FROM events e
           WHERE ${where} AND e.source_code IS NOT NULL GROUP BY 1
         UNION ALL
         SELECT e.target_code AS code, count(*) AS n FROM events e
           WHERE ${where} AND e.target_code IS NOT NULL AND e.target_code IS NOT e.source_code GROUP BY 1) AS t
       GROUP BY t.code ORDER BY events DESC, t.code LIMIT ?`,
      [...params, ...params, top],
    ).map(summaryOf);
    const pairs = this.all<{ a: string; b: string; n: number; g: number }>(
      `SELECT min(e.source_code, e.target_code) AS a, max(e.source_code, e.target_code) AS b,
         count(*) AS n, sum(e.goldstein) AS g
       FROM events e WHERE ${where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
       GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?`,
      [...params, top],
    ).map((r) => ({ a: r.a, b: r.b, events: r.n, goldstein: mean(r.g, r.n) }));
    return { articles, events: tot.n, mentions: tot.m ?? 0, months, actors, pairs };
  }

  network(filter: EventFilter & { maxNodes?: number }): Network {
    const { maxNodes, ...f } = filter;
    const max = Math.max(1, Math.floor(maxNodes ?? 50));
    let rows: Array<{ s: string; t: string; n: number; g: number }>;
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
    const activity = new Map<string, number>();
    for (const r of rows) {
      activity.set(r.s, (activity.get(r.s) ?? 0) + r.n);
      if (r.t !== r.s) activity.set(r.t, (activity.get(r.t) ?? 0) + r.n);
    }
    const kept = [...activity.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, max);
    const keep = new Set(kept.map(([c]) => c));
    const known = new Map<string, { country: string | null; name: string | null }>();
    if (kept.length > 0) {
      const codes = kept.map(([c]) => c);
      for (const r of this.all<{ code: string; country: string | null; name: string | null }>(
        `SELECT code, max(country) AS country, max(CASE WHEN actor = '' THEN name END) AS name FROM actors
         WHERE code IN (${codes.map(() => '?').join(', ')}) GROUP BY code`,
        codes,
      ))
        known.set(r.code, r);
    }
    const nodes: ActorSummary[] = kept.map(([code, events]) => ({
      code,
      country: known.get(code)?.country ?? null,
      actor: null,
      name: known.get(code)?.name ?? null,
      events,
    }));
    const edges: NetworkEdge[] = rows
      .filter((r) => keep.has(r.s) && keep.has(r.t))
      .map((r) => ({ source: r.s, target: r.t, events: r.n, goldstein: mean(r.g, r.n) }))
      .sort((x, y) => y.events - x.events || (x.source + x.target < y.source + y.target ? -1 : 1));
    return { nodes, edges };
  }

  places(filter: EventFilter): PlaceCount[] {
    const m = matchSql(
      filter,
      ['place_name', 'place_name_ar', 'place_country', 'place_lat', 'place_lon', 'goldstein'],
      this.codes,
    );
    return this.all<{
      name: string;
      name_ar: string | null;
      country: string | null;
      lat: number | null;
      lon: number | null;
      n: number;
      g: number;
    }>(
      `SELECT e.place_name AS name, max(e.place_name_ar) AS name_ar, e.place_country AS country,
         max(e.place_lat) AS lat, max(e.place_lon) AS lon, count(*) AS n, sum(e.goldstein) AS g
       FROM (${m.sql}) AS e WHERE e.place_name IS NOT NULL
       GROUP BY e.place_name, e.place_country ORDER BY n DESC, name LIMIT 1000`,
      m.params,
    ).map((r) => ({
      name: r.name,
      name_ar: r.name_ar ?? '',
      country: r.country,
      lat: r.lat,
      lon: r.lon,
      events: r.n,
      goldstein: mean(r.g, r.n),
    }));
  }
}
