/**
 * The project's own examples: examples/articles.jsonl joined with examples/expected-events.jsonl
 * into gold documents, extracted and scored with src/eval/score.ts. Prints root/code/full F1
 * (console.log) and asserts only that nothing crashes and every record validates against the
 * spec — the scores move as the engine improves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScore, type GoldDocument, type GoldEvent, score } from '../src/eval/score.js';
import { annotate, loadResources } from '../src/pipeline.js';
import type { EventRecord, InputDocument } from '../src/types.js';
import { placeProblems, REPO, recordProblems } from './fixtures/checks.js';

const jsonl = <T>(file: string): T[] =>
  readFileSync(join(REPO, 'examples', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

describe('examples/articles.jsonl scored against examples/expected-events.jsonl', () => {
  const articles = jsonl<InputDocument>('articles.jsonl');
  const expected = jsonl<{ id: string; published?: string; events: GoldEvent[] }>('expected-events.jsonl');

  it('the two files join one to one', () => {
    expect(articles.length).toBeGreaterThan(0);
    expect(expected.map((e) => e.id).sort()).toEqual(articles.map((a) => a.id).sort());
    for (const e of expected) {
      const a = articles.find((x) => x.id === e.id)!;
      if (e.published) expect(e.published).toBe(a.published);
    }
  });

  it('extraction completes, every record validates, the scores are printed', () => {
    const res = loadResources();
    const gold: GoldDocument[] = articles.map((a) => ({
      id: a.id,
      text: a.text,
      published: a.published ?? null,
      events: expected.find((e) => e.id === a.id)?.events ?? [],
    }));
    const preds: EventRecord[] = [];
    const problems: string[] = [];
    for (const a of articles) {
      const ad = annotate(a, res, 'events');
      for (const e of ad.events) {
        expect(e.article).toBe(a.id);
        for (const p of recordProblems(e, a.text, ad.sentences.length)) problems.push(`${a.id}: ${p}`);
      }
      preds.push(...ad.events);
    }
    const r = score(gold, preds);
    console.log(`examples: ${formatScore(r)}`);
    expect(r.malformed).toBe(0);
    expect(r.docs).toBe(articles.length);
    for (const lv of ['root', 'code', 'full'] as const) {
      expect(r[lv].F1).toBeGreaterThanOrEqual(0);
      expect(r[lv].F1).toBeLessThanOrEqual(1);
    }
    expect(problems).toEqual([]);
  });

  // GAP: a place carried over from a hosting/visit context is built from a country code alone:
  // {"name":"JOR","name_ar":"","lat":null,"lon":null} (ex-10, «ويستضيف ... نظيره العراقي»).
  it.fails('every place of a record is a real place (name, name_ar, coordinates)', () => {
    const res = loadResources();
    const problems = articles.flatMap((a) =>
      annotate(a, res, 'events').events.flatMap((e) => placeProblems(e)),
    );
    expect(problems).toEqual([]);
  });
});
