/**
 * Aggregate views of the PostgreSQL store: actor search and profiles, the relation between two
 * actors, the overview, the actor network and events per place — the same answers as the SQLite
 * backend (src/store/sqlite/analytics.ts). Unfiltered views read the summary tables (`actors`,
 * `month_stats`, `pair_stats`, kept in step by every write), filtered ones the indexes of `events`.
 */
import type pg from 'pg';
import { type EventRow, eventFromRow } from '../sqlite/rows.js';
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
import {
  dateConds,
  eitherCond,
  isCodePrefix,
  isEmptyFilter,
  Params,
  pairCond,
  prefixEnd,
  sideCond,
  whereOf,
} from './filter.js';

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

export class PgAnalytics {
  constructor(private readonly pool: pg.Pool) {}

  private async all<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const rows = await this.all<{ n: number | null }>(sql, params);
    return rows[0]?.n ?? 0;
  }

  async searchActors(query: string, limit = 20): Promise<ActorSummary[]> {
    const q = query.trim();
    const n = Math.max(1, Math.min(1000, Math.floor(limit)));
    if (q === '')
      return (
        await this.all<ActorRow>(`SELECT * FROM actors a ORDER BY events DESC, code, actor LIMIT $1`, [n])
      ).map(summaryOf);
    const p = new Params();
    const conds = [
      `actor = ${p.add(q)}`,
      `actor = ${p.add(q.toLowerCase())}`,
      `name ILIKE ${p.add(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\'`,
    ];
    const up = q.toUpperCase();
    if (isCodePrefix(up)) conds.push(`(code >= ${p.add(up)} AND code < ${p.add(prefixEnd(up))})`);
    return (
      await this.all<ActorRow>(
        `SELECT * FROM actors a WHERE ${conds.join(' OR ')} ORDER BY events DESC, code, actor LIMIT ${p.add(n)}`,
        p.values,
      )
    ).map(summaryOf);
  }

  async actorProfile(key: string, opts?: { partners?: number; recent?: number }): Promise<ActorProfile> {
    const k = key.trim();
    const summary = await this.actorSummary(k);
    const ps = new Params();
    const asSource = await this.count(
      `SELECT count(*)::int AS n FROM events e WHERE ${sideCond('source', k, ps)}`,
      ps.values,
    );
    const pt = new Params();
    const asTarget = await this.count(
      `SELECT count(*)::int AS n FROM events e WHERE ${sideCond('target', k, pt)}`,
      pt.values,
    );
    const pe = new Params();
    const events = await this.count(
      `SELECT count(*)::int AS n FROM events e WHERE ${eitherCond(k, pe)}`,
      pe.values,
    );
    const pp = new Params();
    const src = sideCond('source', k, pp);
    const tgt = sideCond('target', k, pp);
    const partnerRows = await this.all<{
      code: string;
      n: number;
      g: number;
      q1: number;
      q2: number;
      q3: number;
      q4: number;
    }>(
      `SELECT code, count(*)::int AS n, sum(goldstein) AS g,
         count(*) FILTER (WHERE quad = 1)::int AS q1, count(*) FILTER (WHERE quad = 2)::int AS q2,
         count(*) FILTER (WHERE quad = 3)::int AS q3, count(*) FILTER (WHERE quad = 4)::int AS q4
       FROM (SELECT e.target_code AS code, e.goldstein, e.quad FROM events e
               WHERE ${src} AND e.target_code IS NOT NULL
             UNION ALL
             SELECT e.source_code AS code, e.goldstein, e.quad FROM events e
               WHERE ${tgt} AND e.source_code IS NOT NULL) s
       GROUP BY code ORDER BY n DESC, code LIMIT ${pp.add(Math.max(0, opts?.partners ?? 10))}`,
      pp.values,
    );
    const partners: Partner[] = partnerRows.map((r) => ({
      code: r.code,
      name: null,
      events: r.n,
      goldstein: round(r.g / r.n),
      quads: [r.q1, r.q2, r.q3, r.q4],
    }));
    const pr = new Params();
    const recent = (
      await this.all<EventRow>(
        `SELECT e.* FROM events e WHERE ${eitherCond(k, pr)} ORDER BY e.day DESC NULLS LAST, e.seq DESC
         LIMIT ${pr.add(Math.max(0, opts?.recent ?? 10))}`,
        pr.values,
      )
    ).map(eventFromRow);
    return { key: k, summary, events, asSource, asTarget, partners, recent };
  }

  /** The summary of an actor key: the code itself (all its actor ids together), else the actor id. */
  private async actorSummary(key: string): Promise<ActorSummary | null> {
    if (isCodePrefix(key)) {
      const exact = (
        await this.all<ActorRow>(
          `SELECT code, '' AS actor, max(CASE WHEN actor = '' THEN name END) AS name, max(country) AS country, sum(events)::int AS events
           FROM actors a WHERE code = $1 GROUP BY code`,
          [key],
        )
      )[0];
      if (exact) return summaryOf(exact);
      const best = (
        await this.all<ActorRow>(
          `SELECT code, '' AS actor, max(CASE WHEN actor = '' THEN name END) AS name, max(country) AS country, sum(events)::int AS events
           FROM actors a WHERE code >= $1 AND code < $2 GROUP BY code ORDER BY events DESC, code LIMIT 1`,
          [key, prefixEnd(key)],
        )
      )[0];
      return best ? summaryOf(best) : null;
    }
    const row = (
      await this.all<ActorRow>(`SELECT * FROM actors a WHERE actor = $1 ORDER BY events DESC, code LIMIT 1`, [
        key,
      ])
    )[0];
    return row ? summaryOf(row) : null;
  }

  async relation(
    a: string,
    b: string,
    opts?: { from?: string; to?: string; top?: number },
  ): Promise<Relation> {
    const conds: string[] = [];
    const p = new Params();
    conds.push(pairCond(a.trim(), b.trim(), p));
    dateConds(opts?.from, opts?.to, conds, p);
    const where = conds.join(' AND ');
    const rows = await this.all<{ month: string; quad: number; n: number; g: number }>(
      `SELECT substr(e.day, 1, 7) AS month, e.quad, count(*)::int AS n, sum(e.goldstein) AS g
       FROM events e WHERE ${where} AND e.day IS NOT NULL GROUP BY 1, 2`,
      p.values,
    );
    const tot = (
      await this.all<{ n: number; g: number | null }>(
        `SELECT count(*)::int AS n, sum(e.goldstein) AS g FROM events e WHERE ${where}`,
        p.values,
      )
    )[0] ?? { n: 0, g: null };
    const top = (
      await this.all<EventRow>(
        `SELECT e.* FROM events e WHERE ${where}
         ORDER BY e.num_articles DESC, e.num_mentions DESC, e.day DESC NULLS LAST, e.seq DESC
         LIMIT $${p.values.length + 1}`,
        [...p.values, Math.max(0, opts?.top ?? 10)],
      )
    ).map(eventFromRow);
    return {
      a: a.trim(),
      b: b.trim(),
      events: tot.n,
      goldstein: mean(tot.g, tot.n),
      months: monthPoints(rows),
      top,
    };
  }

  async overview(opts?: { from?: string; to?: string; top?: number }): Promise<Overview> {
    const top = Math.max(0, opts?.top ?? 10);
    const articles = await this.count('SELECT count(*)::int AS n FROM articles', []);
    if (!opts?.from && !opts?.to) {
      const events = await this.count('SELECT count(*)::int AS n FROM events', []);
      const mentions = await this.count('SELECT count(*)::int AS n FROM mentions', []);
      const months = monthPoints(
        await this.all('SELECT month, quad, events AS n, gsum AS g FROM month_stats', []),
      );
      const actors = (
        await this.all<ActorRow>(
          `SELECT code, '' AS actor, max(CASE WHEN actor = '' THEN name END) AS name, max(country) AS country, sum(events)::int AS events
           FROM actors a GROUP BY code ORDER BY events DESC, code LIMIT $1`,
          [top],
        )
      ).map(summaryOf);
      const pairs = (
        await this.all<{ a: string; b: string; n: number; g: number }>(
          `SELECT least(source_code, target_code) AS a, greatest(source_code, target_code) AS b,
             sum(events)::int AS n, sum(gsum) AS g
           FROM pair_stats GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT $1`,
          [top],
        )
      ).map((r) => ({ a: r.a, b: r.b, events: r.n, goldstein: mean(r.g, r.n) }));
      return { articles, events, mentions, months, actors, pairs };
    }
    const conds: string[] = [];
    const p = new Params();
    dateConds(opts.from, opts.to, conds, p);
    const where = conds.join(' AND ');
    const tot = (
      await this.all<{ n: number; m: number | null }>(
        `SELECT count(*)::int AS n, sum(e.num_mentions)::int AS m FROM events e WHERE ${where}`,
        p.values,
      )
    )[0] ?? { n: 0, m: null };
    const months = monthPoints(
      await this.all(
        `SELECT substr(e.day, 1, 7) AS month, e.quad, count(*)::int AS n, sum(e.goldstein) AS g
         FROM events e WHERE ${where} GROUP BY 1, 2`,
        p.values,
      ),
    );
    const n = p.values.length;
    const actors = (
      await this.all<ActorRow>(
        `SELECT code, '' AS actor, NULL AS name, max(country) AS country, count(*)::int AS events FROM (
           SELECT e.seq, e.source_code AS code, e.source_country AS country FROM events e
             WHERE ${where} AND e.source_code IS NOT NULL
           UNION
           SELECT e.seq, e.target_code AS code, e.target_country AS country FROM events e
             WHERE ${where} AND e.target_code IS NOT NULL) s
         GROUP BY code ORDER BY events DESC, code LIMIT $${n + 1}`,
        [...p.values, top],
      )
    ).map(summaryOf);
    const info = await this.codeInfo(actors.map((a) => a.code));
    for (const a of actors) a.name = info.get(a.code)?.name ?? null;
    const pairs = await this.pairs(where, p.values, top);
    return { articles, events: tot.n, mentions: tot.m ?? 0, months, actors, pairs };
  }

  /** Most active pairs of actor codes, either direction merged. */
  private async pairs(
    where: string,
    params: unknown[],
    top: number,
  ): Promise<Array<{ a: string; b: string; events: number; goldstein: number | null }>> {
    const rows = await this.all<{ a: string; b: string; n: number; g: number }>(
      `SELECT least(e.source_code, e.target_code) AS a, greatest(e.source_code, e.target_code) AS b,
         count(*)::int AS n, sum(e.goldstein) AS g
       FROM events e WHERE ${where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
       GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT $${params.length + 1}`,
      [...params, top],
    );
    return rows.map((r) => ({ a: r.a, b: r.b, events: r.n, goldstein: mean(r.g, r.n) }));
  }

  async network(filter: EventFilter & { maxNodes?: number }): Promise<Network> {
    const { maxNodes, ...f } = filter;
    const max = Math.max(1, Math.floor(maxNodes ?? 50));
    let rows: Array<{ s: string; t: string; n: number; g: number }>;
    if (isEmptyFilter(f))
      rows = await this.all(
        'SELECT source_code AS s, target_code AS t, events AS n, gsum AS g FROM pair_stats',
        [],
      );
    else {
      const p = new Params();
      rows = await this.all(
        `SELECT e.source_code AS s, e.target_code AS t, count(*)::int AS n, sum(e.goldstein) AS g FROM events e
         WHERE ${whereOf(f, p)} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL GROUP BY 1, 2`,
        p.values,
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
    const info = await this.codeInfo(kept.map(([c]) => c));
    const nodes: ActorSummary[] = kept.map(([code, events]) => ({
      code,
      country: info.get(code)?.country ?? null,
      actor: null,
      name: info.get(code)?.name ?? null,
      events,
    }));
    const edges: NetworkEdge[] = rows
      .filter((r) => keep.has(r.s) && keep.has(r.t))
      .map((r) => ({ source: r.s, target: r.t, events: r.n, goldstein: mean(r.g, r.n) }))
      .sort((x, y) => y.events - x.events || (x.source + x.target < y.source + y.target ? -1 : 1));
    return { nodes, edges };
  }

  /** Country and name of actor codes (the name of the code without an actor id: `SAU` → Saudi Arabia). */
  private async codeInfo(
    codes: string[],
  ): Promise<Map<string, { country: string | null; name: string | null }>> {
    const out = new Map<string, { country: string | null; name: string | null }>();
    if (codes.length === 0) return out;
    const rows = await this.all<{ code: string; country: string | null; name: string | null }>(
      `SELECT code, max(country) AS country, max(CASE WHEN actor = '' THEN name END) AS name FROM actors
       WHERE code = ANY($1) GROUP BY code`,
      [codes],
    );
    for (const r of rows) out.set(r.code, { country: r.country, name: r.name });
    return out;
  }

  async places(filter: EventFilter): Promise<PlaceCount[]> {
    const p = new Params();
    const where = whereOf(filter, p);
    const rows = await this.all<{
      name: string;
      name_ar: string | null;
      country: string | null;
      lat: number | null;
      lon: number | null;
      n: number;
      g: number;
    }>(
      `SELECT e.place_name AS name, max(e.place_name_ar) AS name_ar, e.place_country AS country,
         max(e.place_lat) AS lat, max(e.place_lon) AS lon, count(*)::int AS n, sum(e.goldstein) AS g
       FROM events e WHERE ${where} AND e.place_name IS NOT NULL
       GROUP BY e.place_name, e.place_country ORDER BY n DESC, name LIMIT 1000`,
      p.values,
    );
    return rows.map((r) => ({
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
