/**
 * The steps of a write every backend takes alike around the merge rule of ./merge.ts: an article's
 * status and context, where a record may merge, a free id for a new event, and the error for an
 * unknown article. The backends differ only in how they read and write rows.
 */
import { RasadError } from '../errors.js';
import type { EventRecord, InputDocument } from '../types.js';
import { candidateDates, mergeDate, mergeKey, outletOf } from './merge.js';
import type { ArticleBatchItem, ArticleStatus } from './types.js';

/** Above this many mentions, an event touched by a write is re-aggregated once at its end. */
export const EAGER_LIMIT = 200;

/** What merging needs to know of the article a record comes from. */
export interface ArticleContext {
  id: string;
  published: string | null;
  outlet: string | null;
}

export function contextOf(doc: InputDocument): ArticleContext {
  return { id: doc.id, published: doc.published ?? null, outlet: outletOf(doc) };
}

/** The status an article is stored with: failed, queued for extraction, or extracted. */
export function articleStatus(item: ArticleBatchItem): ArticleStatus {
  return item.error ? 'failed' : item.events === null ? 'pending' : 'done';
}

/**
 * The values a write gives an article's columns hash, text, title, url, source, published, status,
 * error and added, in this order.
 */
export function articleValues(item: ArticleBatchItem, status: ArticleStatus, now: string): unknown[] {
  const d = item.doc;
  return [
    item.hash,
    d.text,
    d.title ?? null,
    d.url ?? null,
    d.source ?? null,
    d.published ?? null,
    status,
    item.error ?? null,
    now,
  ];
}

/**
 * Where a record may merge: its merge date and key, and the dates of its candidate events (none
 * when it cannot merge).
 */
export function mergePlan(
  r: EventRecord,
  published: string | null,
): { date: string | null; key: string | null; window: string[] } {
  const date = mergeDate(r, published);
  const key = mergeKey(r, date);
  return { date, key, window: key && date ? candidateDates(date) : [] };
}

/** `base`, else the first of `base-2`, `base-3` … that is not taken. */
export function freeEventId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

export function unknownArticle(id: string): RasadError {
  return new RasadError(
    'UNKNOWN_ARTICLE',
    `article "${id}" is not in the store (expected the id of a stored article)`,
  );
}
