/**
 * The PostgreSQL store on a throw-away cluster (test/helpers/pg-cluster.ts): what is specific to
 * PostgreSQL (migrations from two connections at once, two writers merging the same events at once,
 * the location without its password) and parity with the SQLite backend on the project's example
 * articles (every read of the Store interface gives the same answer on both).
 * Skipped with a message when the PostgreSQL binaries are missing (scripts/ensure-postgres.sh).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, loadResources } from '../../src/pipeline.js';
import { contentHash } from '../../src/store/ingest.js';
import { openPostgresStore, redactUrl } from '../../src/store/postgres/index.js';
import { MIGRATIONS, migrate } from '../../src/store/postgres/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { ArticleBatchItem, EventFilter, Store } from '../../src/store/types.js';
import type { InputDocument } from '../../src/types.js';
import { PG_SKIP_REASON, type PgCluster, startCluster, summaryMismatches } from '../helpers/pg-cluster.js';
import { storeContract } from './contract.js';
import { NAMED_SYRGOV, overlapReports, report } from './records.js';

if (PG_SKIP_REASON) console.warn(`skipping PostgreSQL store tests: ${PG_SKIP_REASON}`);

/** One cluster for the whole file, started on first use. */
let clusterPromise: Promise<PgCluster> | null = null;
function sharedCluster(): Promise<PgCluster> {
  clusterPromise ??= startCluster();
  return clusterPromise;
}
afterAll(async () => {
  if (clusterPromise) await (await clusterPromise).stop();
});

// the contract suite, each store on a fresh database of the cluster
if (!PG_SKIP_REASON)
  storeContract('postgres', async () => openPostgresStore(await (await sharedCluster()).createDatabase()));

const EXAMPLES = new URL('../../examples/articles.jsonl', import.meta.url);

function exampleDocs(): InputDocument[] {
  return readFileSync(EXAMPLES, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as InputDocument);
}

/** Remove the `added` timestamps (each store stamps its own) from any value. */
function withoutAdded(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutAdded);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'added') out[k] = withoutAdded(x);
    return out;
  }
  return v;
}

