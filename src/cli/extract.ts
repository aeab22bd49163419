/**
 * `rasad extract`: event records as JSON Lines, in input order; `--explain` for people.
 */
import { annotate, loadResources } from '../pipeline.js';
import { batchStatus, forEachDocument, out } from './batch.js';
import { renderExplain } from './render.js';

export async function runExtract(paths: string[], o: { explain?: boolean }): Promise<number> {
  const res = loadResources();
  const s = await forEachDocument(paths, async (doc) => {
    const ad = annotate(doc, res, 'events');
    if (o.explain) await out(renderExplain(ad));
    else for (const e of ad.events) await out(`${JSON.stringify(e)}\n`);
  });
  return batchStatus(s);
}
