/**
 * Rows of the SQLite store and their mapping to the store's types: a merged event is one flat row
 * (actors and place spread over columns), a mention keeps the whole record as JSON.
 */
import { normalize } from '../../text/normalize.js';
import type { EventRecord, Modality, Place } from '../../types.js';
import type { ArticleStatus, EventActor, Mention, StoredArticle, StoredEvent } from '../types.js';

export interface EventRow {
  seq: number;
  id: string;
  merge_key: string | null;
  date: string | null;
  day: string | null;
  month: string | null;
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  plover: string | null;
  source_code: string | null;
  source_country: string | null;
  source_actor: string | null;
  source_name: string | null;
  source_text: string | null;
  target_code: string | null;
  target_country: string | null;
  target_actor: string | null;
  target_name: string | null;
  target_text: string | null;
  place_name: string | null;
  place_name_ar: string | null;
  place_key_en: string | null;
  place_key_ar: string | null;
  place_country: string | null;
  place_lat: number | null;
  place_lon: number | null;
  modality: string;
  confidence: number;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  first_article: string;
  trigger: string;
  added: string;
}

/** Columns written for an event (all but `seq`), in the order of `eventValues`. */
export const EVENT_COLUMNS = [
  'id',
  'merge_key',
  'date',
  'day',
  'month',
  'code',
  'root',
  'quad',
  'goldstein',
  'plover',
  'source_code',
  'source_country',
  'source_actor',
  'source_name',
  'source_text',
  'target_code',
  'target_country',
  'target_actor',
  'target_name',
  'target_text',
  'place_name',
  'place_name_ar',
  'place_key_en',
  'place_key_ar',
  'place_country',
  'place_lat',
  'place_lon',
  'modality',
  'confidence',
  'num_mentions',
  'num_articles',
  'num_sources',
  'first_article',
  'trigger',
  'added',
] as const;

/** First day of a `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date. */
export function firstDay(date: string): string {
  if (date.length >= 10) return date.slice(0, 10);
  if (date.length === 7) return `${date}-01`;
  return `${date.slice(0, 4)}-01-01`;
}

/** Key of an English place name for exact matching. */
export function placeKeyEn(name: string): string {
  return name.trim().toLowerCase();
}

/** Key of an Arabic place name for exact matching (normalised). */
export function placeKeyAr(name: string): string {
  return normalize(name.trim());
}

/** Values of EVENT_COLUMNS for an event. */
export function eventValues(e: StoredEvent, mergeKey: string | null): unknown[] {
  const s = e.source;
  const t = e.target;
  const p = e.place;
  const day = e.date ? firstDay(e.date) : null;
  return [
    e.id,
    mergeKey,
    e.date,
    day,
    day ? day.slice(0, 7) : null,
    e.code,
    e.root,
    e.quad,
    e.goldstein,
    e.plover,
    s?.code ?? null,
    s?.country ?? null,
    s?.actor ?? null,
    s?.name ?? null,
    s?.text ?? null,
    t?.code ?? null,
    t?.country ?? null,
    t?.actor ?? null,
    t?.name ?? null,
    t?.text ?? null,
    p?.name ?? null,
    p?.name_ar ?? null,
    p ? placeKeyEn(p.name) : null,
    p ? placeKeyAr(p.name_ar) : null,
    p?.country ?? null,
    p?.lat ?? null,
    p?.lon ?? null,
    e.modality,
    e.confidence,
    e.num_mentions,
    e.num_articles,
    e.num_sources,
    e.first_article,
    e.trigger,
    e.added,
  ];
}

function actorOf(
  code: string | null,
  country: string | null,
  actor: string | null,
  name: string | null,
  text: string | null,
): EventActor | null {
  if (code === null) return null;
  return { code, country, actor, name, text };
}

export function eventFromRow(r: EventRow): StoredEvent {
  const place: Place | null =
    r.place_name === null
      ? null
      : {
          name: r.place_name,
          name_ar: r.place_name_ar ?? '',
          country: r.place_country,
          lat: r.place_lat,
          lon: r.place_lon,
        };
  return {
    id: r.id,
    code: r.code,
    root: r.root,
    quad: r.quad as 1 | 2 | 3 | 4,
    goldstein: r.goldstein,
    plover: r.plover,
    source: actorOf(r.source_code, r.source_country, r.source_actor, r.source_name, r.source_text),
    target: actorOf(r.target_code, r.target_country, r.target_actor, r.target_name, r.target_text),
    date: r.date,
    place,
    modality: r.modality as Modality,
    confidence: r.confidence,
    num_mentions: r.num_mentions,
    num_articles: r.num_articles,
    num_sources: r.num_sources,
    first_article: r.first_article,
    trigger: r.trigger,
    added: r.added,
  };
}

export interface MentionRow {
  seq: number;
  id: string;
  event_id: string;
  article: string;
  sentence: number;
  start: number;
  end: number;
  trigger: string;
  code: string;
  modality: string;
  confidence: number;
  pattern: string;
  outlet: string | null;
  merge_date: string | null;
  record: string;
}

export function mentionFromRow(r: MentionRow): Mention {
  return {
    id: r.id,
    event: r.event_id,
    article: r.article,
    sentence: r.sentence,
    start: r.start,
    end: r.end,
    trigger: r.trigger,
    code: r.code,
    modality: r.modality as Modality,
    confidence: r.confidence,
    pattern: r.pattern,
    outlet: r.outlet,
    record: JSON.parse(r.record) as EventRecord,
  };
}

export interface ArticleRow {
  seq: number;
  id: string;
  hash: string;
  text: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  status: string;
  error: string | null;
  events: number;
  added: string;
}

export function articleFromRow(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    hash: r.hash,
    text: r.text,
    title: r.title,
    url: r.url,
    source: r.source,
    published: r.published,
    status: r.status as ArticleStatus,
    error: r.error,
    events: r.events,
    added: r.added,
  };
}

/**
 * What one event adds to the summary tables: its actors (once per distinct code and actor id), its
 * month and quad, and its directed pair of actor codes.
 */
export interface Contribution {
  actors: Array<{ code: string; actor: string; name: string | null; country: string | null }>;
  month: { month: string; quad: number; goldstein: number } | null;
  pair: { source: string; target: string; quad: number; goldstein: number } | null;
}

export function contributionOf(e: StoredEvent): Contribution {
  const actors: Contribution['actors'] = [];
  for (const a of [e.source, e.target]) {
    if (!a) continue;
    const actor = a.actor ?? '';
    if (actors.some((x) => x.code === a.code && x.actor === actor)) continue;
    actors.push({ code: a.code, actor, name: a.name, country: a.country });
  }
  return {
    actors,
    month: e.date ? { month: firstDay(e.date).slice(0, 7), quad: e.quad, goldstein: e.goldstein } : null,
    pair:
      e.source && e.target
        ? { source: e.source.code, target: e.target.code, quad: e.quad, goldstein: e.goldstein }
        : null,
  };
}
