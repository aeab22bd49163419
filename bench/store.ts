/**
 * Store, API and dashboard figures for `npm run bench`:
 * - ingest of the first N corpus articles into a fresh SQLite store (extraction included);
 * - ingest of the whole corpus (30,100 articles);
 * - query latency (median, 95th percentile) of `relation` and a filtered `queryEvents` over a
 *   synthetic store of one million events;
 * - API latency of the overview and relation endpoints over that store;
 * - the dashboard's first load in Chromium (time to a usable overview).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocuments } from '../src/io/read.js';
import type { Resources } from '../src/pipeline.js';
import { ingestDocuments, ingestItems } from '../src/store/ingest.js';
import { openStore } from '../src/store/open.js';
import type { EventFilter, Store } from '../src/store/types.js';
import type { InputDocument } from '../src/types.js';

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rasad-bench-'));
}

export interface Latency {
  median: number;
  p95: number;
  n: number;
}

/** Median and 95th percentile, in milliseconds, of `fn` run once per argument. */
export async function latency<T>(args: readonly T[], fn: (a: T) => Promise<unknown>): Promise<Latency> {
  const ms: number[] = [];
  for (const a of args) {
    const t0 = process.hrtime.bigint();
    await fn(a);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((x, y) => x - y);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), n: ms.length };
}

export function fmtLatency(l: Latency): string {
  return `median ${l.median.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms (${l.n} runs)`;
}

export async function benchIngest(docs: InputDocument[], res: Resources): Promise<void> {
  const dir = tempDir();
  try {
    const store = await openStore(join(dir, 'ingest.db'));
    const t0 = process.hrtime.bigint();
    const s = await ingestDocuments(store, docs, { resources: res });
    const t = seconds(t0);
    const c = await store.counts();
    await store.close();
    console.log(
      `ingest into SQLite (extraction included), first ${docs.length} articles: ${(docs.length / t).toFixed(0)} articles/s (${t.toFixed(1)} s; ${s.mentions} records → ${c.events} merged events)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchWholeCorpus(corpus: string, res: Resources): Promise<void> {
  const dir = tempDir();
  try {
    const store = await openStore(join(dir, 'corpus.db'));
    const t0 = process.hrtime.bigint();
    const s = await ingestItems(store, readDocuments([corpus]), { resources: res, batchSize: 500 });
    const t = seconds(t0);
    const c = await store.counts();
    await store.close();
    console.log(
      `ingest of the whole corpus into SQLite: ${s.documents} articles in ${t.toFixed(1)} s (${(s.documents / t).toFixed(0)} articles/s; target < 180 s); ${c.articles} stored, ${s.failed} failed, ${c.events} merged events from ${c.mentions} records`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs and filters to ask a store of synthetic events. */
const COUNTRIES = [
  'SYR',
  'RUS',
  'USA',
  'ISR',
  'PSE',
  'EGY',
  'IRN',
  'TUR',
  'SAU',
  'IRQ',
  'LBN',
  'YEM',
  'ARE',
  'QAT',
  'JOR',
];

function pairs(n: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; out.length < n; i++) {
    const a = COUNTRIES[i % COUNTRIES.length] as string;
    const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length] as string;
    if (a !== b) out.push([a, b]);
  }
  return out;
}

function filters(n: number): EventFilter[] {
  const out: EventFilter[] = [];
  for (let i = 0; i < n; i++) {
    const y = 2021 + (i % 4);
    out.push({
      actor: COUNTRIES[i % COUNTRIES.length] as string,
      quad: [((i % 4) + 1) as 1 | 2 | 3 | 4],
      from: `${y}-01-01`,
      to: `${y}-12-31`,
      limit: 50,
    });
  }
  return out;
}

export async function withSyntheticStore(
  events: number,
  fn: (path: string, store: Store) => Promise<void>,
): Promise<void> {
  const { generateSyntheticStore } = await import('../src/store/synthetic.js');
  const dir = tempDir();
  const path = join(dir, 'synthetic.db');
  try {
    const t0 = process.hrtime.bigint();
    await generateSyntheticStore(path, { events, seed: 1 });
    console.log(
      `synthetic store: ${events.toLocaleString('en')} events generated in ${seconds(t0).toFixed(1)} s`,
    );
    const store = await openStore(path);
    try {
      await fn(path, store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchQueries(store: Store): Promise<void> {
  // one warm-up round, as a long-running server would have
  for (const [a, b] of pairs(5)) await store.relation(a, b);
  const rel = await latency(pairs(60), ([a, b]) => store.relation(a, b));
  console.log(`rasad relation over 1M events (SQLite): ${fmtLatency(rel)}; target p95 < 100 ms`);
  const ev = await latency(filters(60), (f) => store.queryEvents(f));
  console.log(
    `rasad events, filtered (actor + quad + year, 50 a page) over 1M events: ${fmtLatency(ev)}; target p95 < 100 ms`,
  );
}

export async function benchApi(path: string): Promise<{ url: string; close: () => Promise<void> }> {
  const { startServer } = await import('../src/server/serve.js');
  const server = await startServer({ db: path, host: '127.0.0.1', port: 0 });
  const get = async (u: string) => {
    const r = await fetch(server.url + u);
    if (!r.ok) throw new Error(`${u}: HTTP ${r.status}`);
    await r.arrayBuffer();
  };
  const cold = await latency([0], () => get('/api/overview'));
  console.log(
    `API GET /api/overview, first call on a cold cache (answers are cached until the next write): ${cold.median.toFixed(1)} ms`,
  );
  const ov = await latency(
    Array.from({ length: 40 }, (_, i) => i),
    () => get('/api/overview'),
  );
  console.log(`API GET /api/overview over 1M events (cached): ${fmtLatency(ov)}`);
  const rel = await latency(pairs(40), ([a, b]) => get(`/api/relation?a=${a}&b=${b}`));
  console.log(`API GET /api/relation over 1M events: ${fmtLatency(rel)}`);
  return server;
}
