/**
 * Span validity over real news: the first 300 articles of
 * ../shared/corpus/saudinewsnet-2015.jsonl.gz through the whole pipeline (annotate up to events):
 * text.slice(start, end) === text for every sentence, token, piece, time, actor, place, event
 * trigger, source and target; and every record validates against the spec.
 * Skips with a message when the corpus is absent (it is research material, never shipped).
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDocument } from '../src/io/read.js';
import { annotate, loadResources } from '../src/pipeline.js';
import type { AnnotatedDocument } from '../src/types.js';
import { annotationProblems, CORPUS_PATH, placeProblems, recordProblems } from './fixtures/checks.js';

const N = 300;
const haveCorpus = existsSync(CORPUS_PATH);

describe.skipIf(!haveCorpus)(`first ${N} corpus articles (skipped when ${CORPUS_PATH} is absent)`, () => {
  const docs: AnnotatedDocument[] = [];

  beforeAll(async () => {
    const res = loadResources();
    const rl = createInterface({
      input: createReadStream(CORPUS_PATH).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    let line = 0;
    for await (const raw of rl) {
      line++;
      if (!raw.trim()) continue;
      const doc = toDocument(JSON.parse(raw), `${CORPUS_PATH}:${line}`);
      docs.push(annotate(doc, res, 'events'));
      if (docs.length >= N) break;
    }
    rl.close();
  }, 120_000);

  it(`reads ${N} articles`, () => {
    expect(docs.length).toBe(N);
    expect(docs.reduce((n, d) => n + d.tokens.length, 0)).toBeGreaterThan(N * 50);
  });

  it('every span satisfies text.slice(start, end) === text', () => {
    const problems = docs.flatMap((ad) => annotationProblems(ad, false));
    expect(problems.slice(0, 20), `${problems.length} problem(s)`).toEqual([]);
  });

  it('sentences are ordered and disjoint; tokens lie inside their sentence', () => {
    const problems: string[] = [];
    for (const ad of docs) {
      let last = 0;
      for (const s of ad.sentences) {
        if (s.start < last || s.end <= s.start)
          problems.push(`${ad.doc.id}: sentence ${s.index} ${s.start}-${s.end}`);
        last = s.end;
      }
      for (const t of ad.tokens) {
        const s = ad.sentences[t.sentence];
        if (!s || t.start < s.start || t.end > s.end)
          problems.push(`${ad.doc.id}: token ${t.index} outside sentence`);
      }
    }
    expect(problems.slice(0, 20), `${problems.length} problem(s)`).toEqual([]);
  });

  it('every actor and event record is well formed', () => {
    const problems: string[] = [];
    for (const ad of docs) {
      for (const a of ad.actors) {
        if (!/^(?:[A-Z]{3})+$/.test(a.code)) problems.push(`${ad.doc.id}: actor code ${a.code}`);
        if (a.country && !a.code.startsWith(a.country))
          problems.push(`${ad.doc.id}: ${a.code} vs ${a.country}`);
      }
      for (const e of ad.events)
        for (const p of recordProblems(e, ad.doc.text, ad.sentences.length))
          problems.push(`${ad.doc.id}: ${p}`);
    }
    expect(problems.slice(0, 20), `${problems.length} problem(s)`).toEqual([]);
  });

  // GAP: some records carry a country-only place {"name":"SAU","name_ar":"","lat":null,...}
  // (14 of 321 records on 2026-11-29); see test/record-schema.test.ts.
  it.fails('every place of a record is a real place (name, name_ar, coordinates)', () => {
    const problems = docs.flatMap((ad) => ad.events.flatMap((e) => placeProblems(e)));
    expect(problems.slice(0, 20), `${problems.length} problem(s)`).toEqual([]);
  });
});
