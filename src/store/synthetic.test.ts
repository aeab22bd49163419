/** The synthetic store generator: consistent, deterministic, and a normal store afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { report } from '../../test/store/records.js';
import { openSqliteStore } from './sqlite/index.js';
import { generateSyntheticStore } from './synthetic.js';
import type { StoredEvent } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'rasad-synthetic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(path: string): Promise<StoredEvent[]> {
  const s = await openSqliteStore(path);
  const out: StoredEvent[] = [];
  for await (const e of s.iterateEvents({}, { mentions: true })) out.push(e);
  await s.close();
  return out;
}

describe('generateSyntheticStore', () => {
  const path = join(dir, 'a.db');

  it('fills a store with consistent events, mentions, articles and summaries', async () => {
    const r = await generateSyntheticStore(path, { events: 400, seed: 7 });
    expect(r.events).toBe(400);
    const s = await openSqliteStore(path);
    const counts = await s.counts();
    expect(counts).toEqual({
      articles: r.articles,
      pending: 0,
      failed: 0,
      mentions: r.mentions,
      events: 400,
    });
    const events = await all(path);
    expect(events).toHaveLength(400);
    let mentions = 0;
    const months = new Map<string, number>();
    const pairs = new Map<string, number>();
    const actors = new Map<string, number>();
    for (const e of events) {
      const ms = e.mentions!;
      mentions += ms.length;
      expect(ms.length).toBe(e.num_mentions);
      expect(e.num_mentions).toBeGreaterThanOrEqual(1);
      expect(e.num_mentions).toBeLessThanOrEqual(5);
      expect(e.num_articles).toBe(new Set(ms.map((m) => m.article)).size);
      expect(e.num_sources).toBe(new Set(ms.map((m) => m.outlet)).size);
      expect(e.first_article).toBe(ms[0]!.article);
      expect(e.confidence).toBe(Math.max(...ms.map((m) => m.confidence)));
      expect(e.source).not.toBeNull();
      if (e.date) {
        expect(e.date >= '2021-01' && e.date <= '2026').toBe(true);
        const k = e.date.slice(0, 7);
        months.set(k, (months.get(k) ?? 0) + 1);
      }
      if (e.source && e.target) {
        expect(e.source.code).not.toBe(e.target.code);
        const k = [e.source.code, e.target.code].sort().join('|');
        pairs.set(k, (pairs.get(k) ?? 0) + 1);
      }
      for (const code of new Set([e.source?.code, e.target?.code]))
        if (code) actors.set(code, (actors.get(code) ?? 0) + 1);
    }
    expect(mentions).toBe(r.mentions);
    const o = await s.overview({ top: 5 });
    expect(o.months.map((m) => [m.month, m.events])).toEqual([...months.entries()].sort());
    for (const p of o.pairs) expect(p.events).toBe(pairs.get([p.a, p.b].sort().join('|')));
    for (const a of o.actors) expect(a.events).toBe(actors.get(a.code));
    // trigger offsets point into the stored article text
    const sample = events.slice(0, 20).flatMap((e) => e.mentions!);
    for (const m of sample) {
      const a = (await s.getArticle(m.article))!;
      expect(a.text.slice(m.start, m.end)).toBe(m.trigger);
      const src = m.record.source!;
      expect(a.text.slice(src.start, src.end)).toBe(src.text);
    }
    // places carry coordinates unless they are a country
    const places = await s.places({});
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) expect(p.lat === null).toBe(p.lon === null);
    // the store takes ordinary writes and full-text queries afterwards
    const hits = await s.searchArticles('دمشق', { limit: 5 });
    for (const h of hits) expect((await s.getArticle(h.id))!.text).toContain('دمشق');
    await s.putArticles([report('after-synthetic', '2024-01-01', 'x')]);
    expect((await s.counts()).articles).toBe(r.articles + 1);
    await s.close();
  });

  it('is deterministic for a seed', async () => {
    const b = join(dir, 'b.db');
    const c = join(dir, 'c.db');
    await generateSyntheticStore(b, { events: 400, seed: 7 });
    await generateSyntheticStore(c, { events: 400, seed: 8 });
    const strip = (es: StoredEvent[]) =>
      es
        .filter((e) => e.id.startsWith('syn-'))
        .map((e) => ({ ...e, mentions: e.mentions!.map((m) => m.record) }));
    const first = strip(await all(path));
    expect(strip(await all(b))).toEqual(first);
    expect(strip(await all(c))).not.toEqual(first);
  });

  it('refuses a store that already holds data', async () => {
    await expect(generateSyntheticStore(path, { events: 10 })).rejects.toThrow(/already holds data/);
  });
});
