/**
 * Golden test of the project's own example articles (examples/articles.jsonl): sentences,
 * tokens with clitic pieces, time expressions with their resolved values, and actor and place
 * mentions with their codes, as offsets into each article. A change to any stage shows here as
 * a readable diff; review it, then regenerate:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/examples-golden.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annotate, loadResources } from '../src/pipeline.js';
import type { AnnotatedDocument, InputDocument } from '../src/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const goldenPath = resolve(repoRoot, 'test/golden/examples.json');
const articles = readFileSync(resolve(repoRoot, 'examples/articles.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as InputDocument);

function view(ad: AnnotatedDocument) {
  return {
    id: ad.doc.id,
    sentences: ad.sentences.map((s) => [s.start, s.end, s.heading]),
    tokens: ad.tokens.map((t) => [t.start, t.end, t.kind, t.pieces.map((p) => [p.start, p.end, p.kind])]),
    times: ad.times.map((t) => [t.start, t.end, t.kind, t.value, t.precision]),
    actors: ad.actors.map((a) => [a.start, a.end, a.code, a.kind, a.actor]),
    places: ad.places.map((p) => [p.start, p.end, p.id, p.country]),
  };
}

function serialise(docs: ReturnType<typeof view>[]): string {
  const rows = (xs: unknown[]) => xs.map((x) => `      ${JSON.stringify(x)}`).join(',\n');
  const doc = (d: ReturnType<typeof view>) =>
    `  {\n    "id": ${JSON.stringify(d.id)},\n${(
      ['sentences', 'tokens', 'times', 'actors', 'places'] as const
    )
      .map((k) => `    "${k}": [\n${rows(d[k])}\n    ]`)
      .join(',\n')}\n  }`;
  return `[\n${docs.map(doc).join(',\n')}\n]\n`;
}

describe('example articles golden', () => {
  const res = loadResources();
  const got = articles.map((a) => view(annotate(a, res, 'actors')));
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, serialise(got));
  const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as ReturnType<typeof view>[];

  it('covers every example article', () => {
    expect(golden.map((g) => g.id)).toEqual(articles.map((a) => a.id));
  });
  for (const [i, a] of articles.entries()) {
    it(`${a.id} matches test/golden/examples.json`, () => {
      const g = golden[i]!;
      const d = got[i]!;
      expect(d.sentences).toEqual(g.sentences);
      expect(d.tokens).toEqual(g.tokens);
      expect(d.times).toEqual(g.times);
      expect(d.actors).toEqual(g.actors);
      expect(d.places).toEqual(g.places);
    });
  }
});
