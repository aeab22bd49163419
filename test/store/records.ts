/**
 * Builders of hand-made extractor records, documents and batch items for the store contract
 * tests. Texts are short Arabic sentences written for these tests.
 */
import { createHash } from 'node:crypto';
import { cameoInfo } from '../../src/events/cameo.js';
import type { ArticleBatchItem } from '../../src/store/types.js';
import type { Actor, EventRecord, InputDocument, Modality, Place } from '../../src/types.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An actor with the given code; the country is the code's first three letters unless given. */
export function actor(
  code: string,
  opts: { actor?: string; name?: string; country?: string | null } = {},
): Actor {
  return {
    code,
    country: opts.country === undefined ? code.slice(0, 3) : opts.country,
    actor: opts.actor ?? null,
    name: opts.name ?? null,
    text: code,
    start: 0,
    end: 0,
  };
}

export const PLACES = {
  damascus: { name: 'Damascus', name_ar: 'دمشق', country: 'SYR', lat: 33.51, lon: 36.29 },
  aleppo: { name: 'Aleppo', name_ar: 'حلب', country: 'SYR', lat: 36.2, lon: 37.16 },
  syria: { name: 'Syria', name_ar: 'سوريا', country: 'SYR', lat: null, lon: null },
  moscow: { name: 'Moscow', name_ar: 'موسكو', country: 'RUS', lat: 55.75, lon: 37.62 },
  geneva: { name: 'Geneva', name_ar: 'جنيف', country: 'CHE', lat: 46.2, lon: 6.15 },
  gaza: { name: 'Gaza', name_ar: 'غزة', country: 'PSE', lat: 31.5, lon: 34.47 },
} satisfies Record<string, Place>;

export interface RecordSpec {
  /** Record id (unique per test). */
  id: string;
  article: string;
  code?: string;
  /** Actor code or actor (null for none). */
  source?: string | Actor | null;
  target?: string | Actor | null;
  date?: string | null;
  place?: Place | null;
  modality?: Modality;
  sentence?: number;
  /** Trigger offsets and text (default 0..4, `trig`). */
  start?: number;
  end?: number;
  trigger?: string;
  confidence?: number;
}

/** An extractor record as the spec describes it, with code-derived fields from the CAMEO table. */
export function record(spec: RecordSpec): EventRecord {
  const code = spec.code ?? '042';
  const info = cameoInfo(code);
  const side = (v: string | Actor | null | undefined, dflt: string): Actor | null =>
    v === null ? null : typeof v === 'string' ? actor(v) : (v ?? actor(dflt));
  const start = spec.start ?? 0;
  const trigger = spec.trigger ?? 'trig';
  return {
    id: spec.id,
    article: spec.article,
    sentence: spec.sentence ?? 0,
    code,
    root: info.root,
    quad: info.quad,
    goldstein: info.goldstein,
    ...(info.plover ? { plover: info.plover } : {}),
    source: side(spec.source, 'SYRGOV'),
    target: side(spec.target, 'RUSGOV'),
    date: spec.date === undefined ? null : spec.date,
    date_text: spec.date ? spec.date : null,
    place: spec.place ?? null,
    modality: spec.modality ?? 'asserted',
    attribution: null,
    trigger: { text: trigger, start, end: spec.end ?? start + trigger.length },
    pattern: `test.${code}`,
    confidence: spec.confidence ?? 0.8,
  };
}

export function doc(
  id: string,
  text: string,
  opts: {
    published?: string | null;
    source?: string | null;
    url?: string | null;
    title?: string | null;
  } = {},
): InputDocument {
  return {
    id,
    text,
    published: opts.published ?? null,
    source: opts.source ?? null,
    url: opts.url ?? null,
    title: opts.title ?? null,
  };
}

/** A batch item for a document with these records (null: queued for extraction). */
export function item(d: InputDocument, events: EventRecord[] | null, error?: string): ArticleBatchItem {
  return { doc: d, hash: sha256(d.text), events, ...(error ? { error } : {}) };
}

/**
 * A one-record article in one call: the article `id` published on `published` by `outlet`, whose
 * record has the given fields (its id is `${id}-r`).
 */
export function report(
  id: string,
  published: string | null,
  outlet: string | null,
  spec: Partial<RecordSpec> = {},
): ArticleBatchItem {
  const d = doc(id, `نص الخبر ${id}: التقى الوزيران في العاصمة وبحثا العلاقات الثنائية.`, {
    published,
    source: outlet,
  });
  return item(d, [record({ id: `${id}-r`, ...spec, article: id })]);
}

/** A named person of the code SYRGOV (an actor id), beside the generic SYRGOV actor. */
export const NAMED_SYRGOV = actor('SYRGOV', { actor: 'rasad:test-named', name: 'Named' });

/**
 * Two events for counting actors by code: the named and the generic SYRGOV on the two sides of one
 * (counted under both actor ids, once for the code), and RUSGOV → SYRGOV.
 */
export function overlapReports(): ArticleBatchItem[] {
  return [
    report('o1', '2025-05-01', 'a', { code: '042', source: NAMED_SYRGOV, target: 'SYRGOV' }),
    report('o2', '2025-05-04', 'b', { code: '036', source: 'RUSGOV', target: 'SYRGOV' }),
  ];
}
