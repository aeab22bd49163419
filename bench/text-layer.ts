/**
 * Throughput of the text layer: normalise + sentence split + tokenise (with clitic
 * segmentation and lemmas), on one core (this process).
 *
 *   node dist/bench/text-layer.js [limit]     first `limit` corpus articles (default 5000)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { normalize } from '../src/text/normalize.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokenize.js';

export interface TextLayerFigures {
  articles: number;
  chars: number;
  tokens: number;
  sentences: number;
  seconds: number;
  charsPerSec: number;
  articlesPerSec: number;
  /** CPU time of this process (user + system): stabler than wall time on a busy machine. */
  cpuSeconds: number;
  cpuCharsPerSec: number;
}

export interface BenchArticle {
  id: string;
  text: string;
  published?: string;
}

/** Run the text layer over the articles once (after a warm-up pass over up to 200 of them). */
export async function benchTextLayer(articles: BenchArticle[]): Promise<TextLayerFigures> {
  const run = (docs: BenchArticle[]): { tokens: number; sentences: number; sink: number } => {
    let tokens = 0;
    let sentences = 0;
    let sink = 0;
    for (const d of docs) {
      sink += normalize(d.text).length;
      const s = splitSentences(d.text);
      const t = tokenize(d.text, s);
      // time expressions (src/time) go here when wired: findTimes(d.text, s, t, d.published)
      tokens += t.length;
      sentences += s.length;
    }
    return { tokens, sentences, sink };
  };
  run(articles.slice(0, 200));
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = run(articles);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cu = process.cpuUsage(c0);
  const cpuSeconds = (cu.user + cu.system) / 1e6;
  if (r.sink < 0) console.log(r.sink);
  return {
    articles: articles.length,
    chars,
    tokens: r.tokens,
    sentences: r.sentences,
    seconds,
    charsPerSec: chars / seconds,
    articlesPerSec: articles.length / seconds,
    cpuSeconds,
    cpuCharsPerSec: chars / cpuSeconds,
  };
}

/** The corpus beside the checkout (../shared), or null. */
export function corpusPath(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const p = join(dir, '..', 'shared', 'corpus', 'saudinewsnet-2015.jsonl.gz');
    if (existsSync(join(dir, 'package.json')) && existsSync(p)) return p;
    dir = dirname(dir);
  }
  return null;
}

/** The first `limit` corpus articles. */
export function loadArticles(file: string, limit: number): BenchArticle[] {
  const out: BenchArticle[] = [];
  for (const l of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!l.trim()) continue;
    const d = JSON.parse(l) as { id: string; text: string; published?: string };
    out.push({ id: d.id, text: d.text, published: d.published });
    if (out.length >= limit) break;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = corpusPath();
  if (file === null) {
    console.log('corpus not found (../shared/corpus): text-layer benchmark skipped');
  } else {
    const limit = Number(process.argv[2] ?? 5000);
    const f = await benchTextLayer(loadArticles(file, limit));
    console.log(
      `text layer: ${f.articles} articles, ${(f.chars / 1e6).toFixed(1)} M chars, ${f.sentences} sentences, ${f.tokens} tokens in ${f.seconds.toFixed(2)} s — ${(f.charsPerSec / 1e6).toFixed(2)} M chars/s, ${f.articlesPerSec.toFixed(0)} articles/s (one core); CPU time ${f.cpuSeconds.toFixed(2)} s — ${(f.cpuCharsPerSec / 1e6).toFixed(2)} M chars/s`,
    );
  }
}
