/**
 * Every event record extracted from the project's examples has the shape of
 * ../shared/spec/event-record.md, field by field: id, article, sentence, code (in the CAMEO
 * table), root, quad, goldstein, source/target (object with text/start/end/code/country/actor/
 * name, or null), date format, date_text, place, modality, trigger with valid offsets, pattern,
 * confidence in 0..1. Also: ids stable and unique, the trigger inside its sentence, JSON round trip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCameo } from '../src/events/cameo.js';
import { annotate, loadResources } from '../src/pipeline.js';
import type { Actor, AnnotatedDocument, EventRecord, InputDocument } from '../src/types.js';
import { placeProblems, REPO, recordProblems } from './fixtures/checks.js';

const res = loadResources();
const articles = readFileSync(join(REPO, 'examples', 'articles.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as InputDocument);
const annotated: AnnotatedDocument[] = articles.map((a) => annotate(a, res, 'events'));
const all: { ad: AnnotatedDocument; e: EventRecord }[] = annotated.flatMap((ad) =>
  ad.events.map((e) => ({ ad, e })),
);

const REQUIRED = [
  'id',
  'article',
  'sentence',
  'code',
  'root',
  'quad',
  'goldstein',
  'source',
  'target',
  'date',
  'date_text',
  'place',
  'modality',
  'trigger',
  'pattern',
  'confidence',
];

function checkActor(a: Actor | null, text: string): void {
  if (a === null) return;
  expect(typeof a).toBe('object');
  for (const k of ['text', 'start', 'end', 'code', 'country', 'actor', 'name'])
    expect(a, k).toHaveProperty(k);
  expect(typeof a.text).toBe('string');
  expect(Number.isInteger(a.start) && Number.isInteger(a.end)).toBe(true);
  expect(text.slice(a.start, a.end)).toBe(a.text);
  expect(a.code).toMatch(/^(?:[A-Z]{3})+$/);
  expect(a.country === null || /^[A-Z]{3}$/.test(a.country)).toBe(true);
  if (a.country) expect(a.code.startsWith(a.country)).toBe(true);
  expect(a.actor === null || typeof a.actor === 'string').toBe(true);
  expect(a.name === null || typeof a.name === 'string').toBe(true);
}

describe('event records of the examples', () => {
  it('the examples yield records', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it('every record has every required field with the right type', () => {
    const cameo = loadCameo().byCode;
    for (const { ad, e } of all) {
      const text = ad.doc.text;
      for (const k of REQUIRED) expect(e, `${e.id} ${k}`).toHaveProperty(k);
      expect(typeof e.id).toBe('string');
      expect(e.id.length).toBeGreaterThan(0);
      expect(e.article).toBe(ad.doc.id);
      expect(Number.isInteger(e.sentence)).toBe(true);
      expect(e.sentence).toBeGreaterThanOrEqual(0);
      expect(e.sentence).toBeLessThan(ad.sentences.length);
      expect(e.code).toMatch(/^\d{3,4}$/);
      const info = cameo.get(e.code);
      expect(info, `code ${e.code} in data/cameo`).toBeDefined();
      expect(e.root).toBe(e.code.slice(0, 2));
      expect([1, 2, 3, 4]).toContain(e.quad);
      expect(e.quad).toBe(info!.quad);
      expect(typeof e.goldstein).toBe('number');
      expect(e.goldstein).toBe(info!.goldstein);
      checkActor(e.source, text);
      checkActor(e.target, text);
      if (e.attribution !== undefined) checkActor(e.attribution, text);
      expect(e.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date), `date ${e.date}`).toBe(true);
      expect(e.date_text === null || typeof e.date_text === 'string').toBe(true);
      if (e.date_text !== null) expect(e.date).not.toBeNull();
      if (e.place !== null) {
        expect(typeof e.place.name).toBe('string');
        expect(typeof e.place.name_ar).toBe('string');
        expect(e.place.country === null || /^[A-Z]{3}$/.test(e.place.country)).toBe(true);
        expect(e.place.lat === null || typeof e.place.lat === 'number').toBe(true);
        expect(e.place.lon === null || typeof e.place.lon === 'number').toBe(true);
      }
      expect(['asserted', 'future', 'hypothetical', 'negated']).toContain(e.modality);
      expect(typeof e.trigger.text).toBe('string');
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(typeof e.pattern).toBe('string');
      expect(e.pattern.length).toBeGreaterThan(0);
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('recordProblems finds nothing (the same checks, every problem listed at once)', () => {
    expect(all.flatMap(({ ad, e }) => recordProblems(e, ad.doc.text, ad.sentences.length))).toEqual([]);
  });

  it('the trigger lies inside the sentence the record names', () => {
    for (const { ad, e } of all) {
      const s = ad.sentences[e.sentence]!;
      expect(e.trigger.start, e.id).toBeGreaterThanOrEqual(s.start);
      expect(e.trigger.end, e.id).toBeLessThanOrEqual(s.end);
    }
  });

  it('ids are unique and stable: the same input gives the same records', () => {
    const ids = all.map(({ e }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = articles.flatMap((a) => annotate(a, res, 'events').events);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(all.map(({ e }) => e))));
  });

  it('records survive a JSON round trip unchanged (no undefined, NaN or functions)', () => {
    for (const { e } of all) {
      const back = JSON.parse(JSON.stringify(e));
      for (const k of REQUIRED) expect(back, `${e.id} ${k}`).toHaveProperty(k);
    }
  });

  // the sports article (ex-10) has trigger words in a non-political sense (a team arriving, a coach
  // praising, a team hosting): the sports context (data/patterns/context.yaml) keeps them out
  it('the negative example (sports) yields no records', () => {
    const ad = annotated.find((x) => x.doc.id.includes('negative'));
    expect(ad).toBeDefined();
    expect(ad!.events.map((e) => `${e.code} ${e.trigger.text}`)).toEqual([]);
  });
});

describe('event records of repeated paragraphs', () => {
  const visit = 'وصل وزير الخارجية السعودي إلى القاهرة يوم أمس في زيارة رسمية.';
  const condemn = 'وأدانت جامعة الدول العربية الهجوم الذي شنه تنظيم داعش على مواقع الجيش العراقي.';

  it('a repeated event is one record with extra mentions', () => {
    const text = [condemn, visit, condemn].join('\n');
    const ad = annotate({ id: 'rep', text, published: '2023-05-10' }, res, 'events');
    expect(ad.events.filter((e) => e.code === '111').length).toBe(1);
    for (const e of ad.events) expect(recordProblems(e, text, ad.sentences.length)).toEqual([]);
  });

  // GAP: with [visit, condemnation, visit, condemnation] the merged condemnation records get the
  // visit's place carried over as a country-only place {"name":"EGY","name_ar":"","lat":null,...}:
  // the name is a code, name_ar is empty, and an Arab League condemnation did not happen in Egypt.
  it.fails('merged repeats keep a valid place (a real place or null)', () => {
    const text = [visit, condemn, visit, condemn].join('\n');
    const ad = annotate({ id: 'rep2', text, published: '2023-05-10' }, res, 'events');
    for (const e of ad.events) {
      expect(recordProblems(e, text, ad.sentences.length)).toEqual([]);
      expect(placeProblems(e)).toEqual([]);
    }
    const c = ad.events.find((e) => e.code === '111');
    expect(c?.place ?? null).toBeNull();
  });
});
