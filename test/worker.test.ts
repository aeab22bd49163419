/**
 * Extraction workers as separate OS processes (`node dist/src/worker/main.js`) on a throw-away
 * PostgreSQL cluster: 40 pending articles (the project's examples, four copies each with ids and a
 * last line of their own) are queued and two workers drain the queue at once; then again with one
 * worker killed (SIGKILL) while it holds jobs. Every article must end `done`, extracted exactly once
 * (the store's `extractions` counter), with the mentions of one clean extraction, and the events of
 * a sequential ingest. Needs the build (`npx tsc -p tsconfig.build.json`; CI builds before testing).
 * Skipped with a message when the PostgreSQL binaries are missing (scripts/ensure-postgres.sh).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resources } from '../src/pipeline.js';
import { contentHash } from '../src/store/ingest.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import type { ArticleBatchItem } from '../src/store/types.js';
import type { InputDocument } from '../src/types.js';
import { enqueueArticles, enqueuePending, startWorker } from '../src/worker/index.js';
import type { ProcessedArticle } from '../src/worker/worker.js';
import { PG_SKIP_REASON, type PgCluster, startCluster, summaryMismatches } from './helpers/pg-cluster.js';

if (PG_SKIP_REASON) console.warn(`skipping worker tests: ${PG_SKIP_REASON}`);

const DIST = new URL('../dist/src/', import.meta.url);
const MAIN = fileURLToPath(new URL('worker/main.js', DIST));

/**
 * The build's extractor and SQLite store, which the worker processes run: the expected results come
 * from the same code as the workers' even while the sources are being edited.
 */
async function built(): Promise<{
  pipeline: typeof import('../src/pipeline.js');
  sqlite: typeof import('../src/store/sqlite/index.js');
}> {
  const load = (p: string) => import(new URL(p, DIST).href);
  return { pipeline: await load('pipeline.js'), sqlite: await load('store/sqlite/index.js') };
}
const COPIES = 4;

