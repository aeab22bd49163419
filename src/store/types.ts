/**
 * The event store contract: one interface, several backends (SQLite by default, PostgreSQL for
 * teams). Every backend passes the same contract suite (`test/store/contract.ts`).
 *
 * What is stored:
 * - articles: the input document, its content hash and processing status;
 * - mentions: the extractor's event records, one row per record (article, sentence, trigger
 *   offsets, the whole record as JSON);
 * - events: merged events. Records from different articles and sentences that describe the same
 *   event (src/store/merge.ts) are one event whose mentions are those records, with
 *   `num_mentions`, `num_articles` and `num_sources` as GDELT counts them.
 *
 * Every method is async so that network backends fit the same interface.
 */
import type { EventRecord, InputDocument, Modality, Place } from '../types.js';

/** An actor of a merged event: the record's actor without the span of one mention. */
export interface EventActor {
  code: string;
  country: string | null;
  actor: string | null;
  name: string | null;
  /** The mention's text in the first article that named it (`الرئيس بوتين`). */
  text: string | null;
}

/** One report of an event: an extractor record as stored. */
export interface Mention {
  /** The extractor's record id (stable for the same input and dictionaries). */
  id: string;
  /** Merged event it belongs to. */
  event: string;
  article: string;
  sentence: number;
  /** Trigger offsets into the article text. */
  start: number;
  end: number;
  trigger: string;
  code: string;
  modality: Modality;
  confidence: number;
  pattern: string;
  /** The article's outlet (`source` field of the document, else the URL's host), or null. */
  outlet: string | null;
  /** The whole record as the extractor wrote it. */
  record: EventRecord;
}

/** A merged event. */
export interface StoredEvent {
  id: string;
  code: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: string | null;
  source: EventActor | null;
  target: EventActor | null;
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or null when neither the text nor the article dates it. */
  date: string | null;
  place: Place | null;
  modality: Modality;
  /** Highest confidence among the mentions. */
  confidence: number;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  /** Article and sentence of the first mention (the one that created the event). */
  first_article: string;
  /** Trigger text of the first mention. */
  trigger: string;
  /** ISO time the event was first stored. */
  added: string;
  /** Present when asked for (`getEvent`, exports with mentions). */
  mentions?: Mention[];
}

export type ArticleStatus = 'pending' | 'done' | 'failed';

export interface StoredArticle {
  id: string;
  /** sha256 of the text, hex. */
  hash: string;
  text: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  status: ArticleStatus;
  /** Why extraction failed (status `failed`). */
  error: string | null;
  /** Number of mentions (extractor records) of this article. */
  events: number;
  /** ISO time the article was stored. */
  added: string;
}

/** An article ready to be stored: the document, its hash and what extraction gave. */
export interface ArticleBatchItem {
  doc: InputDocument;
  hash: string;
  /**
   * Extractor records of the document; null when the article is only queued (workers extract it).
   * Ignored when `error` is set.
   */
  events: EventRecord[] | null;
  /** Extraction failed with this message: the article is stored with status `failed`. */
  error?: string;
}

export interface PutResult {
  /** Articles newly stored (or replaced because their text changed). */
  stored: number;
  /** Articles skipped because the same text was already stored. */
  duplicates: number;
  /** Mentions (records) written. */
  mentions: number;
  /** Merged events created by this batch. */
  newEvents: number;
}

/** Filters shared by `rasad events`, the API and the exports. Every field is optional. */
export interface EventFilter {
  /**
   * An actor on either side: a code prefix in capitals (`SYR` matches `SYRGOV`, `SYRMIL`), or a
   * known actor id (`Q...` or the project's id).
   */
  actor?: string;
  /** The source side only (same forms as `actor`). */
  source?: string;
  /** The target side only (same forms as `actor`). */
  target?: string;
  /** Two actors, in either direction (same forms as `actor`). */
  pair?: [string, string];
  /** A country: the 3-letter country of either actor or of the place. */
  country?: string;
  /** CAMEO code prefix: `04` (root), `042`, `0421`. */
  code?: string;
  quad?: Array<1 | 2 | 3 | 4>;
  /** Inclusive date range on the event date, `YYYY-MM-DD` (month and year dates compare by their first day). */
  from?: string;
  to?: string;
  modality?: Modality[];
  /** Place name (English or Arabic, exact after normalisation) or the place's 3-letter country. */
  place?: string;
  /** Full-text query over the text of the event's articles (Arabic normalisation applied). */
  text?: string;
  /** Events with a mention in this article. */
  article?: string;
  /** Minimum number of articles. */
  minArticles?: number;
  /** Page size (default 50, at most 1000) and offset. */
  limit?: number;
  offset?: number;
  /** `date` (newest first, the default), `mentions` (most reported first) or `added`. */
  order?: 'date' | 'mentions' | 'added';
}

