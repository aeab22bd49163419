/**
 * `rasad annotate`: the text layer, time expressions, actors and places of each document.
 */
import { annotate, loadResources } from '../pipeline.js';
import type { AnnotatedDocument } from '../types.js';
import { batchStatus, forEachDocument, out } from './batch.js';
import { renderAnnotation } from './render.js';

export function annotationJson(ad: AnnotatedDocument): Record<string, unknown> {
  return {
    id: ad.doc.id,
    published: ad.doc.published ?? null,
    anchor: ad.anchor,
    sentences: ad.sentences,
    tokens: ad.tokens.map((t) => ({
      index: t.index,
      sentence: t.sentence,
      text: t.text,
      start: t.start,
      end: t.end,
      kind: t.kind,
      norm: t.norm,
      stem: t.stem,
      lemma: t.lemma,
      pieces: t.pieces.map((p) => ({ text: p.text, start: p.start, end: p.end, kind: p.kind })),
    })),
    times: ad.times,
    actors: ad.actors,
    places: ad.places,
  };
}

export async function runAnnotate(
  paths: string[],
  o: { pretty?: boolean; actors?: boolean },
): Promise<number> {
  const res = o.actors === false ? null : loadResources();
  const s = await forEachDocument(paths, async (doc) => {
    const ad = annotate(doc, res, res ? 'actors' : 'time');
    await out(o.pretty ? renderAnnotation(ad) : `${JSON.stringify(annotationJson(ad))}\n`);
  });
  return batchStatus(s);
}
