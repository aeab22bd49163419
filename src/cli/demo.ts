/**
 * `rasad` (no command): the main job on the embedded default — ingest the project's own example
 * articles into the store (./rasad.db unless --db), show a summary of what is stored, then serve
 * the dashboard and say where to open it (`--no-serve` stops after the summary).
 */
import { join } from 'node:path';
import { readDocuments } from '../io/read.js';
import { repoRoot } from '../kb/load.js';
import { annotate, loadResources } from '../pipeline.js';
import { ingestItems } from '../store/ingest.js';
import { openStore } from '../store/open.js';
import { batchStatus, forEachDocument, out } from './batch.js';
import { runServe } from './services.js';
import { renderEventTable, renderIngestSummary } from './store-render.js';

export function examplesPath(): string {
  return join(repoRoot(), 'examples', 'articles.jsonl');
}

export async function runDemo(o: {
  db?: string;
  serve?: boolean;
  port?: string;
  json?: boolean;
}): Promise<number> {
  if (o.json) {
    const res = loadResources();
    const s = await forEachDocument([examplesPath()], async (doc) => {
      for (const e of annotate(doc, res, 'events').events) await out(`${JSON.stringify(e)}\n`);
    });
    return batchStatus(s);
  }
  const db = o.db;
  const store = await openStore(db);
  let status: number;
  try {
    const s = await ingestItems(store, readDocuments([examplesPath()]), {
      onProblem: (m) => process.stderr.write(`rasad: ${m}\n`),
    });
    status = s.failed > 0 || s.problems > 0 ? 2 : 0;
    await out(renderIngestSummary(s, store.location));
    const c = await store.counts();
    await out(
      `store now holds ${c.articles} article(s), ${c.mentions} event record(s), ${c.events} merged event(s)\n\n`,
    );
    const page = await store.queryEvents({ limit: 15, order: 'mentions' });
    await out(`most reported events:\n${renderEventTable(page.events)}\n`);
    await out(
      'Query it: npx rasad events --actor SYR · npx rasad relation SYR RUS · npx rasad search الشيباني\n',
    );
  } finally {
    await store.close();
  }
  if (o.serve === false) return status;
  return runServe({ db, port: o.port });
}
