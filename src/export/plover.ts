/**
 * PLOVER-style JSON Lines: one object per event with the field names of the PLOVER specification
 * (Open Event Data Alliance, "PLOVER: Event, Actor and Data Interchange Specification", draft 0.7,
 * chapter "JSON Data Fields"): id, date, source, recipient, event, mode, context, event_loc,
 * event_text, quad_code, event_scale, text_info, cite_info, coder, coded_time, plus `event_type` and
 * the mentions with their `source_text`. Streams; events without a PLOVER type (CAMEO 01x public
 * statements, which PLOVER drops) are skipped and counted. Mapping: docs/export-formats.md.
 */
import type { EventActor, Mention, StoredEvent } from '../store/types.js';
import type { Place } from '../types.js';
import { splitActorCode } from './actor-code.js';
import { SentenceCache } from './articles.js';
import { dayOf, mentionSentence, ploverModeContext } from './fields.js';
import type { TextSink } from './sink.js';
import { countryCodes } from './tables.js';
import { type ArticleInfo, type ArticleLookup, type ExportCounts, emptyCounts } from './types.js';

export interface PloverActor {
  /** Top-level code: the country (ISO3, as CAMEO) or the transnational type (`IGO`, `NGO`, `IMG`). */
  code: string;
  /** The rest of the CAMEO code (`GOV`, `GOVLEG`, `UNO`), or null. */
  sector: string | null;
  /** The whole CAMEO actor code (`SYRGOV`). */
  cameo_code: string;
  actor_text: string | null;
  /** Wikidata id (`Q...`) or the project's own id of a known actor. */
  identifier_id: string | null;
  identifier_text: string | null;
}

export interface PloverLocation {
  name: string;
  name_ar: string;
  latitude: number | null;
  longitude: number | null;
  'country code': string | null;
  cc3: string | null;
}

export interface PloverMention {
  id: string;
  article: string;
  text_info: { sequence: number; start: number; end: number };
  event_text: string;
  /** The sentence the mention was read from, as written in the article; null when the text is not available. */
  source_text: string | null;
  code: string;
  modality: string;
  confidence: number;
  pattern: string;
  date_text: string | null;
  url: string | null;
  publication: string | null;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  source: PloverActor[];
  recipient: PloverActor[];
  event: string[];
  event_type: string;
  mode: string[];
  context: string[];
  event_loc: PloverLocation | null;
  event_text: string[];
  quad_code: number;
  event_scale: number;
  cameo_code: string;
  modality: string;
  confidence: number;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  text_info: { article: string; sequence: number | null };
  cite_info: {
    citation: string;
    url: string | null;
    title: string | null;
    publication: string | null;
    language: 'ar';
  } | null;
  coder: string;
  codebook: string;
  coded_time: string;
  mentions?: PloverMention[];
}

export function ploverActor(a: EventActor | null): PloverActor[] {
  if (!a) return [];
  const p = splitActorCode(a.code, a.country);
  const head = p.country && a.code.startsWith(p.country) ? p.country : a.code.slice(0, 3);
  const rest = a.code.slice(head.length);
  return [
    {
      code: head,
      sector: rest === '' ? null : rest,
      cameo_code: a.code,
      actor_text: a.text,
      identifier_id: a.actor,
      identifier_text: a.name,
    },
  ];
}

export function ploverLocation(p: Place | null): PloverLocation | null {
  if (!p) return null;
  return {
    name: p.name,
    name_ar: p.name_ar,
    latitude: p.lat,
    longitude: p.lon,
    'country code': p.country ? (countryCodes(p.country)?.iso2 ?? null) : null,
    cc3: p.country,
  };
}

/** The PLOVER record of an event; null when the event has no PLOVER type. */
export function ploverRecord(
  e: StoredEvent,
  first: ArticleInfo | null,
  mentions: PloverMention[] | undefined,
): PloverRecord | null {
  if (!e.plover) return null;
  const d = dayOf(e.date);
  const mc = ploverModeContext(e.code);
  const firstMention = e.mentions?.[0];
  const triggers = [...new Set((e.mentions ?? []).map((m) => m.trigger))];
  const rec: PloverRecord = {
    id: e.id,
    date: d?.day ?? null,
    date_precision: d?.precision ?? null,
    source: ploverActor(e.source),
    recipient: ploverActor(e.target),
    event: [e.plover],
    event_type: e.plover,
    mode: mc.mode,
    context: mc.context,
    event_loc: ploverLocation(e.place),
    event_text: triggers.length > 0 ? triggers : [e.trigger],
    quad_code: e.quad,
    event_scale: e.goldstein,
    cameo_code: e.code,
    modality: e.modality,
    confidence: e.confidence,
    num_mentions: e.num_mentions,
    num_articles: e.num_articles,
    num_sources: e.num_sources,
    text_info: {
      article: firstMention?.article ?? e.first_article,
      sequence: firstMention?.sentence ?? null,
    },
    cite_info: first
      ? { citation: first.id, url: first.url, title: first.title, publication: first.source, language: 'ar' }
      : null,
    coder: 'rasad',
    codebook: 'CAMEO 1.1b3 (data/cameo/cameo-codes.tsv), PLOVER types from CAMEO2PLOVER-2021',
    coded_time: e.added,
  };
  if (mentions) rec.mentions = mentions;
  return rec;
}

async function ploverMentions(
  ms: readonly Mention[],
  articles: ArticleLookup | undefined,
  sentences: SentenceCache,
): Promise<PloverMention[]> {
  const out: PloverMention[] = [];
  for (const m of ms) {
    const a = articles ? await articles(m.article) : null;
    const source_text = a?.text ? mentionSentence(a.text, sentences.spans(a.id, a.text), m) : null;
    out.push({
      id: m.id,
      article: m.article,
      text_info: { sequence: m.sentence, start: m.start, end: m.end },
      event_text: m.trigger,
      source_text,
      code: m.code,
      modality: m.modality,
      confidence: m.confidence,
      pattern: m.pattern,
      date_text: m.record.date_text,
      url: a?.url ?? null,
      publication: m.outlet,
    });
  }
  return out;
}

export async function writePlover(
  events: AsyncIterable<StoredEvent>,
  sink: TextSink,
  opts: { mentions?: boolean; articles?: ArticleLookup } = {},
): Promise<ExportCounts> {
  const counts = emptyCounts();
  const sentences = new SentenceCache();
  for await (const e of events) {
    counts.events++;
    if (!e.plover) {
      counts.skipped++;
      continue;
    }
    const firstId = e.mentions?.[0]?.article ?? e.first_article;
    const first = opts.articles ? await opts.articles(firstId) : null;
    const ms =
      opts.mentions !== false && e.mentions
        ? await ploverMentions(e.mentions, opts.articles, sentences)
        : undefined;
    const rec = ploverRecord(e, first, ms);
    if (!rec) continue;
    await sink.write(`${JSON.stringify(rec)}\n`);
    counts.rows++;
    counts.mentions += ms?.length ?? 0;
  }
  return counts;
}
