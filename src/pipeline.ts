/**
 * The pipeline: document → sentences → tokens → time expressions → actors and places → events.
 * Each stage is a pure function of what the earlier ones produced; `annotate` runs them in
 * order on one document, `extract` returns the events only.
 */
import { type ActorMatcher, compileActorMatcher } from './actors/compile.js';
import { recognizeActors } from './actors/recognize.js';
import { type CoderResources, codeEvents } from './events/coder.js';
import { loadCues, loadPatterns } from './events/patterns.js';
import { buildTriggerIndex } from './events/triggers.js';
import { loadKnowledgeBase } from './kb/load.js';
import type { KnowledgeBase } from './kb/types.js';
import { maskMarkup } from './text/mask.js';
import { splitSentences } from './text/sentences.js';
import { tokenize } from './text/tokenize.js';
import { anchorDate } from './time/calendar.js';
import { findTimeExpressions } from './time/find.js';
import type { AnnotatedDocument, EventRecord, InputDocument } from './types.js';

export interface Resources {
  kb: KnowledgeBase;
  matcher: ActorMatcher;
  coder: CoderResources;
  /** Lemma keys that never belong to a personal name (triggers and speech verbs). */
  stopLemmas: Set<string>;
}

/** Stages to run; later stages need the earlier ones. */
export type Stage = 'text' | 'time' | 'actors' | 'events';

let cached: Resources | null = null;

/** Load and compile the knowledge base and event patterns (once per process). */
export function loadResources(): Resources {
  if (cached) return cached;
  const kb = loadKnowledgeBase();
  const matcher = compileActorMatcher(kb);
  const patterns = loadPatterns();
  const cues = loadCues();
  const index = buildTriggerIndex(patterns);
  const stopLemmas = new Set<string>();
  for (const p of patterns) for (const c of p.compiled) for (const k of c) if (k !== '*') stopLemmas.add(k);
  for (const c of cues.attribution.verbs) if (c.keys[0]) stopLemmas.add(c.keys[0]);
  const countryNames = new Map(kb.countries.map((c) => [c.code, { en: c.nameEn, ar: c.namesAr[0] ?? '' }]));
  cached = { kb, matcher, coder: { patterns, index, cues, countryNames }, stopLemmas };
  return cached;
}

/** Run the pipeline on one document up to `until` (default: events). */
export function annotate(
  doc: InputDocument,
  res: Resources | null,
  until: Stage = 'events',
): AnnotatedDocument {
  const text = doc.text;
  // markup and control characters are blanked for analysis; offsets stay those of `text`
  const view = maskMarkup(text);
  const sentences = splitSentences(view);
  const tokens = tokenize(view, sentences);
  // spans carry the text as given (masking only blanks characters no span covers)
  const ad: AnnotatedDocument = {
    doc,
    anchor: anchorDate(doc.published ?? null),
    sentences,
    tokens,
    times: [],
    actors: [],
    places: [],
    events: [],
  };
  if (view !== text) restoreSpanText(ad, text);
  if (until === 'text') return ad;
  ad.times = findTimeExpressions(view, sentences, tokens, doc.published ?? null);
  if (view !== text) for (const t of ad.times) t.text = text.slice(t.start, t.end);
  if (until === 'time' || !res) return ad;
  const rec = recognizeActors(text, sentences, tokens, res.matcher, {
    date: ad.anchor,
    stopLemmas: res.stopLemmas,
  });
  ad.actors = rec.actors;
  ad.places = rec.places;
  if (until === 'actors') return ad;
  ad.events = codeEvents(ad, res.coder);
  return ad;
}

/** Event records of one document. */
export function extract(doc: InputDocument, res: Resources = loadResources()): EventRecord[] {
  return annotate(doc, res, 'events').events;
}

function restoreSpanText(ad: AnnotatedDocument, text: string): void {
  for (const s of ad.sentences) s.text = text.slice(s.start, s.end);
  for (const t of ad.tokens) {
    t.text = text.slice(t.start, t.end);
    for (const p of t.pieces) p.text = text.slice(p.start, p.end);
  }
}
