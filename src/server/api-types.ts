/**
 * Shapes of the HTTP API's responses (`rasad serve`), shared by the server and the dashboard.
 * Routes (all JSON; errors are `{ error: { code, message } }` with a 4xx/5xx status):
 *
 *   GET  /openapi.json                      the OpenAPI 3 description
 *   GET  /api/health                        { ok: true, store: kind, counts: StoreCounts }
 *   GET  /api/overview?from&to&top          Overview
 *   GET  /api/events?<filters>&limit&offset&order   EventPage
 *        filters: actor, source, target, pair=A,B, country, code, quad=1,2, from, to,
 *                 modality=asserted,future, place, q (full text), article, minArticles
 *   GET  /api/events/:id                    StoredEvent with mentions
 *   GET  /api/actors?q&limit                { actors: ActorSummary[] }
 *   GET  /api/actors/:key                   ActorProfile
 *   GET  /api/relation?a&b&from&to&top      Relation
 *   GET  /api/network?<filters>&maxNodes    Network
 *   GET  /api/places?<filters>              { places: PlaceCount[] }
 *   GET  /api/articles/:id                  ArticleView
 *   GET  /api/search?q&limit&offset         { hits: ArticleHit[] }
 *   POST /api/extract  { text, published?, title? }            ExtractResult (nothing stored)
 *   POST /api/articles { id?, text, published?, title?, url?, source? }
 *                      or { documents: [...] }                 PutResult (token required off loopback)
 *   GET  /                                   the dashboard (static files)
 */

import type { Mention, PutResult, StoreCounts, StoredArticle, StoredEvent } from '../store/types.js';
import type { ActorMention, EventRecord, PlaceMention, TimeExpression } from '../types.js';

/** Spans of a text for highlighting (all offsets into `text`). */
export interface TextAnnotations {
  text: string;
  sentences: Array<{ index: number; start: number; end: number }>;
  actors: ActorMention[];
  places: PlaceMention[];
  times: TimeExpression[];
}

/** One stored article for the article view. */
export interface ArticleView {
  article: StoredArticle;
  /** Spans computed from the stored text with the current dictionaries. */
  annotations: TextAnnotations;
  /** The article's mentions (stored records, with trigger offsets), in text order. */
  mentions: Mention[];
  /** The merged events those mentions belong to (without their mentions). */
  events: StoredEvent[];
}

/** `POST /api/extract`. */
export interface ExtractResult {
  events: EventRecord[];
  annotations: TextAnnotations;
}

export interface ApiError {
  error: { code: string; message: string };
}

/** `GET /api/health`. */
export interface Health {
  ok: true;
  /** The store's kind (`sqlite`, `postgres`). */
  store: string;
  counts: StoreCounts;
}

/**
 * `POST /api/articles`: what ingestion did (the store's `PutResult` counts, plus the documents
 * received, extraction failures and the ids of the documents, generated when not given).
 */
export interface IngestResult extends PutResult {
  documents: number;
  failed: number;
  ids: string[];
}

/** Codes of `ApiError` besides the `RasadError` codes of src/errors.ts (those come with 400). */
export type ApiErrorCode =
  | 'INVALID_REQUEST'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'INTERNAL_ERROR';
