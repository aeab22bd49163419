/**
 * `rasad` (no command): the main job on the embedded default — extract the events of the
 * project's own example articles and show them.
 */
import { join } from 'node:path';
import { repoRoot } from '../kb/load.js';
import { annotate, loadResources } from '../pipeline.js';
import { batchStatus, forEachDocument, out } from './batch.js';
import { renderEventsSummary } from './render.js';

export function examplesPath(): string {
  return join(repoRoot(), 'examples', 'articles.jsonl');
}

export async function runDemo(o: { json?: boolean }): Promise<number> {
  const res = loadResources();
  let events = 0;
  let docs = 0;
  const s = await forEachDocument([examplesPath()], async (doc) => {
    const ad = annotate(doc, res, 'events');
    docs++;
    events += ad.events.length;
    if (o.json) for (const e of ad.events) await out(`${JSON.stringify(e)}\n`);
    else await out(renderEventsSummary(ad));
  });
  if (!o.json)
    await out(
      `\n${docs} example article(s), ${events} event record(s). Try: npx rasad extract --explain FILE\n`,
    );
  return batchStatus(s);
}
