/**
 * `rasad ingest` and `rasad reprocess`: documents, HTML pages and feeds into the store, with progress.
 */
import { readFileSync, statSync } from 'node:fs';
import { RasadError } from '../errors.js';
import { listSourceFiles, readSources } from '../io/sources.js';
import { ingestItems, reprocessStore } from '../store/ingest.js';
import { DEFAULT_STORE, isPostgresUrl, openStore } from '../store/open.js';
import { intOption } from './filters.js';
import { createProgress } from './progress.js';
import { renderIngestSummary } from './store-render.js';

export interface IngestCliOptions {
  db?: string;
  feed?: string[];
  batch?: string;
  queue?: boolean;
  progress?: boolean;
}

/** JSON Lines files larger than this are not read ahead just to count their lines. */
const COUNT_LIMIT_BYTES = 256 * 2 ** 20;

/** Number of documents in the inputs when it can be known cheaply (null: unknown). */
export function countDocuments(paths: string[]): number | null {
  let total = 0;
  for (const p of paths) {
    if (p === '-' || /^https?:\/\//i.test(p)) return null;
    let files: string[];
    try {
      files = statSync(p).isDirectory() ? listSourceFiles(p) : [p];
    } catch {
      continue; // the reader reports it
    }
    for (const f of files) {
      const lower = f.toLowerCase();
      if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
        if (statSync(f).size > COUNT_LIMIT_BYTES) return null;
        const buf = readFileSync(f);
        let n = 0;
        let last = 10;
        for (let i = 0; i < buf.length; i++) {
          const c = buf[i] as number;
          if (c === 10 && last !== 10) n++;
          last = c;
        }
        if (last !== 10) n++;
        total += n;
      } else if (
        lower.endsWith('.gz') ||
        lower.endsWith('.xml') ||
        lower.endsWith('.rss') ||
        lower.endsWith('.atom')
      ) {
        return null;
      } else total += 1;
    }
  }
  return total;
}

export async function runIngest(paths: string[], o: IngestCliOptions): Promise<number> {
  const feeds = o.feed ?? [];
  const inputs = paths.length === 0 && feeds.length === 0 ? ['-'] : paths;
  // the queue needs the URL itself (workers are told where the store is)
  const location = o.db ?? (process.env.RASAD_DB || DEFAULT_STORE);
  if (o.queue && !isPostgresUrl(location)) {
    throw new RasadError(
      'BAD_ARGUMENT',
      `--queue needs --db postgres://... (workers share a PostgreSQL store); got "${location}"`,
    );
  }
  const batchSize = Math.max(1, intOption('batch', o.batch, 200, 100_000));
  const store = await openStore(location);
  try {
    const progress =
      o.progress === false
        ? null
        : createProgress({
            total: feeds.length > 0 ? undefined : (countDocuments(inputs) ?? undefined),
            label: 'ingest',
          });
    const summary = await ingestItems(store, readSources(inputs, { feeds }), {
      batchSize,
      extract: !o.queue,
      onBatch: (_s, n, failed) => progress?.tick(n, { failed }),
      onProblem: (m) => process.stderr.write(`rasad: ${m}\n`),
    });
    progress?.done();
    if (o.queue) {
      const { enqueuePending } = await import('../worker/index.js');
      const queued = await enqueuePending(location);
      process.stderr.write(`rasad: ${queued} article(s) queued for workers\n`);
    }
    process.stdout.write(renderIngestSummary(summary, store.location));
    return summary.failed > 0 || summary.problems > 0 ? 2 : 0;
  } finally {
    await store.close();
  }
}

export async function runReprocess(o: {
  db?: string;
  status?: 'pending' | 'done' | 'failed';
  progress?: boolean;
}): Promise<number> {
  const store = await openStore(o.db);
  try {
    const counts = await store.counts();
    const total =
      o.status === 'pending'
        ? counts.pending
        : o.status === 'failed'
          ? counts.failed
          : o.status
            ? counts.articles - counts.pending - counts.failed
            : counts.articles;
    const progress = o.progress === false ? null : createProgress({ total, label: 'reprocess' });
    let last = 0;
    let lastFailed = 0;
    const s = await reprocessStore(store, {
      status: o.status,
      onArticle: (r) => {
        progress?.tick(r.articles - last, { failed: r.failed - lastFailed });
        last = r.articles;
        lastFailed = r.failed;
      },
      onProblem: (m) => process.stderr.write(`rasad: ${m}\n`),
    });
    progress?.done();
    process.stdout.write(
      `${store.location}: ${s.articles} article(s) re-extracted, ${s.failed} failed, ${s.mentions} event record(s)\n`,
    );
    return s.failed > 0 ? 2 : 0;
  } finally {
    await store.close();
  }
}
