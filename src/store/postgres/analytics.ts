/**
 * Aggregate views of the PostgreSQL store: actor search and profiles, the relation between two
 * actors, the overview, the actor network and events per place — the same answers as the SQLite
 * backend (src/store/sqlite/analytics.ts). Unfiltered views read the summary tables (`actors`,
 * `code_overlap`, `month_stats`, `pair_stats`, kept in step by every write), filtered ones the
 * indexes of `events`; rows become the views' shapes in src/store/view-shapes.ts.
 */
import type pg from 'pg';
import { isCodePrefix, limitOf, prefixEnd } from '../filter-plan.js';
import { type EventRow, eventFromRow } from '../rows.js';
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
import { dateConds, eitherCond, isEmptyFilter, Params, pairCond, sideCond, whereOf } from './filter.js';

/** Events per actor code from the summaries: its `actors` rows less its `code_overlap` row. */
const CODE_EVENTS = `SELECT a.code,
    (sum(a.events) - coalesce((SELECT o.events FROM code_overlap o WHERE o.code = a.code), 0))::int AS events
  FROM actors a`;

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
    const n = limitOf(limit, 20);
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
    const partnerRows = await this.all<PartnerRow>(
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
    const partners = partnerRows.map(partnerOf);
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
      const exact = await this.codeEvents('a.code = $1', [key], 1);
      const best =
        exact.length > 0
          ? exact
          : await this.codeEvents('a.code >= $1 AND a.code < $2', [key, prefixEnd(key)], 1);
      return codeSummaries(best, await this.codeInfo(best.map((r) => r.code)))[0] ?? null;
    }
    const row = (
      await this.all<ActorRow>(`SELECT * FROM actors a WHERE actor = $1 ORDER BY events DESC, code LIMIT 1`, [
        key,
      ])
    )[0];
    return row ? summaryOf(row) : null;
  }

  /** The most active actor codes among those matching a condition on `actors a`, each event once. */
  private async codeEvents(
    cond: string,
    params: unknown[],
    limit: number,
  ): Promise<Array<{ code: string; events: number }>> {
    return this.all(
      `${CODE_EVENTS} ${cond ? `WHERE ${cond}` : ''} GROUP BY a.code ORDER BY events DESC, a.code
       LIMIT $${params.length + 1}`,
      [...params, limit],
    );
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
    const rows = await this.all<MonthRow>(
      `SELECT substr(e.day, 1, 7) AS month, e.quad, count(*)::int AS n, sum(e.goldstein) AS g
       FROM events e WHERE ${where} GROUP BY 1, 2`,
      p.values,
    );
    const top = (
      await this.all<EventRow>(
        `SELECT e.* FROM events e WHERE ${where}
         ORDER BY e.num_articles DESC, e.num_mentions DESC, e.day DESC NULLS LAST, e.seq DESC
         LIMIT $${p.values.length + 1}`,
        [...p.values, Math.max(0, opts?.top ?? 10)],
      )
    ).map(eventFromRow);
    return relationOf(a.trim(), b.trim(), rows, top);
  }

  async overview(opts?: { from?: string; to?: string; top?: number }): Promise<Overview> {
    const top = Math.max(0, opts?.top ?? 10);
    const articles = await this.count('SELECT count(*)::int AS n FROM articles', []);
    if (!opts?.from && !opts?.to) {
      const events = await this.count('SELECT count(*)::int AS n FROM events', []);
      const mentions = await this.count('SELECT count(*)::int AS n FROM mentions', []);
      const months = monthPoints(
        await this.all<MonthRow>('SELECT month, quad, events AS n, gsum AS g FROM month_stats', []),
      );
      const codes = await this.codeEvents('', [], top);
      const actors = codeSummaries(codes, await this.codeInfo(codes.map((c) => c.code)));
      const pairs = (
        await this.all<{ a: string; b: string; n: number; g: number }>(
          `SELECT least(source_code, target_code) AS a, greatest(source_code, target_code) AS b,
             sum(events)::int AS n, sum(gsum) AS g
           FROM pair_stats GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT $1`,
          [top],
        )
      ).map(pairOf);
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
      await this.all<MonthRow>(
        `SELECT substr(e.day, 1, 7) AS month, e.quad, count(*)::int AS n, sum(e.goldstein) AS g
         FROM events e WHERE ${where} GROUP BY 1, 2`,
        p.values,
      ),
    );
    // an event with one code on both sides counts once
    const codes = await this.all<{ code: string; events: number }>(
      `SELECT code, sum(n)::int AS events FROM (
         SELECT e.source_code AS code, count(*) AS n FROM events e
           WHERE ${where} AND e.source_code IS NOT NULL GROUP BY 1
         UNION ALL
         SELECT e.target_code AS code, count(*) AS n FROM events e
           WHERE ${where} AND e.target_code IS NOT NULL AND e.target_code IS DISTINCT FROM e.source_code
           GROUP BY 1) s
       GROUP BY code ORDER BY events DESC, code LIMIT $${p.values.length + 1}`,
      [...p.values, top],
    );
    const actors = codeSummaries(codes, await this.codeInfo(codes.map((c) => c.code)));
    const pairs = (
      await this.all<{ a: string; b: string; n: number; g: number }>(
        `SELECT least(e.source_code, e.target_code) AS a, greatest(e.source_code, e.target_code) AS b,
           count(*)::int AS n, sum(e.goldstein) AS g
         FROM events e WHERE ${where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
         GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT $${p.values.length + 1}`,
        [...p.values, top],
      )
    ).map(pairOf);
    return { articles, events: tot.n, mentions: tot.m ?? 0, months, actors, pairs };
  }

  async network(filter: EventFilter & { maxNodes?: number }): Promise<Network> {
    const { maxNodes, ...f } = filter;
    let rows: EdgeRow[];
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
    const kept = networkNodes(rows, Math.max(1, Math.floor(maxNodes ?? 50)));
    return networkOf(rows, kept, await this.codeInfo(kept.map((k) => k.code)));
  }

  /** Country and name of actor codes, from the `actors` summary. */
  private async codeInfo(codes: string[]): Promise<CodeInfo> {
    const out: CodeInfo = new Map();
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
    const rows = await this.all<PlaceRow>(
      `SELECT e.place_name AS name, max(e.place_name_ar) AS name_ar, e.place_country AS country,
         max(e.place_lat) AS lat, max(e.place_lon) AS lon, count(*)::int AS n, sum(e.goldstein) AS g
       FROM events e WHERE ${whereOf(filter, p)} AND e.place_name IS NOT NULL
       GROUP BY e.place_name, e.place_country ORDER BY n DESC, name LIMIT 1000`,
      p.values,
    );
    return rows.map(placeCountOf);
  }
}
