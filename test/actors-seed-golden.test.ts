/**
 * Golden test of the actor and place mentions of the seed article (published 2025-12-24),
 * plus named checks of the mentions a careful analyst expects there. The golden file holds
 * offsets, codes, kinds and ids only — never the text (read from ../shared at test time).
 *
 * Regenerate after a reviewed change:  UPDATE_GOLDEN=1 npx vitest run test/actors-seed-golden.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate, loadResources } from '../src/pipeline.js';
import type { ActorMention, AnnotatedDocument } from '../src/types.js';
import { annotationProblems, haveSeed, REPO, SEED_PATH, SEED_PUBLISHED } from './fixtures/checks.js';

const goldenPath = resolve(REPO, 'test/golden/seed-actors.json');

/** [start, end, code, kind, actor id] */
type ActorRow = [number, number, string, string, string | null];
/** [start, end, place id, kind, country] */
type PlaceRow = [number, number, string, string, string | null];

interface Golden {
  note: string;
  published: string;
  length: number;
  actors: ActorRow[];
  places: PlaceRow[];
}

function build(ad: AnnotatedDocument): Golden {
  return {
    note: 'Actor and place mentions of ../shared/seed/000_326bea3903292d52.txt published 2025-12-24 (UTF-16 offsets, end exclusive). Regenerate: UPDATE_GOLDEN=1 npx vitest run test/actors-seed-golden.test.ts',
    published: SEED_PUBLISHED,
    length: ad.doc.text.length,
    actors: ad.actors.map((a): ActorRow => [a.start, a.end, a.code, a.kind, a.actor]),
    places: ad.places.map((p): PlaceRow => [p.start, p.end, p.id, p.kind, p.country]),
  };
}

function serialise(g: Golden): string {
  const rows = (xs: unknown[]) => xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  return `{\n  "note": ${JSON.stringify(g.note)},\n  "published": ${JSON.stringify(g.published)},\n  "length": ${g.length},\n  "actors": [\n${rows(g.actors)}\n  ],\n  "places": [\n${rows(g.places)}\n  ]\n}\n`;
}

describe.skipIf(!haveSeed)(`seed article actors and places (skipped when ${SEED_PATH} is absent)`, () => {
  const text = haveSeed ? readFileSync(SEED_PATH, 'utf8') : '';
  const ad = haveSeed
    ? annotate({ id: '000_326bea3903292d52', text, published: SEED_PUBLISHED }, loadResources(), 'actors')
    : null;

  /** Actor mentions covering the nth occurrence of `word`. */
  function covering(word: string, nth = 0): ActorMention | undefined {
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(word, at + 1);
      if (at < 0) throw new Error(`${JSON.stringify(word)} occurs fewer than ${nth + 1} times in the seed`);
    }
    return ad!.actors.find((a) => a.start <= at && a.end >= at + word.length);
  }
  const who = (m: ActorMention | undefined) => `${m?.actor ?? ''} ${m?.name ?? ''}`;

  it('every span is valid', () => {
    expect(annotationProblems(ad!)).toEqual([]);
  });

  it('matches test/golden/seed-actors.json', () => {
    const got = build(ad!);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(goldenPath, serialise(got));
      console.log(`wrote ${goldenPath}`);
    }
    const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Golden;
    expect(got.length).toBe(golden.length);
    expect(got.actors).toEqual(golden.actors);
    expect(got.places).toEqual(golden.places);
  });

  it('al-Shaibani: role + nisba + name, surname, الوزير + surname, نظيره + nisba + name → SYRGOV', () => {
    for (const [word, nth] of [
      ['الشيباني', 0],
      ['الشيباني', 1],
      ['الشيباني', 2],
      ['الشيباني', 3],
      ['الشيباني', 4],
    ] as const) {
      const m = covering(word, nth);
      expect(m?.code, `${word} #${nth}`).toBe('SYRGOV');
      expect(who(m)).toMatch(/shaibani|shibani/i);
    }
  });

  it('Lavrov and Putin → RUSGOV, every mention', () => {
    for (let i = 0; i < 4; i++) {
      const m = covering('لافروف', i);
      expect(m?.code, `لافروف #${i}`).toBe('RUSGOV');
      expect(who(m)).toMatch(/lavrov/i);
    }
    for (let i = 0; i < 3; i++) {
      const m = covering('بوتين', i);
      expect(m?.code, `بوتين #${i}`).toBe('RUSGOV');
      expect(who(m)).toMatch(/putin/i);
    }
  });

  it('Abu Qasra, the Syrian defence minister → SYRMIL', () => {
    const m = covering('أبو قصرة');
    expect(m?.code).toBe('SYRMIL');
    expect(m?.text.startsWith('وزير الدفاع السوري')).toBe(true);
    // known to the KB now; when it is not, the name must come from the text
    expect(`${who(m)} ${m?.name ?? ''}`).toMatch(/qasra|أبو قصرة/i);
  });

  it('al-Sharaa, the Syrian president → SYRGOV', () => {
    const m = covering('الشرع');
    expect(m?.code).toBe('SYRGOV');
    expect(who(m)).toMatch(/sharaa/i);
  });

  it('Zakharova, spokeswoman of the Russian foreign ministry → RUSGOV', () => {
    const m = covering('زاخاروفا');
    expect(m?.code).toBe('RUSGOV');
    expect(who(m)).toMatch(/zakharova/i);
  });

  it('the Russian foreign ministry (الخارجية الروسية) is covered by a RUSGOV mention', () => {
    expect(covering('الخارجية الروسية')?.code).toBe('RUSGOV');
  });

  it('Syrian General Intelligence officials → SYRSPY, no person', () => {
    const m = covering('الاستخبارات العامة السورية');
    expect(m?.code).toBe('SYRSPY');
    expect(m?.actor ?? null).toBeNull();
  });

  it('senior Russian officials: RUSGOV with no invented name', () => {
    const m = covering('مسؤولين روس');
    expect(m?.code).toBe('RUSGOV');
    expect(m?.name ?? null).toBeNull();
  });

  it('الجانب السوري → SYR', () => {
    const m = covering('الجانب السوري');
    expect(m?.country).toBe('SYR');
    expect(m?.code.startsWith('SYR')).toBe(true);
  });

  it('Moscow acting (تسعى موسكو) → RUS', () => {
    const m = covering('موسكو', 2);
    expect(m?.code).toBe('RUS');
  });

  it('places: Moscow, Syria, Russia, Lebanon, Iraq', () => {
    const byId = new Map<string, number>();
    for (const p of ad!.places) byId.set(p.country ?? '', (byId.get(p.country ?? '') ?? 0) + 1);
    const moscow = ad!.places.filter((p) => p.name === 'Moscow');
    expect(moscow.length).toBeGreaterThanOrEqual(3);
    for (const p of moscow) {
      expect(p.country).toBe('RUS');
      expect(p.lat).toBeCloseTo(55.75, 0);
      expect(p.lon).toBeCloseTo(37.62, 0);
    }
    for (const c of ['SYR', 'RUS', 'LBN', 'IRQ']) expect(byId.get(c) ?? 0, c).toBeGreaterThan(0);
    const lebanon = ad!.places.find((p) => p.start === text.indexOf('لبنان'));
    expect(lebanon?.country).toBe('LBN');
    const iraq = ad!.places.find((p) => p.start === text.indexOf('العراق'));
    expect(iraq?.country).toBe('IRQ');
  });
});
