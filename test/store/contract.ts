/**
 * The store contract: one vitest suite every backend runs (`storeContract(name, factory)`).
 * `factory` must return a fresh, empty store each time; the suite closes every store it opens.
 * Nothing here depends on a backend: only the `Store` interface of src/store/types.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cameoInfo } from '../../src/events/cameo.js';
import { extract, loadResources } from '../../src/pipeline.js';
import type { EventFilter, Overview, Store, StoredEvent } from '../../src/store/types.js';
import type { InputDocument } from '../../src/types.js';
import { actor, doc, item, PLACES, record, report, sha256 } from './records.js';

const g = (code: string) => cameoInfo(code).goldstein;
const mean = (...xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10_000) / 10_000;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/**
 * The filter fixture: five events (E1..E5) from six articles; E1 is reported by two articles.
 *   E1  042 SYRGOV(rasad:test-shaibani) → RUSGOV  2024-03-10 Moscow  asserted  (fx-a1, fx-a6)
 *   E2  190 SYRMIL → SYRREB                         2024-05   Aleppo  asserted  (fx-a2)
 *   E3  111 USA → IRNGOV                            2023-12-01 Geneva asserted  (fx-a3)
 *   E4  036 RUSGOV → SYRGOV                         2024-06   none    future    (fx-a4)
 *   E5  051 ISR → PSE                               no date   Gaza    asserted  (fx-a5, unpublished)
 */
const FIXTURE_TEXTS = {
  a1: 'التقى وزير الخارجية السوري أسعد الشيبانيّ نظيره الروسي في موسكو يوم الأحد.',
  a2: 'اشتبك الجيش السوري مع فصائل المعارضة في ريف حلب خلال شهر أيار.',
  a3: 'انتقدت واشنطن السياسة الإيرانية، وقال المتحدث أحمد سالم في جنيف إن الحوار متعثر.',
  a4: 'أعلنت موسكو أن الرئيس الروسي سيلتقي المسؤولين السوريين في حزيران المقبل.',
  a5: 'قدمت إسرائيل مساعدات إلى غزة بحسب تقرير لم يذكر تاريخه.',
  a6: 'وصل الوفد السوري إلى موسكو أمس في زيارة تستمر يومين للتشاور.',
};

const SHAIBANI = actor('SYRGOV', { actor: 'rasad:test-shaibani', name: 'Asaad al-Shaibani' });

async function loadFixture(store: Store): Promise<void> {
  const t = FIXTURE_TEXTS;
  const r = await store.putArticles([
    item(doc('fx-a1', t.a1, { published: '2024-03-10', source: 'outlet-a', title: 'لقاء في موسكو' }), [
      record({
        id: 'fx-r1',
        article: 'fx-a1',
        code: '042',
        source: SHAIBANI,
        target: 'RUSGOV',
        date: '2024-03-10',
        place: PLACES.moscow,
        start: 4,
        end: 9,
        trigger: t.a1.slice(4, 9),
      }),
    ]),
    item(doc('fx-a2', t.a2, { published: '2024-05-02', source: 'outlet-b' }), [
      record({
        id: 'fx-r2',
        article: 'fx-a2',
        code: '190',
        source: 'SYRMIL',
        target: 'SYRREB',
        date: '2024-05',
        place: PLACES.aleppo,
      }),
    ]),
    item(doc('fx-a3', t.a3, { published: '2023-12-01', source: 'outlet-c' }), [
      record({
        id: 'fx-r3',
        article: 'fx-a3',
        code: '111',
        source: 'USA',
        target: 'IRNGOV',
        date: '2023-12-01',
        place: PLACES.geneva,
      }),
    ]),
    item(doc('fx-a4', t.a4, { published: '2024-05-20', source: 'outlet-a' }), [
      record({
        id: 'fx-r4',
        article: 'fx-a4',
        code: '036',
        source: 'RUSGOV',
        target: 'SYRGOV',
        date: '2024-06',
        modality: 'future',
      }),
    ]),
    item(doc('fx-a5', t.a5, { published: null, url: 'https://news.example/a5' }), [
      record({
        id: 'fx-r5',
        article: 'fx-a5',
        code: '051',
        source: 'ISR',
        target: 'PSE',
        place: PLACES.gaza,
      }),
    ]),
    item(doc('fx-a6', t.a6, { published: '2024-03-11', source: 'outlet-b' }), [
      record({
        id: 'fx-r6',
        article: 'fx-a6',
        code: '042',
        source: SHAIBANI,
        target: 'RUSGOV',
        date: '2024-03-11',
        place: PLACES.moscow,
        start: 0,
        trigger: 'وصل',
      }),
    ]),
  ]);
  expect(r).toEqual({ stored: 6, duplicates: 0, mentions: 6, newEvents: 5 });
}

/** The fixture event ids by their role, found through the article filter. */
async function fixtureIds(store: Store): Promise<Record<'E1' | 'E2' | 'E3' | 'E4' | 'E5', string>> {
  const one = async (article: string) => {
    const p = await store.queryEvents({ article });
    expect(p.events).toHaveLength(1);
    return p.events[0]!.id;
  };
  return {
    E1: await one('fx-a1'),
    E2: await one('fx-a2'),
    E3: await one('fx-a3'),
    E4: await one('fx-a4'),
    E5: await one('fx-a5'),
  };
}

