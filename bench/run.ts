/**
 * `npm run bench`: throughput of each pipeline stage over the first N articles of
 * ../shared/corpus/saudinewsnet-2015.jsonl.gz (default 5,000), on one core (this process),
 * with peak memory. Prints figures; asserts nothing.
 *
 *   npm run bench                 all stages
 *   npm run bench -- --limit 1000
 *   npm run bench -- --no-store      pipeline figures only
 *   npm run bench -- --no-corpus     skip the whole-corpus ingest
 *   npm run bench -- --events 100000 size of the synthetic store (default one million events)
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoRoot } from '../src/kb/load.js';
import { annotate, loadResources, type Resources, type Stage } from '../src/pipeline.js';
import type { InputDocument } from '../src/types.js';
import { clitics } from './clitics.js';
import { benchDashboard } from './dashboard.js';
import { benchApi, benchIngest, benchQueries, benchWholeCorpus, withSyntheticStore } from './store.js';

const corpusPath = () => join(repoRoot(), '..', 'shared', 'corpus', 'saudinewsnet-2015.jsonl.gz');

function loadCorpus(limit: number): InputDocument[] {
  const lines = gunzipSync(readFileSync(corpusPath())).toString('utf8').split('\n');
  const out: InputDocument[] = [];
  for (const l of lines) {
    if (!l.trim()) continue;
    const d = JSON.parse(l) as InputDocument;
    out.push({ id: d.id, text: d.text, published: d.published ?? null });
    if (out.length >= limit) break;
  }
  return out;
}

interface Figure {
  stage: string;
  seconds: number;
  charsPerSec: number;
  articlesPerSec: number;
}

/** One pass of a stage over the articles. */
function pass(docs: InputDocument[], res: Resources | null, until: Stage): number {
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  for (const d of docs) annotate(d, res, until);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** The best of two passes (the word caches are warm by then, as in a long run). */
function time(docs: InputDocument[], res: Resources | null, until: Stage, label: string): Figure {
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const s = Math.min(pass(docs, res, until), pass(docs, res, until));
  return { stage: label, seconds: s, charsPerSec: chars / s, articlesPerSec: docs.length / s };
}

function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const li = args.indexOf('--limit');
  const limit = li >= 0 ? Number(args[li + 1]) : 5000;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Rasad benchmark — node ${process.version}, ${cpus().length} cores (${cpu}); one core measured`,
  );

  const cl = clitics();
  if (cl)
    console.log(
      `clitic segmentation: ${cl.errors}/${cl.total} words wrong (${(cl.rate * 100).toFixed(2)}% error rate)`,
    );

  const t0 = process.hrtime.bigint();
  const res = loadResources();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const heap = process.memoryUsage().heapUsed;
  console.log(
    `knowledge base + patterns: loaded and compiled in ${loadMs.toFixed(0)} ms; ${res.matcher.entries} dictionary phrases, ${res.coder.patterns.length} patterns; heap ${(heap / 2 ** 20).toFixed(0)} MiB`,
  );

  if (!existsSync(corpusPath())) {
    console.log(`corpus not found at ${corpusPath()}: stage throughput skipped`);
    return;
  }
  const docs = loadCorpus(limit);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(`corpus: first ${docs.length} articles, ${fmt(chars)} characters`);
  // the very first pass fills the tokenizer's word cache: report it on its own
  const cold = pass(docs, null, 'text');
  console.log(
    `${'text layer, first pass (cold word cache)'.padEnd(56)} ${fmt(chars / cold).padStart(9)} chars/s/core  ${(docs.length / cold).toFixed(0).padStart(6)} articles/s/core  (${cold.toFixed(2)} s)`,
  );
  const figs = [
    time(docs, null, 'text', 'text layer (normalise + sentences + tokens + clitics)'),
    time(docs, null, 'time', 'text layer + time expressions'),
    time(docs, res, 'actors', 'text layer + time + actors and places'),
    time(docs, res, 'events', 'full extraction (events)'),
  ];
  for (const f of figs) {
    console.log(
      `${f.stage.padEnd(56)} ${fmt(f.charsPerSec).padStart(9)} chars/s/core  ${f.articlesPerSec.toFixed(0).padStart(6)} articles/s/core  (${f.seconds.toFixed(2)} s)`,
    );
  }
  const ru = process.resourceUsage();
  console.log(`peak memory (max RSS) of the pipeline figures: ${(ru.maxRSS / 1024).toFixed(0)} MiB`);

  if (args.includes('--no-store')) return;
  console.log('\nstore, API and dashboard');
  await benchIngest(docs, res);
  if (!args.includes('--no-corpus')) await benchWholeCorpus(corpusPath(), res);
  const ei = args.indexOf('--events');
  const events = ei >= 0 ? Number(args[ei + 1]) : 1_000_000;
  await withSyntheticStore(events, async (path, store) => {
    await benchQueries(store);
    const server = await benchApi(path);
    try {
      await benchDashboard(server.url);
    } finally {
      await server.close();
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
