/**
 * Golden test of the text layer on the seed article: sentence spans (with heading flags),
 * token spans and kinds, clitic pieces. Offsets only — the golden file holds no text.
 *
 * Regenerate after a reviewed change:  UPDATE_GOLDEN=1 npx vitest run test/text-golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokenize.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedPath = resolve(repoRoot, '../shared/seed/000_326bea3903292d52.txt');
const goldenPath = resolve(repoRoot, 'test/golden/seed-text.json');

type PieceRow = [number, number, string];
interface Golden {
  note: string;
  length: number;
  sentences: [number, number, boolean][];
  tokens: [number, number, string, PieceRow[]][];
}

function build(text: string): Golden {
  const sentences = splitSentences(text);
  const tokens = tokenize(text, sentences);
  return {
    note: 'Offsets into ../shared/seed/000_326bea3903292d52.txt (UTF-16 code units, end exclusive). Regenerate: UPDATE_GOLDEN=1 npx vitest run test/text-golden.test.ts',
    length: text.length,
    sentences: sentences.map((s) => [s.start, s.end, s.heading]),
    tokens: tokens.map((t) => [
      t.start,
      t.end,
      t.kind,
      t.pieces.map((p): PieceRow => [p.start, p.end, p.kind]),
    ]),
  };
}

/** One row a line: readable diffs, small file. */
function serialise(g: Golden): string {
  const rows = (xs: unknown[]) => xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  return `{\n  "note": ${JSON.stringify(g.note)},\n  "length": ${g.length},\n  "sentences": [\n${rows(g.sentences)}\n  ],\n  "tokens": [\n${rows(g.tokens)}\n  ]\n}\n`;
}

describe.skipIf(!existsSync(seedPath))('seed article golden (skipped: ../shared/seed not found)', () => {
  const text = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : '';

  it('matches test/golden/seed-text.json', () => {
    const got = build(text);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(goldenPath, serialise(got));
      console.log(`wrote ${goldenPath}`);
    }
    const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Golden;
    expect(got.length).toBe(golden.length);
    expect(got.sentences).toEqual(golden.sentences);
    expect(got.tokens).toEqual(golden.tokens);
  });

  it('the seed has exactly two headings', () => {
    const s = splitSentences(text);
    expect(s.filter((x) => x.heading).length).toBe(2);
  });
});