export function storeContract(name: string, factory: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    const opened: Store[] = [];
    const fresh = async (): Promise<Store> => {
      const s = await factory();
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      while (opened.length > 0) await opened.pop()!.close();
    });

    describe('articles', () => {
      it('stores an article with its records and reports counts', async () => {
        const s = await fresh();
        const d = doc('a1', 'التقى الوزيران في دمشق.', {
          published: '2024-01-02',
          source: 'sana',
          title: 'لقاء',
          url: 'https://sana.example/x',
        });
        const r = await s.putArticles([item(d, [record({ id: 'r1', article: 'a1', date: '2024-01-02' })])]);
        expect(r).toEqual({ stored: 1, duplicates: 0, mentions: 1, newEvents: 1 });
        const a = await s.getArticle('a1');
        expect(a).toMatchObject({
          id: 'a1',
          hash: sha256(d.text),
          text: d.text,
          title: 'لقاء',
          url: 'https://sana.example/x',
          source: 'sana',
          published: '2024-01-02',
          status: 'done',
          error: null,
          events: 1,
        });
        expect(Number.isNaN(Date.parse(a!.added))).toBe(false);
        expect(await s.getArticle('nope')).toBeNull();
        expect(await s.counts()).toEqual({ articles: 1, pending: 0, failed: 0, mentions: 1, events: 1 });
      });

      it('skips the same text (by hash) under the same or another id, also within one batch', async () => {
        const s = await fresh();
        const d = doc('a1', 'نص واحد مكرر.', { published: '2024-01-02' });
        await s.putArticles([item(d, [record({ id: 'r1', article: 'a1', date: '2024-01-02' })])]);
        const again = await s.putArticles([
          item(d, [record({ id: 'r1', article: 'a1', date: '2024-01-02' })]),
          item(doc('a2', d.text), [record({ id: 'r2', article: 'a2', date: '2024-01-02' })]),
        ]);
        expect(again).toEqual({ stored: 0, duplicates: 2, mentions: 0, newEvents: 0 });
        const batch = await s.putArticles([item(doc('b1', 'نص آخر.'), []), item(doc('b2', 'نص آخر.'), [])]);
        expect(batch).toMatchObject({ stored: 1, duplicates: 1 });
        expect(await s.getArticle('b2')).toBeNull();
        expect(await s.counts()).toMatchObject({ articles: 2, mentions: 1, events: 1 });
        const known = await s.knownHashes([sha256(d.text), sha256('غير موجود'), sha256('نص آخر.')]);
        expect(known).toEqual(new Set([sha256(d.text), sha256('نص آخر.')]));
      });

      it('replaces an article whose text changed: old mentions leave, emptied events go', async () => {
        const s = await fresh();
        await s.putArticles([
          report('a', '2024-02-01', 'x', { code: '042' }),
          report('b', '2024-02-01', 'y', { code: '042' }),
          report('solo', '2024-02-01', 'x', { code: '111', source: 'USA', target: 'IRN' }),
        ]);
        const shared = (await s.queryEvents({ code: '042' })).events;
        expect(shared).toHaveLength(1);
        expect(shared[0]!.num_articles).toBe(2);
        const soloId = (await s.queryEvents({ article: 'solo' })).events[0]!.id;

        const changed = doc('a', 'نص معدل للخبر لا يذكر أي لقاء.', { published: '2024-02-01', source: 'x' });
        const r = await s.putArticles([item(changed, [])]);
        expect(r).toMatchObject({ stored: 1, duplicates: 0, mentions: 0 });
        expect((await s.getArticle('a'))!.text).toBe(changed.text);
        expect((await s.getArticle('a'))!.hash).toBe(sha256(changed.text));
        const after = await s.getEvent(shared[0]!.id);
        expect(after).not.toBeNull();
        expect(after!.num_mentions).toBe(1);
        expect(after!.num_articles).toBe(1);
        expect(after!.first_article).toBe('b');
        expect(after!.mentions!.map((m) => m.article)).toEqual(['b']);

        const solo2 = doc('solo', 'نص جديد تماما عن زيارة أخرى.', { published: '2024-03-05', source: 'x' });
        const r2 = await s.putArticles([
          item(solo2, [
            record({ id: 'solo-new', article: 'solo', code: '043', source: 'EGY', target: 'SAU' }),
          ]),
        ]);
        expect(r2).toMatchObject({ stored: 1, mentions: 1, newEvents: 1 });
        expect(await s.getEvent(soloId)).toBeNull();
        expect((await s.queryEvents({ article: 'solo' })).events.map((e) => e.code)).toEqual(['043']);
        expect(await s.counts()).toMatchObject({ articles: 3, mentions: 2, events: 2 });
        // the summaries follow: USA and IRN left with their only event
        expect(await s.searchActors('USA')).toEqual([]);
        expect((await s.searchActors('EGY')).map((a) => [a.code, a.events])).toEqual([['EGY', 1]]);
        expect((await s.overview()).pairs.some((p) => p.a === 'IRN' || p.b === 'IRN')).toBe(false);
      });

      it('stores queued articles as pending and failed ones as failed', async () => {
        const s = await fresh();
        const r = await s.putArticles([
          item(doc('p1', 'خبر ينتظر الاستخراج.', { published: '2024-04-01' }), null),
          item(doc('f1', 'خبر تعذر تحليله.'), [record({ id: 'ignored', article: 'f1' })], 'parser crashed'),
          item(doc('d1', 'خبر جرى تحليله.', { published: '2024-04-01' }), []),
        ]);
        expect(r).toEqual({ stored: 3, duplicates: 0, mentions: 0, newEvents: 0 });
        expect((await s.getArticle('p1'))!.status).toBe('pending');
        expect(await s.getArticle('f1')).toMatchObject({
          status: 'failed',
          error: 'parser crashed',
          events: 0,
        });
        expect((await s.getArticle('d1'))!.status).toBe('done');
        expect(await s.counts()).toEqual({ articles: 3, pending: 1, failed: 1, mentions: 0, events: 0 });
        expect(await s.listArticleIds({ limit: 10, status: 'pending' })).toEqual(['p1']);
        expect(await s.listArticleIds({ limit: 10, status: 'failed' })).toEqual(['f1']);

        await s.replaceEvents('p1', [record({ id: 'p1-r', article: 'p1', date: '2024-04-01' })]);
        expect(await s.getArticle('p1')).toMatchObject({ status: 'done', events: 1 });
        expect(await s.counts()).toMatchObject({ pending: 0, mentions: 1, events: 1 });
      });

      it('markFailed keeps the earlier records and rejects unknown articles', async () => {
        const s = await fresh();
        await s.putArticles([report('m1', '2024-04-01', 'x')]);
        await s.markFailed('m1', 'worker timeout');
        expect(await s.getArticle('m1')).toMatchObject({ status: 'failed', error: 'worker timeout' });
        expect(await s.counts()).toMatchObject({ failed: 1, mentions: 1, events: 1 });
        expect((await s.articleMentions('m1')).length).toBe(1);
        await expect(s.markFailed('missing', 'x')).rejects.toThrow(/missing/);
      });

      it('lists article ids in insertion order, a page at a time', async () => {
        const s = await fresh();
        const ids = ['k5', 'k1', 'k4', 'k2', 'k3'];
        await s.putArticles(ids.slice(0, 3).map((id) => item(doc(id, `نص ${id}`), [])));
        await s.putArticles(ids.slice(3).map((id) => item(doc(id, `نص ${id}`), null)));
        const p1 = await s.listArticleIds({ limit: 2 });
        expect(p1).toEqual(['k5', 'k1']);
        const p2 = await s.listArticleIds({ after: p1.at(-1)!, limit: 2 });
        expect(p2).toEqual(['k4', 'k2']);
        const p3 = await s.listArticleIds({ after: p2.at(-1)!, limit: 2 });
        expect(p3).toEqual(['k3']);
        expect(await s.listArticleIds({ after: 'k3', limit: 2 })).toEqual([]);
        expect(await s.listArticleIds({ after: null, limit: 10, status: 'pending' })).toEqual(['k2', 'k3']);
        expect(await s.listArticleIds({ after: 'k2', limit: 10, status: 'pending' })).toEqual(['k3']);
      });
    });

    describe('merging across articles', () => {
      const meeting = { code: '040', source: 'SYRGOV', target: 'RUSGOV' };

      it('two outlets on consecutive days: one event with 2 mentions, 2 articles, 2 sources', async () => {
        const s = await fresh();
        const r1 = await s.putArticles([report('m-a', '2025-10-14', 'sana', meeting)]);
        const r2 = await s.putArticles([report('m-b', '2025-10-15', 'rt', meeting)]);
        expect(r1.newEvents).toBe(1);
        expect(r2).toMatchObject({ stored: 1, mentions: 1, newEvents: 0 });
        const page = await s.queryEvents({});
        expect(page.total).toBe(1);
        const ev = page.events[0]!;
        expect(ev).toMatchObject({
          num_mentions: 2,
          num_articles: 2,
          num_sources: 2,
          date: '2025-10-14',
          first_article: 'm-a',
          code: '040',
          quad: 1,
          goldstein: g('040'),
          modality: 'asserted',
        });
        expect(ev.source?.code).toBe('SYRGOV');
        expect(ev.target?.code).toBe('RUSGOV');
        const full = await s.getEvent(ev.id);
        expect(full!.mentions!.map((m) => [m.article, m.outlet, m.event])).toEqual([
          ['m-a', 'sana', ev.id],
          ['m-b', 'rt', ev.id],
        ]);
        expect(await s.counts()).toMatchObject({ mentions: 2, events: 1 });
      });

      it('the same outlet twice counts one source; outlets come from the URL host; no outlet counts alone', async () => {
        const s = await fresh();
        await s.putArticles([
          report('o1', '2025-01-05', 'sana', meeting),
          report('o2', '2025-01-05', 'sana', meeting),
        ]);
        const e1 = (await s.queryEvents({})).events[0]!;
        expect([e1.num_mentions, e1.num_articles, e1.num_sources]).toEqual([2, 2, 1]);

        const s2 = await fresh();
        const byUrl = (id: string, url: string) =>
          item(doc(id, `نص ${id}`, { published: '2025-01-05', url }), [
            record({ id: `${id}-r`, article: id, ...meeting }),
          ]);
        await s2.putArticles([
          byUrl('u1', 'https://www.aljazeera.example/news/1'),
          byUrl('u2', 'https://aljazeera.example/news/2'),
        ]);
        const m = (await s2.getEvent((await s2.queryEvents({})).events[0]!.id))!.mentions!;
        // with or without www., one outlet
        expect(m.map((x) => x.outlet)).toEqual(['aljazeera.example', 'aljazeera.example']);
        expect((await s2.queryEvents({})).events[0]!.num_sources).toBe(1);

        const s3 = await fresh();
        await s3.putArticles([
          report('n1', '2025-01-05', null, meeting),
          report('n2', '2025-01-05', null, meeting),
        ]);
        const e3 = (await s3.queryEvents({})).events[0]!;
        expect([e3.num_mentions, e3.num_articles, e3.num_sources]).toEqual([2, 2, 2]);
      });

      it('merges on the record date, else the publication day; same code family (031 and 0311) merges', async () => {
        const s = await fresh();
        await s.putArticles([
          report('d1', '2025-03-01', 'a', { ...meeting, date: '2025-02-27' }),
          report('d2', '2025-02-28', 'b', { ...meeting, date: null }),
          report('f1', '2025-05-01', 'a', { code: '031' }),
          report('f2', '2025-05-02', 'b', { code: '0311' }),
          report('f3', '2025-05-02', 'c', { code: '0311' }),
        ]);
        const byFamily = await s.queryEvents({ code: '03' });
        expect(byFamily.total).toBe(1);
        expect(byFamily.events[0]).toMatchObject({ num_mentions: 3, code: '0311', date: '2025-05-01' });
        const meet = await s.queryEvents({ code: '040' });
        expect(meet.total).toBe(1);
        expect(meet.events[0]).toMatchObject({ num_mentions: 2, date: '2025-02-27' });
      });

      it('month dates merge with the same month only, never with a day date', async () => {
        const s = await fresh();
        await s.putArticles([
          report('x1', '2025-04-10', 'a', { ...meeting, date: '2025-04' }),
          report('x2', '2025-04-20', 'b', { ...meeting, date: '2025-04' }),
          report('x3', '2025-04-21', 'c', { ...meeting, date: '2025-05' }),
          report('x4', '2025-04-22', 'd', { ...meeting, date: '2025-04-01' }),
        ]);
        const p = await s.queryEvents({ order: 'mentions' });
        expect(p.total).toBe(3);
        expect(p.events.map((e) => [e.date, e.num_mentions])).toEqual([
          ['2025-04', 2],
          ['2025-05', 1],
          ['2025-04-01', 1],
        ]);
      });

      it('does not merge: months apart, two days apart, other modality, reversed, other family, no date', async () => {
        const s = await fresh();
        const r = await s.putArticles([
          // the October visit and the December visit of one article stay two events
          item(
            doc('visits', 'زار الوزير موسكو في تشرين الأول ثم عاد إليها في كانون الأول.', {
              published: '2025-12-20',
            }),
            [
              record({ id: 'v-oct', article: 'visits', code: '042', date: '2025-10-14' }),
              record({ id: 'v-dec', article: 'visits', code: '042', date: '2025-12-20', sentence: 1 }),
            ],
          ),
          report('gap', '2025-10-16', 'b', { code: '042', date: '2025-10-16' }),
          report('neg', '2025-10-14', 'c', { code: '042', date: '2025-10-14', modality: 'negated' }),
          report('rev', '2025-10-14', 'd', {
            code: '042',
            date: '2025-10-14',
            source: 'RUSGOV',
            target: 'SYRGOV',
          }),
          report('fam', '2025-10-14', 'e', { code: '043', date: '2025-10-14' }),
          report('fam2', '2025-10-14', 'e', { code: '040', date: '2025-10-14' }),
          report('nd1', null, 'f', { code: '111', source: 'USA', target: 'IRN', date: null }),
          report('nd2', null, 'g', { code: '111', source: 'USA', target: 'IRN', date: null }),
        ]);
        expect(r.newEvents).toBe(9);
        const p = await s.queryEvents({ limit: 100 });
        expect(p.total).toBe(9);
        for (const e of p.events) expect(e.num_mentions).toBe(1);
        const undated = p.events.filter((e) => e.date === null);
        expect(undated).toHaveLength(2);
      });

      it('places: a city and the country merge, two cities or two countries do not', async () => {
        const s = await fresh();
        await s.putArticles([
          report('p1', '2025-06-01', 'a', { place: PLACES.damascus }),
          report('p2', '2025-06-01', 'b', { place: PLACES.syria }),
          report('p3', '2025-06-01', 'c', { place: null }),
          report('p4', '2025-06-01', 'd', { place: PLACES.aleppo }),
          report('p5', '2025-06-01', 'e', { place: PLACES.moscow }),
        ]);
        const p = await s.queryEvents({ order: 'mentions' });
        expect(p.total).toBe(3);
        expect(p.events[0]).toMatchObject({ num_mentions: 3, place: PLACES.damascus });
        expect(
          p.events
            .slice(1)
            .map((e) => [e.place?.name ?? null, e.num_mentions])
            .sort(),
        ).toEqual([
          ['Aleppo', 1],
          ['Moscow', 1],
        ]);
      });

      it('a record joins the nearest, then most reported, candidate', async () => {
        const s = await fresh();
        await s.putArticles([
          report('n14', '2025-10-14', 'a', { ...meeting }),
          report('n16', '2025-10-16', 'b', { ...meeting }),
          report('n16b', '2025-10-16', 'c', { ...meeting }),
        ]);
        expect((await s.queryEvents({})).total).toBe(2);
        await s.putArticles([report('n15', '2025-10-15', 'd', { ...meeting })]);
        const joined = (await s.queryEvents({ article: 'n15' })).events[0]!;
        expect(joined.date).toBe('2025-10-16');
        expect(joined.num_mentions).toBe(3);
        await s.putArticles([report('n13', '2025-10-13', 'e', { ...meeting })]);
        expect((await s.queryEvents({ article: 'n13' })).events[0]!.date).toBe('2025-10-14');
      });

      it('a big event reported by hundreds of articles in one batch and the next', async () => {
        const s = await fresh();
        const outlets = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
        const batch = (from: number, to: number) =>
          Array.from({ length: to - from }, (_, k) => {
            const i = from + k;
            return report(
              `big-${i}`,
              i % 2 === 0 ? '2025-08-01' : '2025-08-02',
              outlets[i % outlets.length]!,
              {
                ...meeting,
                place: i === 250 ? PLACES.damascus : null,
                confidence: i === 260 ? 0.99 : 0.6,
              },
            );
          });
        const r1 = await s.putArticles(batch(0, 240));
        expect(r1).toMatchObject({ stored: 240, mentions: 240, newEvents: 1 });
        const r2 = await s.putArticles(batch(240, 300));
        expect(r2).toMatchObject({ stored: 60, mentions: 60, newEvents: 0 });
        const page = await s.queryEvents({});
        expect(page.total).toBe(1);
        expect(page.events[0]).toMatchObject({
          num_mentions: 300,
          num_articles: 300,
          num_sources: 7,
          first_article: 'big-0',
          date: '2025-08-01',
          code: '040',
          confidence: 0.99,
          place: PLACES.damascus,
        });
        expect((await s.getEvent(page.events[0]!.id))!.mentions).toHaveLength(300);
        const pairs = (await s.overview()).pairs;
        expect(pairs).toHaveLength(1);
        expect([pairs[0]!.a, pairs[0]!.b].sort()).toEqual(['RUSGOV', 'SYRGOV']);
        expect(pairs[0]).toMatchObject({ events: 1, goldstein: g('040') });
      });

      it('aggregates: most frequent code and actor id, most specific place, highest confidence', async () => {
        const s = await fresh();
        const assad = actor('SYRGOV', { actor: 'rasad:test-assad', name: 'Bashar al-Assad' });
        await s.putArticles([
          report('g1', '2025-07-01', 'a', {
            code: '031',
            source: 'SYRGOV',
            place: PLACES.syria,
            confidence: 0.5,
          }),
          report('g2', '2025-07-01', 'b', {
            code: '0311',
            source: assad,
            place: PLACES.damascus,
            confidence: 0.9,
          }),
          report('g3', '2025-07-02', 'c', { code: '0311', source: assad, place: null, confidence: 0.7 }),
        ]);
        const e = (await s.queryEvents({})).events[0]!;
        expect(e).toMatchObject({ code: '0311', confidence: 0.9, first_article: 'g1', num_mentions: 3 });
        expect(e.source).toMatchObject({
          code: 'SYRGOV',
          actor: 'rasad:test-assad',
          name: 'Bashar al-Assad',
        });
        expect(e.place).toEqual(PLACES.damascus);
      });
    });

    describe('replaceEvents', () => {
      it('replaces the records of an article, deleting emptied events and merging the new ones', async () => {
        const s = await fresh();
        await s.putArticles([
          report('ra', '2025-01-10', 'a', { code: '042' }),
          report('rb', '2025-01-10', 'b', { code: '042' }),
          report('rc', '2025-01-10', 'c', { code: '111', source: 'USA', target: 'IRN' }),
        ]);
        const visit = (await s.queryEvents({ code: '042' })).events[0]!;
        const crit = (await s.queryEvents({ code: '111' })).events[0]!;
        await s.replaceEvents('rc', [record({ id: 'rc-new', article: 'rc', code: '042' })]);
        expect(await s.getEvent(crit.id)).toBeNull();
        const v = await s.getEvent(visit.id);
        expect(v!.num_mentions).toBe(3);
        expect(v!.num_sources).toBe(3);
        expect(await s.getArticle('rc')).toMatchObject({ status: 'done', events: 1 });
        await s.replaceEvents('ra', []);
        expect((await s.getEvent(visit.id))!.num_articles).toBe(2);
        expect(await s.getArticle('ra')).toMatchObject({ status: 'done', events: 0 });
        expect(await s.counts()).toMatchObject({ mentions: 2, events: 1 });
        expect((await s.searchActors('IRN')).length).toBe(0);
      });

      it('is atomic: a failing replacement leaves the earlier records in place', async () => {
        const s = await fresh();
        await s.putArticles([report('at', '2025-01-10', 'a', { code: '042' })]);
        const before = (await s.queryEvents({})).events[0]!;
        const bad = { ...record({ id: 'bad', article: 'at', code: '042' }), code: '9999' };
        await expect(
          s.replaceEvents('at', [
            record({ id: 'ok', article: 'at', code: '111', source: 'USA', target: 'IRN' }),
            bad,
          ]),
        ).rejects.toThrow();
        expect(await s.getEvent(before.id)).toMatchObject({ num_mentions: 1, code: '042' });
        expect(await s.counts()).toMatchObject({ mentions: 1, events: 1 });
        expect((await s.articleMentions('at')).map((m) => m.id)).toEqual(['at-r']);
        expect(await s.searchActors('USA')).toEqual([]);
      });

      it('rejects an unknown article', async () => {
        const s = await fresh();
        await expect(s.replaceEvents('ghost', [])).rejects.toThrow(/ghost/);
      });
    });

    describe('actor codes count each event once', () => {
      const counts = (o: Overview) => o.actors.map((a) => [a.code, a.events]);

      it('a code on both sides, named and generic, counts once with or without a date range', async () => {
        const s = await fresh();
        await s.putArticles([
          report('oc-a', '2024-04-02', 'a', {
            code: '042',
            source: SHAIBANI,
            target: 'SYRGOV',
            date: '2024-04-02',
          }),
          report('oc-b', '2024-04-03', 'b', {
            code: '111',
            source: 'SYRGOV',
            target: 'SYRGOV',
            date: '2024-04-03',
          }),
          report('oc-c', '2024-04-05', 'c', {
            code: '036',
            source: 'RUSGOV',
            target: SHAIBANI,
            date: '2024-04-05',
          }),
        ]);
        const all = await s.overview();
        const ranged = await s.overview({ from: '2024-04-01', to: '2024-04-30' });
        expect(counts(all)).toEqual([
          ['SYRGOV', 3],
          ['RUSGOV', 1],
        ]);
        expect(ranged.actors).toEqual(all.actors);
        const profile = await s.actorProfile('SYRGOV');
        expect(profile.events).toBe(3);
        expect(profile.summary?.events).toBe(3);
        // the named actor alone still counts the events that name it
        expect((await s.searchActors('rasad:test-shaibani')).map((a) => a.events)).toEqual([2]);

        await s.replaceEvents('oc-a', []);
        const after = await s.overview();
        expect(counts(after)).toEqual([
          ['SYRGOV', 2],
          ['RUSGOV', 1],
        ]);
        expect((await s.overview({ from: '2024-04-01', to: '2024-04-30' })).actors).toEqual(after.actors);
        expect((await s.actorProfile('SYRGOV')).summary?.events).toBe(2);
      });
    });

    describe('queries over the fixture', () => {
      let s: Store;
      let E: Record<'E1' | 'E2' | 'E3' | 'E4' | 'E5', string>;
      beforeAll(async () => {
        s = await factory();
        await loadFixture(s);
        E = await fixtureIds(s);
      });
      afterAll(async () => {
        await s?.close();
      });
      const ids = async (f: EventFilter) => {
        const p = await s.queryEvents({ limit: 1000, ...f });
        expect(p.total).toBe(p.events.length);
        return p.events.map((e) => e.id).sort();
      };
      const the = (...keys: Array<keyof typeof E>) => keys.map((k) => E[k]).sort();

      it('holds the fixture', async () => {
        expect(await s.counts()).toEqual({ articles: 6, pending: 0, failed: 0, mentions: 6, events: 5 });
        const e1 = await s.getEvent(E.E1);
        expect(e1).toMatchObject({ num_mentions: 2, num_articles: 2, num_sources: 2, date: '2024-03-10' });
        expect((await s.getEvent(E.E5))!.date).toBeNull();
      });

      it('filters by actor: code prefix on either side, actor id, source, target, pair', async () => {
        expect(await ids({ actor: 'SYR' })).toEqual(the('E1', 'E2', 'E4'));
        expect(await ids({ actor: 'SY' })).toEqual(the('E1', 'E2', 'E4'));
        expect(await ids({ actor: 'SYRGOV' })).toEqual(the('E1', 'E4'));
        expect(await ids({ actor: 'SYRG' })).toEqual(the('E1', 'E4'));
        expect(await ids({ actor: 'rasad:test-shaibani' })).toEqual(the('E1'));
        expect(await ids({ actor: 'IRN' })).toEqual(the('E3'));
        expect(await ids({ actor: 'CHN' })).toEqual([]);
        expect(await ids({ source: 'SYR' })).toEqual(the('E1', 'E2'));
        expect(await ids({ target: 'SYR' })).toEqual(the('E2', 'E4'));
        expect(await ids({ source: 'RUS', target: 'SYR' })).toEqual(the('E4'));
        expect(await ids({ pair: ['SYRGOV', 'RUSGOV'] })).toEqual(the('E1', 'E4'));
        expect(await ids({ pair: ['RUS', 'SYR'] })).toEqual(the('E1', 'E4'));
        expect(await ids({ pair: ['rasad:test-shaibani', 'RUS'] })).toEqual(the('E1'));
        expect(await ids({ pair: ['USA', 'SYR'] })).toEqual([]);
      });

      it('filters by country of either actor or the place', async () => {
        expect(await ids({ country: 'IRN' })).toEqual(the('E3'));
        expect(await ids({ country: 'CHE' })).toEqual(the('E3'));
        expect(await ids({ country: 'RUS' })).toEqual(the('E1', 'E4'));
        expect(await ids({ country: 'PSE' })).toEqual(the('E5'));
      });

      it('filters by code prefix, quad, modality and minimum articles', async () => {
        expect(await ids({ code: '04' })).toEqual(the('E1'));
        expect(await ids({ code: '042' })).toEqual(the('E1'));
        expect(await ids({ code: '0' })).toEqual(the('E1', 'E4', 'E5'));
        expect(await ids({ code: '19' })).toEqual(the('E2'));
        expect(await ids({ quad: [1] })).toEqual(the('E1', 'E4', 'E5'));
        expect(await ids({ quad: [3, 4] })).toEqual(the('E2', 'E3'));
        expect(await ids({ modality: ['future'] })).toEqual(the('E4'));
        expect(await ids({ modality: ['asserted', 'negated'] })).toEqual(the('E1', 'E2', 'E3', 'E5'));
        expect(await ids({ minArticles: 2 })).toEqual(the('E1'));
        expect(await ids({ minArticles: 1 })).toEqual(the('E1', 'E2', 'E3', 'E4', 'E5'));
      });

      it('filters by date range; month dates compare by their first day; undated events never match', async () => {
        expect(await ids({ from: '2024-03-01' })).toEqual(the('E1', 'E2', 'E4'));
        expect(await ids({ to: '2024-04-30' })).toEqual(the('E1', 'E3'));
        expect(await ids({ from: '2024-05-01', to: '2024-05-01' })).toEqual(the('E2'));
        expect(await ids({ from: '2024-05-02', to: '2024-05-31' })).toEqual([]);
        expect(await ids({ from: '2024-03-10', to: '2024-03-10' })).toEqual(the('E1'));
        expect(await ids({ from: '2020-01-01', to: '2030-12-31' })).toEqual(the('E1', 'E2', 'E3', 'E4'));
      });

      it('filters by place: English or Arabic name after normalisation, or the place country', async () => {
        expect(await ids({ place: 'Moscow' })).toEqual(the('E1'));
        expect(await ids({ place: 'moscow' })).toEqual(the('E1'));
        expect(await ids({ place: 'موسكو' })).toEqual(the('E1'));
        expect(await ids({ place: 'حَلَب' })).toEqual(the('E2'));
        expect(await ids({ place: 'غزه' })).toEqual(the('E5'));
        expect(await ids({ place: 'SYR' })).toEqual(the('E2'));
        expect(await ids({ place: 'Cairo' })).toEqual([]);
      });

      it('filters by full text of the articles (Arabic normalisation) and by article', async () => {
        expect(await ids({ text: 'الشيباني' })).toEqual(the('E1'));
        expect(await ids({ text: 'احمد' })).toEqual(the('E3'));
        expect(await ids({ text: 'موسكو' })).toEqual(the('E1', 'E4'));
        expect(await ids({ text: 'موسكو الرئيس' })).toEqual(the('E4'));
        expect(await ids({ text: 'كلمةغيرموجودة' })).toEqual([]);
        expect(await ids({ article: 'fx-a6' })).toEqual(the('E1'));
        expect(await ids({ article: 'fx-a1' })).toEqual(the('E1'));
        expect(await ids({ article: 'nope' })).toEqual([]);
        expect(await ids({ actor: 'SYR', quad: [1], from: '2024-01-01', text: 'موسكو' })).toEqual(
          the('E1', 'E4'),
        );
      });

      it('orders by date (newest first, undated last), mentions or added, and pages with a total', async () => {
        const byDate = await s.queryEvents({});
        expect(byDate.events.map((e) => e.id)).toEqual([E.E4, E.E2, E.E1, E.E3, E.E5]);
        expect(byDate).toMatchObject({ total: 5, limit: 50, offset: 0 });
        const byMentions = await s.queryEvents({ order: 'mentions' });
        expect(byMentions.events[0]!.id).toBe(E.E1);
        const byAdded = await s.queryEvents({ order: 'added' });
        expect(byAdded.events[0]!.id).toBe(E.E5);
        expect(byAdded.events.at(-1)!.id).toBe(E.E1);
        const p1 = await s.queryEvents({ limit: 2 });
        const p2 = await s.queryEvents({ limit: 2, offset: 2 });
        const p3 = await s.queryEvents({ limit: 2, offset: 4 });
        expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
        expect([...p1.events, ...p2.events, ...p3.events].map((e) => e.id)).toEqual(
          byDate.events.map((e) => e.id),
        );
        const beyond = await s.queryEvents({ limit: 2, offset: 10 });
        expect(beyond).toMatchObject({ total: 5, events: [] });
        expect((await s.queryEvents({ limit: 5000 })).limit).toBe(1000);
        const filtered = await s.queryEvents({ actor: 'SYR', limit: 1 });
        expect(filtered.total).toBe(3);
        expect(filtered.events).toHaveLength(1);
      });

      it('returns events with their fields', async () => {
        const e1 = (await s.getEvent(E.E1))!;
        expect(e1).toMatchObject({
          code: '042',
          root: '04',
          quad: 1,
          goldstein: g('042'),
          plover: cameoInfo('042').plover,
          date: '2024-03-10',
          place: PLACES.moscow,
          modality: 'asserted',
          first_article: 'fx-a1',
          trigger: FIXTURE_TEXTS.a1.slice(4, 9),
        });
        expect(e1.source).toEqual({
          code: 'SYRGOV',
          country: 'SYR',
          actor: 'rasad:test-shaibani',
          name: 'Asaad al-Shaibani',
          text: 'SYRGOV',
        });
        expect(e1.mentions!.map((m) => m.article)).toEqual(['fx-a1', 'fx-a6']);
        const m = e1.mentions![0]!;
        expect(m).toMatchObject({
          id: 'fx-r1',
          event: E.E1,
          article: 'fx-a1',
          sentence: 0,
          start: 4,
          end: 9,
          code: '042',
          modality: 'asserted',
          confidence: 0.8,
          pattern: 'test.042',
          outlet: 'outlet-a',
        });
        expect(m.record.id).toBe('fx-r1');
        expect(m.record.place).toEqual(PLACES.moscow);
        expect(await s.getEvent('no-such-event')).toBeNull();
        const listed = (await s.queryEvents({ article: 'fx-a1' })).events[0]!;
        expect(listed.mentions).toBeUndefined();
      });

      it('streams every matching event in date order, with mentions when asked', async () => {
        const all = await collect(s.iterateEvents({ limit: 1, offset: 3 }));
        expect(all.map((e) => e.id)).toEqual([E.E3, E.E1, E.E2, E.E4, E.E5]);
        expect(all.every((e) => e.mentions === undefined)).toBe(true);
        const withM = await collect(s.iterateEvents({ actor: 'SYR' }, { mentions: true }));
        expect(withM.map((e) => e.id)).toEqual([E.E1, E.E2, E.E4]);
        expect(withM.map((e) => e.mentions!.length)).toEqual([2, 1, 1]);
      });

      it('lists the mentions of an article in text order', async () => {
        const ms = await s.articleMentions('fx-a1');
        expect(ms.map((m) => [m.id, m.event])).toEqual([['fx-r1', E.E1]]);
        expect(await s.articleMentions('nope')).toEqual([]);
      });

      it('searches actors by code prefix, actor id and English name, case-insensitively', async () => {
        const syr = await s.searchActors('SYR');
        expect(syr.every((a) => a.code.startsWith('SYR'))).toBe(true);
        expect(new Set(syr.map((a) => a.code))).toEqual(new Set(['SYRGOV', 'SYRMIL', 'SYRREB']));
        expect((await s.searchActors('syr')).length).toBe(syr.length);
        const byName = await s.searchActors('shaib');
        expect(byName).toEqual([
          {
            code: 'SYRGOV',
            country: 'SYR',
            actor: 'rasad:test-shaibani',
            name: 'Asaad al-Shaibani',
            events: 1,
          },
        ]);
        expect(await s.searchActors('rasad:test-shaibani')).toEqual(byName);
        expect(await s.searchActors('SHAIBANI')).toEqual(byName);
        const rus = await s.searchActors('RUSGOV');
        expect(rus.map((a) => [a.code, a.actor, a.events])).toEqual([['RUSGOV', null, 2]]);
        expect(await s.searchActors('zzz')).toEqual([]);
        expect((await s.searchActors('S', 2)).length).toBe(2);
      });

      it('profiles an actor: counts by side, partners with mean Goldstein and quads, recent events', async () => {
        const p = await s.actorProfile('SYRGOV');
        expect(p).toMatchObject({ key: 'SYRGOV', events: 2, asSource: 1, asTarget: 1 });
        expect(p.summary).toMatchObject({ code: 'SYRGOV', events: 2 });
        expect(p.partners).toEqual([
          { code: 'RUSGOV', name: null, events: 2, goldstein: mean(g('042'), g('036')), quads: [2, 0, 0, 0] },
        ]);
        expect(p.recent.map((e) => e.id)).toEqual([E.E4, E.E1]);
        const syr = await s.actorProfile('SYR', { partners: 5, recent: 1 });
        expect(syr).toMatchObject({ events: 3, asSource: 2, asTarget: 2 });
        expect(syr.partners[0]).toMatchObject({ code: 'RUSGOV', events: 2 });
        expect(new Set(syr.partners.map((x) => x.code))).toEqual(new Set(['RUSGOV', 'SYRMIL', 'SYRREB']));
        expect(syr.partners.find((x) => x.code === 'SYRREB')!.quads).toEqual([0, 0, 0, 1]);
        expect(syr.recent).toHaveLength(1);
        const person = await s.actorProfile('rasad:test-shaibani');
        expect(person.summary).toMatchObject({ actor: 'rasad:test-shaibani', name: 'Asaad al-Shaibani' });
        expect(person).toMatchObject({ events: 1, asSource: 1, asTarget: 0 });
        const nobody = await s.actorProfile('CHN');
        expect(nobody).toMatchObject({ summary: null, events: 0, partners: [], recent: [] });
      });

      it('relates two actors in either direction: monthly series by quad, mean Goldstein, top events', async () => {
        const r = await s.relation('SYR', 'RUS');
        expect(r).toMatchObject({ a: 'SYR', b: 'RUS', events: 2, goldstein: mean(g('042'), g('036')) });
        expect(r.months).toEqual([
          { month: '2024-03', quads: [1, 0, 0, 0], events: 1, goldstein: g('042') },
          { month: '2024-06', quads: [1, 0, 0, 0], events: 1, goldstein: g('036') },
        ]);
        expect(r.top.map((e) => e.id)).toEqual([E.E1, E.E4]);
        const back = await s.relation('RUS', 'SYR');
        expect(back.events).toBe(2);
        expect(back.months).toEqual(r.months);
        const later = await s.relation('SYR', 'RUS', { from: '2024-04-01', top: 5 });
        expect(later.events).toBe(1);
        expect(later.top.map((e) => e.id)).toEqual([E.E4]);
        const none = await s.relation('SYR', 'USA');
        expect(none).toMatchObject({ events: 0, goldstein: null, months: [], top: [] });
        const topOne = await s.relation('SYR', 'RUS', { top: 1 });
        expect(topOne.top).toHaveLength(1);
      });

      it('gives an overview: counts, monthly series, top actors and pairs with direction merged', async () => {
        const o = await s.overview();
        expect(o).toMatchObject({ articles: 6, events: 5, mentions: 6 });
        expect(o.months).toEqual([
          { month: '2023-12', quads: [0, 0, 1, 0], events: 1, goldstein: g('111') },
          { month: '2024-03', quads: [1, 0, 0, 0], events: 1, goldstein: g('042') },
          { month: '2024-05', quads: [0, 0, 0, 1], events: 1, goldstein: g('190') },
          { month: '2024-06', quads: [1, 0, 0, 0], events: 1, goldstein: g('036') },
        ]);
        expect(
          o.actors
            .slice(0, 2)
            .map((a) => [a.code, a.events])
            .sort(),
        ).toEqual([
          ['RUSGOV', 2],
          ['SYRGOV', 2],
        ]);
        const top = o.pairs[0]!;
        expect([top.a, top.b].sort()).toEqual(['RUSGOV', 'SYRGOV']);
        expect(top).toMatchObject({ events: 2, goldstein: mean(g('042'), g('036')) });
        expect(o.pairs).toHaveLength(4);
        const y2024 = await s.overview({ from: '2024-01-01', to: '2024-12-31', top: 1 });
        expect(y2024).toMatchObject({ articles: 6, events: 3, mentions: 4 });
        expect(y2024.months.map((m) => m.month)).toEqual(['2024-03', '2024-05', '2024-06']);
        expect(y2024.actors).toHaveLength(1);
        expect(y2024.pairs).toHaveLength(1);
      });

      it('builds the actor network limited to the most active nodes', async () => {
        const n = await s.network({});
        expect(new Set(n.nodes.map((x) => x.code))).toEqual(
          new Set(['SYRGOV', 'RUSGOV', 'SYRMIL', 'SYRREB', 'USA', 'IRNGOV', 'ISR', 'PSE']),
        );
        expect(n.edges).toHaveLength(5);
        const small = await s.network({ maxNodes: 2 });
        expect(small.nodes.map((x) => x.code).sort()).toEqual(['RUSGOV', 'SYRGOV']);
        expect(small.nodes.map((x) => x.events)).toEqual([2, 2]);
        expect(small.edges.map((e) => `${e.source}>${e.target}:${e.events}`).sort()).toEqual([
          'RUSGOV>SYRGOV:1',
          'SYRGOV>RUSGOV:1',
        ]);
        const conflict = await s.network({ quad: [4] });
        expect(conflict.nodes.map((x) => x.code).sort()).toEqual(['SYRMIL', 'SYRREB']);
        expect(conflict.edges).toEqual([
          { source: 'SYRMIL', target: 'SYRREB', events: 1, goldstein: g('190') },
        ]);
      });

      it('counts events per place with coordinates', async () => {
        const all = await s.places({});
        expect(all).toHaveLength(4);
        expect(all.find((p) => p.name === 'Moscow')).toEqual({
          ...PLACES.moscow,
          events: 1,
          goldstein: g('042'),
        });
        const syr = await s.places({ actor: 'SYR' });
        expect(syr.map((p) => p.name).sort()).toEqual(['Aleppo', 'Moscow']);
      });
    });

    describe('article search', () => {
      it('finds Arabic words whatever their diacritics, clitics and hamza forms, with snippets', async () => {
        const s = await fresh();
        const texts = {
          s1: 'صرّح الوزير الشيبانيّ بأن المحادثات كانت مثمرة وبناءة.',
          s2: 'نقلت الصحيفة تصريحات للشيباني حول الاتفاق الجديد.',
          s3: 'استقبل الرئيس أحمد الضيوف في القصر الجمهوري.',
          s4: 'لا علاقة لهذا النص بالموضوع المطروح.',
        };
        await s.putArticles(
          Object.entries(texts).map(([id, text]) => item(doc(id, text, { title: `عنوان ${id}` }), [])),
        );
        const hits = await s.searchArticles('الشيباني');
        expect(hits.map((h) => h.id).sort()).toEqual(['s1', 's2']);
        for (const h of hits) {
          const text = texts[h.id as keyof typeof texts];
          expect(text.slice(h.start, h.end)).toBe(h.id === 's1' ? 'الشيبانيّ' : 'للشيباني');
          expect(h.snippet).toContain(text.slice(h.start, h.end));
          expect(h.title).toBe(`عنوان ${h.id}`);
        }
        const ahmad = await s.searchArticles('احمد');
        expect(ahmad.map((h) => h.id)).toEqual(['s3']);
        expect(texts.s3.slice(ahmad[0]!.start, ahmad[0]!.end)).toBe('أحمد');
        expect((await s.searchArticles('شيباني')).map((h) => h.id).sort()).toEqual(['s1', 's2']);
        expect((await s.searchArticles('الشيباني الاتفاق')).map((h) => h.id)).toEqual(['s2']);
        expect(await s.searchArticles('غائبة')).toEqual([]);
        expect(await s.searchArticles('  ')).toEqual([]);
        const page1 = await s.searchArticles('الشيباني', { limit: 1 });
        const page2 = await s.searchArticles('الشيباني', { limit: 1, offset: 1 });
        expect([...page1, ...page2].map((h) => h.id).sort()).toEqual(['s1', 's2']);
      });

      it('forgets the old text of a replaced article', async () => {
        const s = await fresh();
        await s.putArticles([item(doc('t1', 'زار الوزير مدينة حمص.'), [])]);
        expect((await s.searchArticles('حمص')).map((h) => h.id)).toEqual(['t1']);
        await s.putArticles([item(doc('t1', 'زار الوزير مدينة اللاذقية.'), [])]);
        expect(await s.searchArticles('حمص')).toEqual([]);
        expect((await s.searchArticles('اللاذقيه')).map((h) => h.id)).toEqual(['t1']);
      });
    });

    describe('the extractor output of examples/articles.jsonl', () => {
      const file = join(process.cwd(), 'examples', 'articles.jsonl');
      it.skipIf(!existsSync(file))('stores consistent events, mentions and offsets', async () => {
        const s = await fresh();
        const res = loadResources();
        const docs = readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as InputDocument);
        const items = docs.map((d) => item(d, extract(d, res)));
        const records = items.reduce((n, it) => n + (it.events?.length ?? 0), 0);
        expect(records).toBeGreaterThan(0);
        const half = Math.ceil(items.length / 2);
        const r1 = await s.putArticles(items.slice(0, half));
        const r2 = await s.putArticles(items.slice(half));
        expect(r1.stored + r2.stored).toBe(docs.length);
        expect(r1.mentions + r2.mentions).toBe(records);
        const counts = await s.counts();
        expect(counts).toMatchObject({ articles: docs.length, mentions: records, pending: 0, failed: 0 });
        expect(counts.events).toBe(r1.newEvents + r2.newEvents);
        expect(counts.events).toBeLessThanOrEqual(records);

        const all: StoredEvent[] = await collect(s.iterateEvents({}, { mentions: true }));
        expect(all).toHaveLength(counts.events);
        expect((await s.queryEvents({})).total).toBe(counts.events);
        let sum = 0;
        for (const e of all) {
          const ms = e.mentions!;
          expect(ms.length).toBe(e.num_mentions);
          expect(e.num_articles).toBe(new Set(ms.map((m) => m.article)).size);
          expect(e.num_sources).toBeLessThanOrEqual(e.num_articles);
          expect(e.first_article).toBe(ms[0]!.article);
          expect(ms.every((m) => m.code.slice(0, 3) === e.code.slice(0, 3))).toBe(true);
          expect(ms.every((m) => m.modality === e.modality)).toBe(true);
          sum += ms.length;
        }
        expect(sum).toBe(records);
        for (const d of docs) {
          const ms = await s.articleMentions(d.id);
          expect(ms.length).toBe((await s.getArticle(d.id))!.events);
          for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.start);
          for (const m of ms) expect(d.text.slice(m.start, m.end)).toBe(m.trigger);
        }
        const o = await s.overview();
        expect(o.events).toBe(counts.events);
        expect(o.mentions).toBe(records);
        const dated = all.filter((e) => e.date !== null).length;
        expect(o.months.reduce((n, m) => n + m.events, 0)).toBe(dated);
        // ingesting the same articles again stores nothing
        const again = await s.putArticles(items);
        expect(again).toEqual({ stored: 0, duplicates: docs.length, mentions: 0, newEvents: 0 });
      });
    });
  });
}
