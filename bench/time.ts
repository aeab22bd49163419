/**
 * Throughput of the time expression stage alone (src/time), on pre-tokenised input: the text
 * layer (sentences, tokens) is run first and not timed. Used by bench/run.ts; run directly to
 * print the figure over the first N corpus articles (default 5,000):
 *
 *   node dist/bench/time.js [--limit N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokenize.js';
import { findTimeExpressions } from '../src/time/find.js';
import type { InputDocument, Sentence, Token } from '../src/types.js';

export interface TimeFigures {
  articles: number;
  chars: number;
  expressions: number;
  /** Seconds per pass over all articles (best of the timed passes). */
  seconds: number;
  charsPerSec: number;
  articlesPerSec: number;
}

/** Time `findTimeExpressions` over the articles (best of several passes, ≥ 0.5 s in all). */
export function benchTime(articles: Pick<InputDocument, 'text' | 'published'>[]): TimeFigures {
  const prepared: { text: string; published: string | null; sentences: Sentence[]; tokens: Token[] }[] = [];
  let chars = 0;
  for (const a of articles) {
    const sentences = splitSentences(a.text);
    prepared.push({
      text: a.text,
      published: a.published ?? null,
      sentences,
      tokens: tokenize(a.text, sentences),
    });
    chars += a.text.length;
  }
  let expressions = 0;
  const pass = (): number => {
    let n = 0;
    for (const p of prepared) n += findTimeExpressions(p.text, p.sentences, p.tokens, p.published).length;
    return n;
  };
  expressions = pass(); // warm-up
  let best = Number.POSITIVE_INFINITY;
  let total = 0;
  for (let round = 0; round < 20 && (round < 3 || total < 0.5); round++) {
    const t0 = process.hrtime.bigint();
    pass();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    total += s;
    if (s < best) best = s;
  }
  return {
    articles: articles.length,
    chars,
    expressions,
    seconds: best,
    charsPerSec: best > 0 ? chars / best : Number.POSITIVE_INFINITY,
    articlesPerSec: best > 0 ? articles.length / best : Number.POSITIVE_INFINITY,
  };
}

function corpusPath(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const p = join(dir, '..', 'shared', 'corpus', 'saudinewsnet-2015.jsonl.gz');
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  return null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const li = process.argv.indexOf('--limit');
  const limit = li >= 0 ? Number(process.argv[li + 1]) : 5000;
  const path = corpusPath();
  if (path === null) {
    console.log('corpus not found: time benchmark skipped');
  } else {
    const docs: InputDocument[] = [];
    for (const l of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
      if (!l.trim()) continue;
      docs.push(JSON.parse(l) as InputDocument);
      if (docs.length >= limit) break;
    }
    const f = benchTime(docs);
    console.log(
      `time expressions: ${f.articles} articles, ${(f.chars / 1e6).toFixed(2)} M chars, ${f.expressions} expressions; ` +
        `${(f.charsPerSec / 1e6).toFixed(1)} M chars/s/core, ${f.articlesPerSec.toFixed(0)} articles/s (${(f.seconds * 1000).toFixed(0)} ms/pass)`,
    );
  }
}
