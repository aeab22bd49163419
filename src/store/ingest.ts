/**
 * Ingest: documents → content hash → (skip what is stored) → extraction → one transaction per batch.
 *
 * Killing the process at any moment loses nothing and duplicates nothing: a batch is stored in one
 * transaction (all of it or none), and a re-run skips every article whose text is already stored.
 * A document whose extraction throws is stored with status `failed` and the batch goes on.
 */
import { createHash } from 'node:crypto';
import type { ReadItem } from '../io/read.js';
import { extract, loadResources, type Resources } from '../pipeline.js';
import type { InputDocument } from '../types.js';
import type { ArticleBatchItem, Store, StoredArticle } from './types.js';

export interface IngestSummary {
  /** Documents read (not counting malformed input lines). */
  documents: number;
  /** Articles stored (new, or replaced because their text changed). */
  stored: number;
  /** Articles skipped: the same text is already stored (or twice in the input). */
  duplicates: number;
  /** Articles whose extraction failed (stored with status `failed`). */
  failed: number;
  /** Malformed input (bad JSON line, unreadable file, bad feed item), reported and skipped. */
  problems: number;
  /** Event records written as mentions. */
  mentions: number;
  /** Merged events created. */
  newEvents: number;
}

export interface IngestOptions {
  /** Compiled dictionaries (loaded once when not given). */
  resources?: Resources;
  /** Articles per transaction (default 200). */
  batchSize?: number;
  /** false: store articles as `pending` for workers to extract (default true: extract here). */
  extract?: boolean;
  /** Called after each committed batch with the running summary. */
  onBatch?: (summary: IngestSummary, batchDocuments: number, batchFailed: number) => void;
  /** Called for each malformed input item and each failed extraction. */
  onProblem?: (message: string) => void;
}

/** A stored article as the document the extractor reads. */
export function documentOf(a: StoredArticle): InputDocument {
  return { id: a.id, text: a.text, published: a.published, title: a.title, url: a.url, source: a.source };
}

/** The content hash of a document: sha256 of its text, hex. */
export function contentHash(doc: InputDocument): string {
  return createHash('sha256').update(doc.text).digest('hex');
}

function emptySummary(): IngestSummary {
  return { documents: 0, stored: 0, duplicates: 0, failed: 0, problems: 0, mentions: 0, newEvents: 0 };
}

/** Ingest plain documents. */
export async function ingestDocuments(
  store: Store,
  docs: Iterable<InputDocument> | AsyncIterable<InputDocument>,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  async function* asItems(): AsyncGenerator<ReadItem> {
    let line = 0;
    for await (const doc of docs) yield { doc, file: '<input>', line: ++line };
  }
  return ingestItems(store, asItems(), opts);
}

/** Ingest reader items (documents and reported problems, as `src/io` readers yield them). */
export async function ingestItems(
  store: Store,
  items: AsyncIterable<ReadItem>,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = Math.max(1, opts.batchSize ?? 200);
  const doExtract = opts.extract !== false;
  const res = doExtract ? (opts.resources ?? loadResources()) : null;
  const summary = emptySummary();
  let batch: InputDocument[] = [];

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const docs = batch;
    batch = [];
    const hashes = docs.map(contentHash);
    const known = await store.knownHashes([...new Set(hashes)]);
    const items: ArticleBatchItem[] = [];
    const seen = new Set<string>();
    let failed = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as InputDocument;
      const hash = hashes[i] as string;
      if (known.has(hash) || seen.has(hash)) {
        summary.duplicates++;
        continue;
      }
      seen.add(hash);
      if (!res) {
        items.push({ doc, hash, events: null });
        continue;
      }
      try {
        items.push({ doc, hash, events: extract(doc, res) });
      } catch (e) {
        failed++;
        const message = `document "${doc.id}" failed: ${(e as Error).message}`;
        opts.onProblem?.(message);
        items.push({ doc, hash, events: null, error: (e as Error).message });
      }
    }
    if (items.length > 0) {
      const r = await store.putArticles(items);
      summary.stored += r.stored;
      summary.duplicates += r.duplicates;
      summary.mentions += r.mentions;
      summary.newEvents += r.newEvents;
    }
    summary.failed += failed;
    opts.onBatch?.(summary, docs.length, failed);
  };

  for await (const item of items) {
    if ('problem' in item) {
      summary.problems++;
      opts.onProblem?.(item.problem.message);
      continue;
    }
    summary.documents++;
    batch.push(item.doc);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

export interface ReprocessSummary {
  articles: number;
  failed: number;
  mentions: number;
}

/**
 * Re-extract stored articles (after the dictionaries changed), replacing each article's records
 * atomically. Articles are taken in insertion order, a page at a time.
 */
export async function reprocessStore(
  store: Store,
  opts: {
    resources?: Resources;
    status?: 'pending' | 'done' | 'failed';
    onArticle?: (s: ReprocessSummary) => void;
    onProblem?: (message: string) => void;
  } = {},
): Promise<ReprocessSummary> {
  const res = opts.resources ?? loadResources();
  const summary: ReprocessSummary = { articles: 0, failed: 0, mentions: 0 };
  let after: string | null = null;
  for (;;) {
    const page: string[] = await store.listArticleIds({ after, limit: 500, status: opts.status });
    if (page.length === 0) break;
    for (const id of page) {
      const article = await store.getArticle(id);
      if (!article) continue;
      summary.articles++;
      try {
        const events = extract(documentOf(article), res);
        await store.replaceEvents(id, events);
        summary.mentions += events.length;
      } catch (e) {
        summary.failed++;
        const message = (e as Error).message;
        opts.onProblem?.(`article "${id}" failed: ${message}`);
        await store.markFailed(id, message);
      }
      opts.onArticle?.(summary);
    }
    after = page[page.length - 1] ?? null;
  }
  return summary;
}
