/**
 * Clitic segmentation error rate over test/fixtures/clitic-wordlist.tsv
 * (`word<TAB>expected`, pieces joined by `+`). Used by bench/run.ts and test/text-clitics.test.ts;
 * run directly to print the figure and the wrong words:
 *
 *   node dist/bench/clitics.js
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentWord } from '../src/text/clitics.js';
import { normalize } from '../src/text/normalize.js';

export interface CliticFigures {
  total: number;
  errors: number;
  rate: number;
  wrong: { word: string; expected: string; got: string }[];
}

/** The word list, found by walking up from this module (sources or dist). */
export function wordListPath(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const p = join(dir, 'test', 'fixtures', 'clitic-wordlist.tsv');
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  return null;
}

/** Segment every word of the list and compare; null when the list is absent. */
export function clitics(file: string | null = wordListPath()): CliticFigures | null {
  if (file === null || !existsSync(file)) return null;
  const wrong: CliticFigures['wrong'] = [];
  let total = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const l = line.trim();
    if (l === '' || l.startsWith('#')) continue;
    const [word, expected] = l.split('\t').map((x) => x.trim());
    if (!word || !expected) continue;
    total++;
    const got = segmentWord(word);
    if (normalizeSeg(got) !== normalizeSeg(expected)) wrong.push({ word, expected, got });
  }
  return { total, errors: wrong.length, rate: total === 0 ? 0 : wrong.length / total, wrong };
}

/** Compare segmentations on normalised pieces (the list is written with ordinary spelling). */
function normalizeSeg(s: string): string {
  return s
    .split('+')
    .map((p) => normalize(p.trim()))
    .join('+');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const f = clitics();
  if (f === null) console.log('clitic word list not found');
  else {
    for (const w of f.wrong) console.log(`${w.word}\texpected ${w.expected}\tgot ${w.got}`);
    console.log(
      `clitic segmentation: ${f.errors}/${f.total} words wrong (${(f.rate * 100).toFixed(2)}% error rate)`,
    );
  }
}
