/**
 * The Store plumbing every backend shares: a backend supplies its writes, a reader, the aggregate
 * views and its write generation; this class answers the Store interface from them (sync or async)
 * and caches the costly views — actor search, overview, network, places — per write generation.
 * Event queries, profiles and relations are index searches and never cached.
 */
import type { EventRecord } from '../types.js';
import type {
  ArticleBatchItem,
  ArticleStatus,
  EventFilter,
  Network,
  Overview,
  PlaceCount,
  PutResult,
  Store,
  StoredEvent,
} from './types.js';

/** A value, or a promise of it. */
export type Awaitable<T> = T | Promise<T>;

/** The methods K of Store, answered synchronously or not. */
type Answers<K extends keyof Store> = {
  [P in K]: Store[P] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Awaitable<R> : never;
};

/** What a backend's reader answers. */
export type StoreReads = Answers<
  | 'knownHashes'
  | 'getArticle'
  | 'listArticleIds'
  | 'counts'
  | 'queryEvents'
  | 'getEvent'
  | 'articleMentions'
  | 'searchArticles'
> & {
  iterateEvents(
    filter: EventFilter,
    opts?: { mentions?: boolean },
  ): Iterable<StoredEvent> | AsyncIterable<StoredEvent>;
};

/** What a backend's aggregate views answer. */
export type StoreViews = Answers<
  'searchActors' | 'actorProfile' | 'relation' | 'overview' | 'network' | 'places'
>;

/** Cached answers kept per store (all dropped when full). */
const CACHE_ENTRIES = 200;

export abstract class LayeredStore implements Store {
  abstract readonly kind: string;
  abstract readonly location: string;
  protected abstract readonly reads: StoreReads;
  protected abstract readonly views: StoreViews;
  private readonly cache = new Map<string, { gen: string; value: unknown }>();

  /** The write generation: moves after every committed write, by any connection or process. */
  protected abstract generation(): Awaitable<string>;

  abstract putArticles(items: ArticleBatchItem[]): Promise<PutResult>;
  abstract replaceEvents(articleId: string, events: EventRecord[]): Promise<void>;
  abstract markFailed(articleId: string, error: string): Promise<void>;
  abstract close(): Promise<void>;

  /**
   * A costly read, cached per write generation. The generation is read before computing: a write
   * committing meanwhile advances it afterwards, so a stale answer is never kept.
   */
  private async cached<T>(key: string, compute: () => Awaitable<T>): Promise<T> {
    const gen = await this.generation();
    const hit = this.cache.get(key);
    if (hit && hit.gen === gen) return structuredClone(hit.value) as T;
    const value = await compute();
    if (this.cache.size >= CACHE_ENTRIES) this.cache.clear();
    this.cache.set(key, { gen, value });
    return structuredClone(value);
  }

  async knownHashes(hashes: string[]) {
    return this.reads.knownHashes(hashes);
  }
  async getArticle(id: string) {
    return this.reads.getArticle(id);
  }
  async listArticleIds(opts: { after?: string | null; limit: number; status?: ArticleStatus }) {
    return this.reads.listArticleIds(opts);
  }
  async counts() {
    return this.reads.counts();
  }
  async queryEvents(filter: EventFilter) {
    return this.reads.queryEvents(filter);
  }
  async *iterateEvents(filter: EventFilter, opts?: { mentions?: boolean }): AsyncIterable<StoredEvent> {
    yield* this.reads.iterateEvents(filter, opts);
  }
  async getEvent(id: string) {
    return this.reads.getEvent(id);
  }
  async articleMentions(articleId: string) {
    return this.reads.articleMentions(articleId);
  }
  async searchArticles(query: string, opts?: { limit?: number; offset?: number }) {
    return this.reads.searchArticles(query, opts);
  }

  searchActors(query: string, limit?: number) {
    return this.cached(`actors:${JSON.stringify([query, limit])}`, () =>
      this.views.searchActors(query, limit),
    );
  }
  async actorProfile(key: string, opts?: { partners?: number; recent?: number }) {
    return this.views.actorProfile(key, opts);
  }
  async relation(a: string, b: string, opts?: { from?: string; to?: string; top?: number }) {
    return this.views.relation(a, b, opts);
  }
  overview(opts?: { from?: string; to?: string; top?: number }): Promise<Overview> {
    return this.cached(`overview:${JSON.stringify(opts ?? {})}`, () => this.views.overview(opts));
  }
  network(filter: EventFilter & { maxNodes?: number }): Promise<Network> {
    return this.cached(`network:${JSON.stringify(filter)}`, () => this.views.network(filter));
  }
  places(filter: EventFilter): Promise<PlaceCount[]> {
    return this.cached(`places:${JSON.stringify(filter)}`, () => this.views.places(filter));
  }
}