describe.skipIf(PG_SKIP_REASON !== null)('PostgreSQL store', () => {
  let cluster: PgCluster;

  beforeAll(async () => {
    cluster = await sharedCluster();
  });

  it('applies its migrations once when two connections open a new database at once', async () => {
    const url = await cluster.createDatabase();
    const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    try {
      const applied = await Promise.all(pools.map((p) => migrate(p)));
      const all = MIGRATIONS.map((m) => m.version);
      expect(applied.map((a) => a.length).sort()).toEqual([0, all.length]);
      const again = await migrate(pools[0] as pg.Pool);
      expect(again).toEqual([]);
      const { rows } = await (pools[0] as pg.Pool).query(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(all);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    // and opening stores from two "processes" (pools) at once on another fresh database
    const url2 = await cluster.createDatabase();
    const stores = await Promise.all([openPostgresStore(url2), openPostgresStore(url2)]);
    expect((await (stores[0] as Store).counts()).articles).toBe(0);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('shows its location without the password', async () => {
    expect(redactUrl('postgres://rasad:s3cret@db.example:5432/events')).toBe(
      'postgres://rasad@db.example:5432/events',
    );
    const store = await openPostgresStore(cluster.url);
    expect(store.kind).toBe('postgres');
    expect(store.location).not.toContain('s3cret');
    await store.close();
  });

  it('reports an unreachable database as STORE_UNAVAILABLE', async () => {
    await expect(openPostgresStore('postgres://nobody:pw@127.0.0.1:1/none')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });

  it('two writers storing reports of one event at once make one event', async () => {
    const url = await cluster.createDatabase();
    const a = await openPostgresStore(url);
    const b = await openPostgresStore(url);
    try {
      const res = loadResources();
      const base = exampleDocs()[0] as InputDocument;
      // twenty outlets report the same article text (with a different last line): one event each
      const items = (i: number): ArticleBatchItem => {
        const doc = { ...base, id: `${base.id}-${i}`, source: `outlet-${i}`, text: `${base.text}\n(${i})` };
        return { doc, hash: contentHash(doc), events: extract(doc, res) };
      };
      const perArticle = extract(base, res).length;
      expect(perArticle).toBeGreaterThan(0);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => ((i % 2 === 0 ? a : b) as Store).putArticles([items(i)])),
      );
      const counts = await a.counts();
      expect(counts.articles).toBe(20);
      expect(counts.mentions).toBe(20 * perArticle);
      // every event of the single article, reported twenty times
      const single = await openSqliteStore(':memory:');
      await single.putArticles([items(0)]);
      const expected = (await single.counts()).events;
      expect(counts.events).toBe(expected);
      const page = await a.queryEvents({ limit: 1000 });
      for (const e of page.events) expect(e.num_articles % 20).toBe(0);
      expect(await summaryMismatches(url)).toEqual([]);
      await single.close();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('keeps code_overlap in step, and builds it from the stored events when migrating', async () => {
    const url = await cluster.createDatabase();
    const store = await openPostgresStore(url);
    const stored = async () =>
      (await store.pool.query(`SELECT code, events FROM code_overlap ORDER BY code`)).rows;
    const recounted = async () =>
      (
        await store.pool.query(
          `SELECT source_code AS code, count(*)::int AS events FROM events
           WHERE source_code = target_code AND coalesce(source_actor, '') <> coalesce(target_actor, '')
           GROUP BY 1 ORDER BY 1`,
        )
      ).rows;
    try {
      await store.putArticles([
        ...overlapReports(),
        report('o3', '2025-05-06', 'c', { code: '111', source: 'SYRGOV', target: NAMED_SYRGOV }),
      ]);
      await store.replaceEvents('o3', []);
      expect(await stored()).toEqual([{ code: 'SYRGOV', events: 1 }]);
      expect(await stored()).toEqual(await recounted());
      const before = await store.overview();
      expect(before.actors.map((a) => [a.code, a.events])).toEqual([
        ['SYRGOV', 2],
        ['RUSGOV', 1],
      ]);
      await store.pool.query('DROP TABLE code_overlap; DELETE FROM schema_migrations WHERE version = 4');
      expect(await migrate(store.pool)).toEqual([4]);
      expect(await stored()).toEqual(await recounted());
      await store.putArticles([
        report('o4', '2025-05-08', 'd', { code: '043', source: 'IRN', target: 'IRN' }),
      ]);
      const after = await store.overview();
      expect(after.actors.filter((a) => a.code !== 'IRN')).toEqual(before.actors);
      expect(after.actors.find((a) => a.code === 'IRN')?.events).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('cached views follow writes made through another connection pool (another process)', async () => {
    const url = await cluster.createDatabase();
    const reader = await openPostgresStore(url);
    const writer = await openPostgresStore(url);
    try {
      const res = loadResources();
      const [d1, d2] = exampleDocs() as [InputDocument, InputDocument];
      await writer.putArticles([{ doc: d1, hash: contentHash(d1), events: extract(d1, res) }]);
      const first = await reader.overview();
      const net1 = await reader.network({});
      expect(await reader.overview()).toEqual(first);
      await writer.putArticles([{ doc: d2, hash: contentHash(d2), events: extract(d2, res) }]);
      const second = await reader.overview();
      expect(second.articles).toBe(first.articles + 1);
      expect(second.events).toBeGreaterThan(first.events);
      expect((await reader.network({})).edges.length).toBeGreaterThanOrEqual(net1.edges.length);
      // a reader's cached answer is a copy: changing it changes nothing stored
      second.actors.length = 0;
      expect((await reader.overview()).actors.length).toBeGreaterThan(0);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  describe('gives the answers of the SQLite backend on the example articles', () => {
    let pgStore: Store;
    let liteStore: Store;
    let pgUrl: string;

    beforeAll(async () => {
      pgUrl = await cluster.createDatabase();
      pgStore = await openPostgresStore(pgUrl);
      liteStore = await openSqliteStore(':memory:');
      const res = loadResources();
      const docs = exampleDocs();
      // the examples, then copies by other outlets a day later (merging across articles), one of
      // them queued, one failed, then one replaced by a new text
      const copies = docs.slice(0, 6).map((d, i) => ({
        ...d,
        id: `${d.id}-copy`,
        source: i % 2 === 0 ? 'other-outlet' : null,
        url: `https://news${i}.example/a/${i}`,
        text: `${d.text}\nنقلا عن وكالات.`,
        published:
          i < 3 && d.published
            ? new Date(Date.parse(d.published) + 86_400_000).toISOString().slice(0, 10)
            : d.published,
      }));
      const batches: ArticleBatchItem[][] = [
        docs.slice(0, 5).map((doc) => ({ doc, hash: contentHash(doc), events: extract(doc, res) })),
        [...docs.slice(5), ...copies].map((doc, i) => ({
          doc,
          hash: contentHash(doc),
          events: i === 7 ? null : extract(doc, res),
          ...(i === 8 ? { error: 'extraction failed on purpose' } : {}),
        })),
        // duplicates by hash, and a changed text for an existing id
        [
          { doc: docs[0] as InputDocument, hash: contentHash(docs[0] as InputDocument), events: [] },
          (() => {
            const d = { ...(docs[1] as InputDocument), text: `${(docs[1] as InputDocument).text}\nتحديث.` };
            return { doc: d, hash: contentHash(d), events: extract(d, res) };
          })(),
        ],
      ];
      for (const batch of batches) {
        const [x, y] = await Promise.all([pgStore.putArticles(batch), liteStore.putArticles(batch)]);
        expect(x).toEqual(y);
      }
      // re-extraction of one article with fewer records, and a failure mark
      const d2 = docs[2] as InputDocument;
      const fewer = extract(d2, res).slice(1);
      await pgStore.replaceEvents(d2.id, fewer);
      await liteStore.replaceEvents(d2.id, fewer);
      await pgStore.markFailed((docs[3] as InputDocument).id, 'boom');
      await liteStore.markFailed((docs[3] as InputDocument).id, 'boom');
    });

    afterAll(async () => {
      await pgStore?.close();
      await liteStore?.close();
    });

    async function same<T>(f: (s: Store) => Promise<T>): Promise<T> {
      const [x, y] = await Promise.all([f(pgStore), f(liteStore)]);
      expect(withoutAdded(x)).toEqual(withoutAdded(y));
      return x;
    }

    it('keeps its summary tables in step with the events', async () => {
      expect(await summaryMismatches(pgUrl)).toEqual([]);
    });

    it('articles, counts and mentions', async () => {
      const counts = await same((s) => s.counts());
      expect(counts.events).toBeGreaterThan(10);
      expect(counts.pending).toBe(1);
      const ids = await same((s) => s.listArticleIds({ limit: 100 }));
      await same((s) => s.listArticleIds({ limit: 3, after: ids[2] ?? null }));
      await same((s) => s.listArticleIds({ limit: 100, status: 'failed' }));
      for (const id of ids) {
        await same((s) => s.getArticle(id));
        await same((s) => s.articleMentions(id));
      }
      await same((s) => s.getArticle('no-such-article'));
      await same(async (s) => [
        ...(await s.knownHashes(['x', contentHash(exampleDocs()[4] as InputDocument)])),
      ]);
    });

    it('event queries, pages and streams', async () => {
      const all = await same((s) => s.queryEvents({ limit: 1000 }));
      expect(all.events.some((e) => e.num_articles > 1)).toBe(true);
      const filters: EventFilter[] = [
        {},
        { order: 'mentions' },
        { order: 'added' },
        { limit: 3, offset: 2 },
        { actor: 'SAU' },
        { actor: 'SAUGOV' },
        { source: 'EGY' },
        { target: 'EGY' },
        { pair: ['SAU', 'EGY'] },
        { country: 'EGY' },
        { code: '04' },
        { code: '042' },
        { quad: [1, 2] },
        { quad: [4] },
        { from: '2024-11-18', to: '2024-11-19' },
        { from: '2024-11' },
        { to: '2024' },
        { modality: ['future', 'negated'] },
        { place: 'Cairo' },
        { place: 'القاهرة' },
        { place: 'egy' },
        { text: 'القاهرة' },
        { text: 'وزير الخارجية' },
        { text: '...' },
        { article: exampleDocs()[0]?.id ?? '' },
        { minArticles: 2 },
      ];
      for (const e of all.events.slice(0, 5)) {
        if (e.source?.actor) filters.push({ actor: e.source.actor });
        if (e.target?.actor) filters.push({ target: e.target.actor });
      }
      for (const f of filters) await same((s) => s.queryEvents(f));
      for (const f of [{}, { actor: 'SAU' }]) {
        await same(async (s) => {
          const out = [];
          for await (const e of s.iterateEvents(f, { mentions: true })) out.push(e);
          return out;
        });
      }
      for (const e of all.events) await same((s) => s.getEvent(e.id));
      await same((s) => s.getEvent('ev-none'));
    });

    it('actors, relations, overview, network, places and article search', async () => {
      for (const q of ['', 'sau', 'EGY', 'Faisal', 'rasad:faisal-bin-farhan'])
        await same((s) => s.searchActors(q, 5));
      for (const k of ['SAU', 'SAUGOV', 'EGY', 'rasad:faisal-bin-farhan', 'ZZZ'])
        await same((s) => s.actorProfile(k, { partners: 5, recent: 3 }));
      await same((s) => s.relation('SAU', 'EGY'));
      await same((s) => s.relation('SAU', 'EGY', { from: '2024-11-01', to: '2024-12-31', top: 2 }));
      await same((s) => s.overview());
      await same((s) => s.overview({ from: '2024-01-01', top: 3 }));
      await same((s) => s.network({}));
      await same((s) => s.network({ actor: 'SAU', maxNodes: 3 }));
      await same((s) => s.places({}));
      await same((s) => s.places({ country: 'EGY' }));
      for (const q of ['القاهرة', 'الرياض وزير', 'xyzzy', '']) {
        const [x, y] = await Promise.all([pgStore.searchArticles(q), liteStore.searchArticles(q)]);
        // ranking functions differ (FTS5 bm25, ts_rank): the same hits, in any order
        const byId = (h: { id: string }[]) => [...h].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(byId(x)).toEqual(byId(y));
      }
    });
  });
});