export interface EventPage {
  events: StoredEvent[];
  /** Number of events matching the filter (all pages). */
  total: number;
  limit: number;
  offset: number;
}

export interface ActorSummary {
  code: string;
  country: string | null;
  actor: string | null;
  name: string | null;
  /** Events where the actor is source or target. */
  events: number;
}

export interface Partner {
  code: string;
  name: string | null;
  events: number;
  /** Mean Goldstein value of the events between the two. */
  goldstein: number;
  /** Events per quad class, index 0 = quad 1. */
  quads: [number, number, number, number];
}

export interface ActorProfile {
  /** The actor as asked (code prefix or id) and the best summary found. */
  key: string;
  summary: ActorSummary | null;
  events: number;
  asSource: number;
  asTarget: number;
  partners: Partner[];
  recent: StoredEvent[];
}

export interface MonthPoint {
  /** `YYYY-MM`. */
  month: string;
  /** Events per quad class, index 0 = quad 1. */
  quads: [number, number, number, number];
  events: number;
  /** Mean Goldstein value of the month's events, null when none. */
  goldstein: number | null;
}

export interface Relation {
  a: string;
  b: string;
  events: number;
  goldstein: number | null;
  months: MonthPoint[];
  /** Most reported events (by num_articles, then num_mentions), at most `top`. */
  top: StoredEvent[];
}

export interface Overview {
  articles: number;
  events: number;
  mentions: number;
  months: MonthPoint[];
  /** Most active actors (by events). */
  actors: ActorSummary[];
  /** Most active pairs of actor codes (either direction merged). */
  pairs: Array<{ a: string; b: string; events: number; goldstein: number | null }>;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  goldstein: number | null;
}

export interface Network {
  nodes: ActorSummary[];
  edges: NetworkEdge[];
}

export interface PlaceCount {
  name: string;
  name_ar: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  events: number;
  goldstein: number | null;
}

export interface ArticleHit {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  /** A short excerpt around the first match, as written in the article. */
  snippet: string;
  /** Offsets of the first match in the article text. */
  start: number;
  end: number;
}

export interface StoreCounts {
  articles: number;
  pending: number;
  failed: number;
  mentions: number;
  events: number;
}

export interface Store {
  /** `sqlite` or `postgres`. */
  readonly kind: string;
  /** Where the store lives (file path or URL without password). */
  readonly location: string;

  /** Store articles with their records, merging the records into events, in one transaction. */
  putArticles(items: ArticleBatchItem[]): Promise<PutResult>;
  /** Which of these content hashes are already stored. */
  knownHashes(hashes: string[]): Promise<Set<string>>;
  /**
   * Replace the records of an article (after re-extraction), atomically: old mentions leave their
   * events (events left without mentions are deleted), new ones are merged. Sets status `done`.
   */
  replaceEvents(articleId: string, events: EventRecord[]): Promise<void>;
  /** Mark an article failed with a message; its earlier records are kept. */
  markFailed(articleId: string, error: string): Promise<void>;

  getArticle(id: string): Promise<StoredArticle | null>;
  /** Article ids in insertion order, a page at a time (`after` = the last id of the previous page). */
  listArticleIds(opts: { after?: string | null; limit: number; status?: ArticleStatus }): Promise<string[]>;
  counts(): Promise<StoreCounts>;

  queryEvents(filter: EventFilter): Promise<EventPage>;
  /** Every event matching the filter (limit/offset ignored), in date order, for exports. */
  iterateEvents(filter: EventFilter, opts?: { mentions?: boolean }): AsyncIterable<StoredEvent>;
  getEvent(id: string): Promise<StoredEvent | null>;
  /** Mentions of events in an article, in text order. */
  articleMentions(articleId: string): Promise<Mention[]>;

  searchActors(query: string, limit?: number): Promise<ActorSummary[]>;
  actorProfile(key: string, opts?: { partners?: number; recent?: number }): Promise<ActorProfile>;
  relation(a: string, b: string, opts?: { from?: string; to?: string; top?: number }): Promise<Relation>;
  overview(opts?: { from?: string; to?: string; top?: number }): Promise<Overview>;
  network(filter: EventFilter & { maxNodes?: number }): Promise<Network>;
  places(filter: EventFilter): Promise<PlaceCount[]>;
  searchArticles(query: string, opts?: { limit?: number; offset?: number }): Promise<ArticleHit[]>;

  close(): Promise<void>;
}
