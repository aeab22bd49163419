/**
 * The read and extraction routes of the HTTP API, injected with `app.request()` against a real
 * SQLite store filled from the example articles (and the seed article when ../shared is present).
 * Every 200 body is checked against the response schema the OpenAPI document publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import {
  ActorProfileSchema,
  ActorSummarySchema,
  ArticleHitSchema,
  ArticleViewSchema,
  EventPageSchema,
  ExtractResultSchema,
  HealthSchema,
  NetworkSchema,
  OverviewSchema,
  PlaceCountSchema,
  RelationSchema,
  StoredEventSchema,
} from '../../src/server/schemas.js';
import type { Store, StoredEvent } from '../../src/store/types.js';
import { SEED_PATH } from '../fixtures/checks.js';
import { body, exampleDocs, filledStore, SEED_ID, seedDoc } from './fixtures.js';

let store: Store;
let app: ReturnType<typeof createApp>;
const get = (path: string) => app.request(path);
const post = (path: string, json: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });

beforeAll(async () => {
  store = await filledStore();
  app = createApp({ store, loopback: true, staticDir: null });
});
afterAll(async () => {
  await store?.close();
});

async function allEvents(query = ''): Promise<StoredEvent[]> {
  const res = await get(`/api/events?limit=500${query ? `&${query}` : ''}`);
  expect(res.status).toBe(200);
  return EventPageSchema.parse(await body(res)).events as StoredEvent[];
}

describe('GET /api/health and /api/overview', () => {
  it('health reports the store kind and counts', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    const h = HealthSchema.parse(await body(res));
    expect(h.store).toBe('sqlite');
    expect(h.counts.articles).toBe(exampleDocs().length + (seedDoc() ? 1 : 0));
    expect(h.counts.events).toBeGreaterThan(5);
  });

  it('overview has counts, months and actors, and honours from/to', async () => {
    const all = OverviewSchema.parse(await body(await get('/api/overview?top=5')));
    expect(all.events).toBeGreaterThan(5);
    expect(all.actors.length).toBeGreaterThan(0);
    expect(all.actors.length).toBeLessThanOrEqual(5);
    const months = all.months.map((m) => m.month);
    expect(months).toContain('2015-11');
    const only2015 = OverviewSchema.parse(
      await body(await get('/api/overview?from=2015-01-01&to=2015-12-31')),
    );
    expect(only2015.months.every((m) => m.month.startsWith('2015-'))).toBe(true);
    expect(only2015.months.length).toBeGreaterThan(0);
  });
});

describe('GET /api/events', () => {
  it('pages with the default limit of 50 and reports the total', async () => {
    const res = await get('/api/events');
    const page = EventPageSchema.parse(await body(res));
    expect(page.limit).toBe(50);
    expect(page.offset).toBe(0);
    expect(page.total).toBeGreaterThan(5);
    expect(page.events.length).toBe(Math.min(50, page.total));
    const second = EventPageSchema.parse(await body(await get('/api/events?limit=2&offset=2')));
    expect(second.events.map((e) => e.id)).toEqual(page.events.slice(2, 4).map((e) => e.id));
  });

  it('filters by quad, modality, code and dates', async () => {
    const all = await allEvents();
    const q12 = await allEvents('quad=1,2');
    expect(q12.length).toBeGreaterThan(0);
    expect(q12.every((e) => e.quad === 1 || e.quad === 2)).toBe(true);
    expect(q12.length).toBe(all.filter((e) => e.quad <= 2).length);
    const fut = await allEvents('modality=future,hypothetical');
    expect(fut.every((e) => e.modality === 'future' || e.modality === 'hypothetical')).toBe(true);
    expect(fut.length).toBe(
      all.filter((e) => e.modality === 'future' || e.modality === 'hypothetical').length,
    );
    const code = all[0]!.code.slice(0, 2);
    const byCode = await allEvents(`code=${code}`);
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((e) => e.code.startsWith(code))).toBe(true);
    const y2015 = await allEvents('from=2015-01-01&to=2015-12-31');
    expect(y2015.length).toBeGreaterThan(0);
    expect(y2015.every((e) => e.date?.startsWith('2015') === true)).toBe(true);
  });

  it('filters by pair (either direction), actor, article and full text', async () => {
    const all = await allEvents();
    const e = all.find((x) => x.source && x.target && x.source.code !== x.target.code)!;
    expect(e).toBeDefined();
    const [a, b] = [e.source!.code, e.target!.code];
    const forward = await allEvents(`pair=${a},${b}`);
    const backward = await allEvents(`pair=${b},${a}`);
    expect(forward.map((x) => x.id)).toContain(e.id);
    expect(backward.map((x) => x.id).sort()).toEqual(forward.map((x) => x.id).sort());
    const byActor = await allEvents(`actor=${a}`);
    expect(byActor.every((x) => x.source?.code.startsWith(a) || x.target?.code.startsWith(a))).toBe(true);
    const inArticle = await allEvents(`article=${encodeURIComponent(e.first_article)}`);
    expect(inArticle.map((x) => x.id)).toContain(e.id);
    const text = await allEvents(`q=${encodeURIComponent('بغداد')}`);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(all.length);
  });

  it('orders by mentions when asked', async () => {
    const page = EventPageSchema.parse(await body(await get('/api/events?order=mentions&limit=500')));
    const counts = page.events.map((e) => e.num_mentions);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it('rejects invalid filters with 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['limit=501', 'query.limit'],
      ['limit=0', 'query.limit'],
      ['limit=abc', 'query.limit'],
      ['offset=-1', 'query.offset'],
      ['quad=5', 'query.quad'],
      ['quad=1,', 'query.quad'],
      ['modality=certain', 'query.modality'],
      ['from=2025-13-01', 'query.from'],
      ['from=2025-02-30', 'query.from'],
      ['to=24-01-01', 'query.to'],
      ['pair=SYR', 'query.pair'],
      ['code=4a', 'query.code'],
      ['country=syria', 'query.country'],
      ['order=random', 'query.order'],
      ['from=2025-02-01&to=2025-01-01', 'query.from'],
    ];
    for (const [query, path] of cases) {
      const res = await get(`/api/events?${query}`);
      expect(res.status, query).toBe(400);
      const b = await body(res);
      expect(b.error.code, query).toBe('INVALID_REQUEST');
      expect(b.error.message, query).toContain(path);
    }
  });
});

describe('GET /api/events/:id', () => {
  it('answers the event with its mentions', async () => {
    const [first] = await allEvents();
    const res = await get(`/api/events/${encodeURIComponent(first!.id)}`);
    expect(res.status).toBe(200);
    const e = StoredEventSchema.parse(await body(res));
    expect(e.id).toBe(first!.id);
    expect(e.mentions?.length).toBe(first!.num_mentions);
    expect(e.mentions!.every((m) => m.event === e.id)).toBe(true);
  });

  it('404s an unknown event', async () => {
    const res = await get('/api/events/no-such-event');
    expect(res.status).toBe(404);
    expect(await body(res)).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-event') },
    });
  });
});

describe('actors, relation, network, places', () => {
  it('finds actors and profiles one', async () => {
    const list = await body(await get('/api/actors?limit=5'));
    const actors = ActorSummarySchema.array().parse(list.actors);
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.length).toBeLessThanOrEqual(5);
    const code = actors[0]!.code;
    const res = await get(`/api/actors/${code}`);
    expect(res.status).toBe(200);
    const p = ActorProfileSchema.parse(await body(res));
    expect(p.key).toBe(code);
    expect(p.events).toBeGreaterThan(0);
    expect(p.asSource + p.asTarget).toBeGreaterThanOrEqual(p.events);
    expect((await get('/api/actors?limit=9999')).status).toBe(400);
  });

  it('takes actors by Arabic name: search, profile, relation, event filters', async () => {
    const q = encodeURIComponent;
    const arabic = ActorSummarySchema.array().parse(
      (await body(await get(`/api/actors?q=${q('السعودية')}`))).actors,
    );
    expect(arabic.length).toBeGreaterThan(0);
    expect(arabic.every((a) => a.code.startsWith('SAU'))).toBe(true);
    const rel = await body(await get(`/api/relation?a=${q('السعودية')}&b=${q('مصر')}`));
    expect(rel).toEqual(await body(await get('/api/relation?a=SAU&b=EGY')));
    const ev = await body(await get(`/api/events?actor=${q('السعودية')}`));
    expect(ev).toEqual(await body(await get('/api/events?actor=SAU')));
    const none = await get(`/api/actors/${q('كلام عام')}`);
    expect(none.status).toBe(400);
    expect((await body(none)).error.message).toContain('no known actor');
  });

  it('relation of two actors, and 400 without b', async () => {
    const e = (await allEvents()).find((x) => x.source && x.target && x.source.code !== x.target.code)!;
    const res = await get(`/api/relation?a=${e.source!.code}&b=${e.target!.code}&top=3`);
    expect(res.status).toBe(200);
    const r = RelationSchema.parse(await body(res));
    expect(r.events).toBeGreaterThan(0);
    expect(r.top.length).toBeGreaterThan(0);
    expect(r.top.length).toBeLessThanOrEqual(3);
    const bad = await get(`/api/relation?a=${e.source!.code}`);
    expect(bad.status).toBe(400);
    expect((await body(bad)).error.message).toContain('query.b');
  });

  it('network and places follow the filters', async () => {
    const net = NetworkSchema.parse(await body(await get('/api/network?maxNodes=10')));
    expect(net.nodes.length).toBeGreaterThan(0);
    expect(net.nodes.length).toBeLessThanOrEqual(10);
    const codes = new Set(net.nodes.map((n) => n.code));
    expect(net.edges.every((x) => codes.has(x.source) && codes.has(x.target))).toBe(true);
    const places = PlaceCountSchema.array().parse((await body(await get('/api/places'))).places);
    expect(places.length).toBeGreaterThan(0);
    const q4 = PlaceCountSchema.array().parse((await body(await get('/api/places?quad=4'))).places);
    const sum = (xs: typeof places) => xs.reduce((s, p) => s + p.events, 0);
    expect(sum(q4)).toBeLessThanOrEqual(sum(places));
    expect((await get('/api/network?maxNodes=100000')).status).toBe(400);
  });
});

describe('GET /api/articles/:id and /api/search', () => {
  it('article view: spans into the stored text, mentions and their events', async () => {
    const doc = exampleDocs()[0]!;
    const res = await get(`/api/articles/${doc.id}`);
    expect(res.status).toBe(200);
    const v = ArticleViewSchema.parse(await body(res));
    expect(v.article.id).toBe(doc.id);
    expect(v.article.text).toBe(doc.text);
    const text = v.annotations.text;
    expect(text).toBe(doc.text);
    expect(v.annotations.sentences.length).toBeGreaterThan(1);
    for (const s of [...v.annotations.actors, ...v.annotations.places, ...v.annotations.times])
      expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(v.annotations.actors.length).toBeGreaterThan(0);
    expect(v.mentions.length).toBe(v.article.events);
    for (const m of v.mentions) expect(text.slice(m.start, m.end)).toBe(m.trigger);
    expect(new Set(v.events.map((e) => e.id))).toEqual(new Set(v.mentions.map((m) => m.event)));
    expect(v.events.every((e) => e.mentions === undefined)).toBe(true);
  });

  it('404s an unknown article', async () => {
    const res = await get('/api/articles/nope');
    expect(res.status).toBe(404);
    expect((await body(res)).error.code).toBe('NOT_FOUND');
  });

  it('search finds articles with snippets and offsets', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('القاهرة')}&limit=5`);
    expect(res.status).toBe(200);
    const hits = ArticleHitSchema.array().parse((await body(res)).hits);
    expect(hits.length).toBeGreaterThan(0);
    const docs = new Map(exampleDocs().map((d) => [d.id, d.text]));
    for (const h of hits) {
      const t = docs.get(h.id);
      if (t) expect(t.slice(h.start, h.end).length).toBe(h.end - h.start);
    }
    expect((await get('/api/search')).status).toBe(400);
  });
});

describe.skipIf(!seedDoc())(`the seed article (skipped when ${SEED_PATH} is absent)`, () => {
  it('has its events, in either direction of Syria and Russia', async () => {
    const v = ArticleViewSchema.parse(await body(await get(`/api/articles/${SEED_ID}`)));
    expect(v.mentions.length).toBeGreaterThan(0);
    const syrRus = await allEvents('pair=SYR,RUS');
    expect(syrRus.length).toBeGreaterThan(0);
    expect(syrRus.some((e) => v.events.some((x) => x.id === e.id))).toBe(true);
    expect(v.annotations.places.some((p) => p.country === 'RUS')).toBe(true);
  });
});

describe('POST /api/extract', () => {
  it('extracts events and spans and stores nothing', async () => {
    const before = await store.counts();
    const doc = exampleDocs()[1]!;
    const res = await post('/api/extract', { text: doc.text, published: doc.published, title: doc.title });
    expect(res.status).toBe(200);
    const r = ExtractResultSchema.parse(await body(res));
    expect(r.events.length).toBeGreaterThan(0);
    for (const e of r.events) expect(doc.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    expect(r.annotations.actors.length).toBeGreaterThan(0);
    expect(await store.counts()).toEqual(before);
  });

  it('rejects a missing text, a bad date, and malformed JSON with 400', async () => {
    const noText = await post('/api/extract', { title: 'x' });
    expect(noText.status).toBe(400);
    expect((await body(noText)).error.message).toContain('json.text');
    const badDate = await post('/api/extract', { text: 'نص', published: 'yesterday' });
    expect(badDate.status).toBe(400);
    expect((await body(badDate)).error.message).toContain('json.published');
    const malformed = await app.request('/api/extract', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(malformed.status).toBe(400);
    expect((await body(malformed)).error.code).toBe('INVALID_REQUEST');
  });
});

describe('POST /api/articles on loopback without a token', () => {
  it('stores an article once, then reports it a duplicate', async () => {
    const text = 'وصل وزير الخارجية القطري إلى بيروت يوم الاثنين في زيارة رسمية والتقى الرئيس اللبناني.';
    const first = await post('/api/articles', { id: 'api-1', text, published: '2025-05-05', source: 'test' });
    expect(first.status).toBe(200);
    expect(await body(first)).toMatchObject({
      documents: 1,
      stored: 1,
      duplicates: 0,
      failed: 0,
      ids: ['api-1'],
    });
    const again = await post('/api/articles', { documents: [{ text }] });
    expect(await body(again)).toMatchObject({ documents: 1, stored: 0, duplicates: 1 });
    const view = await get('/api/articles/api-1');
    expect(view.status).toBe(200);
    expect((await body(view)).article.source).toBe('test');
  });

  it('generates ids from the text when absent', async () => {
    const res = await post('/api/articles', {
      documents: [{ text: 'نص قصير أول.' }, { text: 'نص قصير ثان.' }],
    });
    const b = await body(res);
    expect(b.stored).toBe(2);
    expect(b.ids).toHaveLength(2);
    expect(b.ids[0]).toMatch(/^sha256-[0-9a-f]{16}$/);
    expect((await get(`/api/articles/${b.ids[1]}`)).status).toBe(200);
  });

  it('rejects an empty batch and a document without text', async () => {
    expect((await post('/api/articles', { documents: [] })).status).toBe(400);
    expect((await post('/api/articles', { id: 'x' })).status).toBe(400);
  });
});
