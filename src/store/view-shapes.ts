/**
 * Rows of the aggregate queries → the shapes of the store's views (actor summaries, month series,
 * partners, pairs, the network, places, relations), the same for every backend: only the SQL that
 * reads the rows is written per dialect. Means are rounded to 4 decimals so that backends agree.
 */
import type {
  ActorSummary,
  MonthPoint,
  Network,
  NetworkEdge,
  Partner,
  PlaceCount,
  Relation,
  StoredEvent,
} from './types.js';

/** A row of the `actors` summary (actor `''` for none). */
export interface ActorRow {
  code: string;
  actor: string;
  name: string | null;
  country: string | null;
  events: number;
}

export function summaryOf(r: ActorRow): ActorSummary {
  return { code: r.code, country: r.country, actor: r.actor || null, name: r.name, events: r.events };
}

/** Country and name of actor codes (the name of the code without an actor id: `SAU` → Saudi Arabia). */
export type CodeInfo = Map<string, { country: string | null; name: string | null }>;

/** Summaries of actor codes (every actor id of the code together) with their events. */
export function codeSummaries(
  rows: ReadonlyArray<{ code: string; events: number }>,
  info: CodeInfo,
): ActorSummary[] {
  return rows.map(({ code, events }) => ({
    code,
    country: info.get(code)?.country ?? null,
    actor: null,
    name: info.get(code)?.name ?? null,
    events,
  }));
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Mean of `n` values summing to `sum`, null when there are none. */
export function mean(sum: number | null, n: number): number | null {
  return n > 0 && sum !== null ? round(sum / n) : null;
}

type Quads = [number, number, number, number];

/** Events of one month (null: undated) and quad class, with the sum of their Goldstein values. */
export interface MonthRow {
  month: string | null;
  quad: number;
  n: number;
  g: number;
}

/** Month rows → month points, ascending (undated rows left out). */
export function monthPoints(rows: readonly MonthRow[]): MonthPoint[] {
  const by = new Map<string, { quads: Quads; events: number; g: number }>();
  for (const r of rows) {
    if (r.month === null) continue;
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

/** The relation of two actors from its month rows (undated included) and its top events. */
export function relationOf(a: string, b: string, rows: readonly MonthRow[], top: StoredEvent[]): Relation {
  const events = rows.reduce((n, r) => n + r.n, 0);
  const gsum = rows.reduce((n, r) => n + r.g, 0);
  return { a, b, events, goldstein: mean(gsum, events), months: monthPoints(rows), top };
}

/** A partner code of an actor: events, Goldstein sum and events per quad class. */
export interface PartnerRow {
  code: string;
  n: number;
  g: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
}

export function partnerOf(r: PartnerRow): Partner {
  return {
    code: r.code,
    name: null,
    events: r.n,
    goldstein: round(r.g / r.n),
    quads: [r.q1, r.q2, r.q3, r.q4],
  };
}

/** A pair of actor codes, either direction merged (`a` ≤ `b`). */
export function pairOf(r: { a: string; b: string; n: number; g: number }): {
  a: string;
  b: string;
  events: number;
  goldstein: number | null;
} {
  return { a: r.a, b: r.b, events: r.n, goldstein: mean(r.g, r.n) };
}

/** Events and Goldstein sum of a directed pair of actor codes. */
export interface EdgeRow {
  s: string;
  t: string;
  n: number;
  g: number;
}

/** The most active codes of the edges (events as source or target, an edge to itself once), at most `max`. */
export function networkNodes(rows: readonly EdgeRow[], max: number): Array<{ code: string; events: number }> {
  const activity = new Map<string, number>();
  for (const r of rows) {
    activity.set(r.s, (activity.get(r.s) ?? 0) + r.n);
    if (r.t !== r.s) activity.set(r.t, (activity.get(r.t) ?? 0) + r.n);
  }
  return [...activity.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, max)
    .map(([code, events]) => ({ code, events }));
}

/** The network of the kept nodes: the edges between them, most active first. */
export function networkOf(
  rows: readonly EdgeRow[],
  kept: ReadonlyArray<{ code: string; events: number }>,
  info: CodeInfo,
): Network {
  const keep = new Set(kept.map((k) => k.code));
  const edges: NetworkEdge[] = rows
    .filter((r) => keep.has(r.s) && keep.has(r.t))
    .map((r) => ({ source: r.s, target: r.t, events: r.n, goldstein: mean(r.g, r.n) }))
    .sort((x, y) => y.events - x.events || (x.source + x.target < y.source + y.target ? -1 : 1));
  return { nodes: codeSummaries(kept, info), edges };
}

/** Events per place name and country. */
export interface PlaceRow {
  name: string;
  name_ar: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  n: number;
  g: number;
}

export function placeCountOf(r: PlaceRow): PlaceCount {
  return {
    name: r.name,
    name_ar: r.name_ar ?? '',
    country: r.country,
    lat: r.lat,
    lon: r.lon,
    events: r.n,
    goldstein: mean(r.g, r.n),
  };
}