/** The examples, COPIES times, each copy with its own id and last line (so its own hash). */
function articles(): InputDocument[] {
  const docs = readFileSync(new URL('../examples/articles.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as InputDocument);
  const out: InputDocument[] = [];
  for (let k = 1; k <= COPIES; k++)
    for (const d of docs)
      out.push({ ...d, id: `${d.id}--${k}`, source: `outlet-${k}`, text: `${d.text}\n(${k})` });
  return out;
}

interface WorkerProcess {
  child: ChildProcess;
  lines: Array<ProcessedArticle & { pid: number }>;
  stderr: string[];
  ready: Promise<void>;
  exited: Promise<number | null>;
}

function spawnWorker(url: string, extra: string[] = []): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      MAIN,
      '--db',
      url,
      '--concurrency',
      '2',
      '--poll-seconds',
      '0.5',
      '--maintenance-seconds',
      '1',
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: WorkerProcess['lines'] = [];
  const stderr: string[] = [];
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    let nl = out.indexOf('\n');
    while (nl !== -1) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      if (line.trim()) lines.push(JSON.parse(line));
      nl = out.indexOf('\n');
    }
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr.push(chunk);
      if (/ready/.test(chunk)) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before it was ready: ${stderr.join('')}`)),
    );
  });
  ready.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, stderr, ready, exited };
}

async function waitFor(
  what: string,
  cond: () => Promise<boolean> | boolean,
  timeoutMs = 45_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(PG_SKIP_REASON !== null)('extraction workers', () => {
  let cluster: PgCluster;
  const docs = articles();
  /** Records of one clean extraction per article. */
  const expected = new Map<string, number>();
  /** Events and mentions of a sequential ingest of the same articles. */
  let sequential: { events: number; mentions: number };
  const spawned: WorkerProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error(`${MAIN} is missing: build first (npx tsc -p tsconfig.build.json)`);
    cluster = await startCluster();
    const { pipeline, sqlite } = await built();
    const res = pipeline.loadResources();
    const lite = await sqlite.openSqliteStore(':memory:');
    for (const doc of docs) {
      const events = pipeline.extract(doc, res);
      expected.set(doc.id, events.length);
      await lite.putArticles([{ doc, hash: contentHash(doc), events }]);
    }
    const c = await lite.counts();
    sequential = { events: c.events, mentions: c.mentions };
    await lite.close();
  });

  afterAll(async () => {
    for (const w of spawned)
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await cluster?.stop();
  });

  /** A fresh database holding the articles, all pending; returns its URL. */
  async function pendingStore(): Promise<string> {
    const url = await cluster.createDatabase();
    const store = await openPostgresStore(url);
    const items: ArticleBatchItem[] = docs.map((doc) => ({ doc, hash: contentHash(doc), events: null }));
    const r = await store.putArticles(items);
    expect(r.stored).toBe(docs.length);
    expect((await store.counts()).pending).toBe(docs.length);
    await store.close();
    return url;
  }

  /** Every article done, extracted once, with one clean extraction's mentions; the events of a sequential ingest. */
  async function checkStore(url: string): Promise<void> {
    const store = await openPostgresStore(url);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const counts = await store.counts();
      expect(counts).toMatchObject({ articles: docs.length, pending: 0, failed: 0 });
      const { rows } = await db.query<{
        id: string;
        status: string;
        extractions: number;
        events: number;
        n: number;
      }>(
        `SELECT a.id, a.status, a.extractions, a.events, (SELECT count(*)::int FROM mentions m WHERE m.article = a.id) AS n
         FROM articles a ORDER BY a.seq`,
      );
      expect(rows).toHaveLength(docs.length);
      for (const r of rows) {
        const want = expected.get(r.id);
        expect({ id: r.id, status: r.status, extractions: r.extractions, events: r.events, n: r.n }).toEqual({
          id: r.id,
          status: 'done',
          extractions: 1,
          events: want,
          n: want,
        });
      }
      expect({ events: counts.events, mentions: counts.mentions }).toEqual(sequential);
      // every event's counts agree with its mentions: nothing half-written
      const bad = await db.query(
        `SELECT e.id FROM events e LEFT JOIN mentions m ON m.event_id = e.id
         GROUP BY e.id, e.num_mentions HAVING count(m.seq) <> e.num_mentions`,
      );
      expect(bad.rows).toEqual([]);
      expect(await summaryMismatches(url)).toEqual([]);
      const jobs = await db.query<{ state: string; n: number }>(
        "SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = 'rasad-extract' GROUP BY 1",
      );
      expect(jobs.rows).toEqual([{ state: 'completed', n: docs.length }]);
    } finally {
      await db.end();
      await store.close();
    }
  }

  it('queues an article once however often it is queued before a worker takes it', async () => {
    const url = await pendingStore();
    const ids = docs.map((d) => d.id);
    expect(await enqueueArticles(url, ids)).toBe(docs.length);
    await enqueueArticles(url, [...ids.slice(-5), ...ids.slice(0, 2)]);
    expect(await enqueuePending(url)).toBe(docs.length);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number; articles: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT data->>'article')::int AS articles
         FROM pgboss.job WHERE name = 'rasad-extract' AND state = 'created'`,
      );
      expect(rows).toEqual([{ n: docs.length, articles: docs.length }]);
    } finally {
      await db.end();
    }
  });

  it('in process: marks articles whose extraction throws failed, skips unknown ids, stops when drained', async () => {
    const url = await pendingStore();
    const ids = docs.slice(0, 3).map((d) => d.id);
    await enqueueArticles(url, [...ids, 'no-such-article']);
    const seen: ProcessedArticle[] = [];
    // dictionaries that make every extraction throw
    const broken = {} as Resources;
    const worker = await startWorker({
      url,
      concurrency: 2,
      untilEmpty: true,
      pollSeconds: 0.5,
      resources: broken,
      onProcessed: (p) => seen.push(p),
    });
    await worker.done;
    expect(worker.stats).toEqual({ done: 0, failed: 3, missing: 1, lost: 0 });
    expect(seen.map((p) => `${p.article}:${p.status}`).sort()).toEqual(
      [...ids.map((id) => `${id}:failed`), 'no-such-article:missing'].sort(),
    );
    const store = await openPostgresStore(url);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      for (const id of ids) {
        const a = await store.getArticle(id);
        expect(a?.status).toBe('failed');
        expect(a?.error).toMatch(/\w/);
      }
      expect((await store.counts()).failed).toBe(3);
      const { rows } = await db.query<{ state: string; n: number }>(
        "SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = 'rasad-extract' GROUP BY 1",
      );
      expect(rows).toEqual([{ state: 'completed', n: 4 }]);
    } finally {
      await db.end();
      await store.close();
    }
  });

  it('two worker processes at once extract every queued article exactly once', async () => {
    const url = await pendingStore();
    const a = spawnWorker(url, ['--delay-ms', '50']);
    const b = spawnWorker(url, ['--delay-ms', '50']);
    spawned.push(a, b);
    await Promise.all([a.ready, b.ready]);
    expect(
      await enqueueArticles(
        url,
        docs.map((d) => d.id),
      ),
    ).toBe(docs.length);
    const lines = () => [...a.lines, ...b.lines];
    await waitFor('every article to be processed', () => lines().length >= docs.length);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(lines().filter((l) => l.status !== 'done')).toEqual([]);
    expect(
      lines()
        .map((l) => l.article)
        .sort(),
    ).toEqual(docs.map((d) => d.id).sort());
    expect(a.lines.length).toBeGreaterThan(0);
    expect(b.lines.length).toBeGreaterThan(0);
    for (const l of lines()) expect(l.mentions).toBe(expected.get(l.article));
    await checkStore(url);
  });

  it('a worker killed while it holds jobs loses nothing: another one finishes them, once', async () => {
    const url = await pendingStore();
    const a = spawnWorker(url, ['--delay-ms', '150']);
    const b = spawnWorker(url, ['--delay-ms', '150']);
    spawned.push(a, b);
    await Promise.all([a.ready, b.ready]);
    // every pending article, with a short expiry so that a dead worker's jobs come back quickly
    expect(await enqueuePending(url, { expireSeconds: 2 })).toBe(docs.length);
    await waitFor('the first worker to process three articles', () => a.lines.length >= 3);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBeNull();
    // a restarted worker and the survivor finish; the restarted one stops once the queue is drained
    const c = spawnWorker(url, ['--until-empty', '--delay-ms', '150']);
    spawned.push(c);
    expect(await c.exited).toBe(0);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      // jobs held by the killed worker were handed over after their expiry
      const retried = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'rasad-extract' AND retry_count > 0",
      );
      expect(retried.rows[0]?.n ?? 0).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
    // no article was reported done twice (a killed worker may have committed without reporting)
    const done = [...a.lines, ...b.lines, ...c.lines]
      .filter((l) => l.status === 'done')
      .map((l) => l.article);
    expect(new Set(done).size).toBe(done.length);
    await checkStore(url);
  });
});
