/**
 * Rows of the store's tables and their mapping to the store's types, the same for every backend
 * (the SQLite and PostgreSQL schemas name and order their columns alike): a merged event is one
 * flat row (actors and place spread over columns), a mention keeps the whole record as JSON.
 */

import { normalize } from '../text/normalize.js';
import type { EventRecord, Modality, Place } from '../types.js';
import { findFirstMatch, snippet } from './search-text.js';
import type { ArticleHit, ArticleStatus, EventActor, Mention, StoredArticle, StoredEvent } from './types.js';

/** The place columns of an event row. */
export interface PlaceColumns {
  place_name: string | null;
  place_name_ar: string | null;
  place_country: string | null;
  place_lat: number | null;
  place_lon: number | null;
}

/**
 * A row of `events`. `seq` is the storage order (PostgreSQL returns its bigint as a string). The
 * fields named as in StoredEvent hold the same values.
 */
export interface EventRow
  extends PlaceColumns,
    Pick<
      StoredEvent,
      | 'id'
      | 'date'
      | 'code'
      | 'root'
      | 'goldstein'
      | 'plover'
      | 'confidence'
      | 'num_mentions'
      | 'num_articles'
      | 'num_sources'
      | 'first_article'
      | 'trigger'
      | 'added'
    > {
  seq: number;
  merge_key: string | null;
  day: string | null;
  month: string | null;
  quad: number;
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
  place_key_en: string | null;
  place_key_ar: string | null;
  modality: string;
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

/** Values of an actor's code, country, actor, name and text columns. */
function actorValues(a: EventActor | null): unknown[] {
  return [a?.code ?? null, a?.country ?? null, a?.actor ?? null, a?.name ?? null, a?.text ?? null];
}

/** Values of EVENT_COLUMNS for an event. */
export function eventValues(e: StoredEvent, mergeKey: string | null): unknown[] {
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
    ...actorValues(e.source),
    ...actorValues(e.target),
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

/** The place of an event row, or null. */
export function placeFromRow(r: PlaceColumns): Place | null {
  return r.place_name === null
    ? null
    : {
        name: r.place_name,
        name_ar: r.place_name_ar ?? '',
        country: r.place_country,
        lat: r.place_lat,
        lon: r.place_lon,
      };
}

export function eventFromRow(r: EventRow): StoredEvent {
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
    place: placeFromRow(r),
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

/** A row of `mentions` (the fields named as in Mention hold the same values). */
export interface MentionRow extends Omit<Mention, 'event' | 'modality' | 'record'> {
  seq: number;
  event_id: string;
  modality: string;
  merge_date: string | null;
  /** The record as JSON. */
  record: string;
}

/** Columns written for a mention (all but `seq`). */
export const MENTION_COLUMNS = [
  'id',
  'event_id',
  'article',
  'sentence',
  'start',
  'end',
  'trigger',
  'code',
  'modality',
  'confidence',
  'pattern',
  'outlet',
  'merge_date',
  'record',
] as const;

/** The row written for a mention merged on `mergeDate`. */
export function mentionRowOf(m: Mention, mergeDate: string | null): Omit<MentionRow, 'seq'> {
  return {
    id: m.id,
    event_id: m.event,
    article: m.article,
    sentence: m.sentence,
    start: m.start,
    end: m.end,
    trigger: m.trigger,
    code: m.code,
    modality: m.modality,
    confidence: m.confidence,
    pattern: m.pattern,
    outlet: m.outlet,
    merge_date: mergeDate,
    record: JSON.stringify(m.record),
  };
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

/** A row of `articles` (the fields named as in StoredArticle hold the same values). */
export interface ArticleRow extends Omit<StoredArticle, 'status'> {
  seq: number;
  status: string;
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

/** A search hit: the article and its first match of the query, with a snippet around it. */
export function articleHitOf(
  a: Pick<ArticleRow, 'id' | 'text' | 'title' | 'published' | 'source'>,
  query: string,
): ArticleHit {
  const hit = findFirstMatch(a.text, query) ?? { start: 0, end: 0 };
  return {
    id: a.id,
    title: a.title,
    published: a.published,
    source: a.source,
    snippet: snippet(a.text, hit.start, hit.end),
    start: hit.start,
    end: hit.end,
  };
}
