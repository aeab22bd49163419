/**
 * The embedded SQLite event store (better-sqlite3): `openSqliteStore(path)` opens or creates the
 * file (`:memory:` for a private in-memory store), applies the migrations and returns a `Store`.
 *
 * The overview, network and places, the views that may scan many events, are cached per write
 * generation: a write by any connection to the file bumps `meta.generation`, which every cached
 * read checks first. Event queries and relations are never cached (they are index searches).
 */
import type { EventRecord } from '../../types.js';
import type {
  ActorProfile,
  ActorSummary,
  ArticleBatchItem,
  ArticleHit,
  ArticleStatus,
  EventFilter,
  EventPage,
  Mention,
  Network,
  Overview,
  PlaceCount,
  PutResult,
  Relation,
  Store,
  StoreCounts,
  StoredArticle,
  StoredEvent,
} from '../types.js';
import { SqliteAnalytics } from './analytics.js';
import { connect, type Db, migrate } from './database.js';
import { SqliteReader } from './read.js';
import { SqliteWriter } from './write.js';

export { MIGRATIONS } from './migrations.js';

/** Open (creating when needed) the SQLite store at `path`. */
export async function openSqliteStore(path: string): Promise<Store> {
  const db = connect(path);
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return new SqliteStore(db, path);
}

class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly location: string;
  private readonly db: Db;
  private readonly writer: SqliteWriter;
  private readonly reader: SqliteReader;
  private readonly analytics: SqliteAnalytics;
  private cache = new Map<string, unknown>();
  private cacheGeneration = '';

  constructor(db: Db, location: string) {
    this.db = db;
    this.location = location;
    this.writer = new SqliteWriter(db);
    this.reader = new SqliteReader(db);
    this.analytics = new SqliteAnalytics(db);
  }

  private cached<T>(key: string, compute: () => T): T {
    const gen = this.reader.generation();
    if (gen !== this.cacheGeneration) {
      this.cache.clear();
      this.cacheGeneration = gen;
    }
    if (this.cache.has(key)) return structuredClone(this.cache.get(key) as T);
    const value = compute();
    if (this.cache.size > 200) this.cache.clear();
    this.cache.set(key, value);
    return structuredClone(value);
  }

  async putArticles(items: ArticleBatchItem[]): Promise<PutResult> {
    return this.writer.putArticles(items);
  }
  async knownHashes(hashes: string[]): Promise<Set<string>> {
    return this.reader.knownHashes(hashes);
  }
  async replaceEvents(articleId: string, events: EventRecord[]): Promise<void> {
    this.writer.replaceEvents(articleId, events);
  }
  async markFailed(articleId: string, error: string): Promise<void> {
    this.writer.markFailed(articleId, error);
  }
  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.reader.getArticle(id);
  }
  async listArticleIds(opts: {
    after?: string | null;
    limit: number;
    status?: ArticleStatus;
  }): Promise<string[]> {
    return this.reader.listArticleIds(opts);
  }
  async counts(): Promise<StoreCounts> {
    return this.reader.counts();
  }
  async queryEvents(filter: EventFilter): Promise<EventPage> {
    return this.reader.queryEvents(filter);
  }
  async *iterateEvents(filter: EventFilter, opts?: { mentions?: boolean }): AsyncIterable<StoredEvent> {
    yield* this.reader.iterateEvents(filter, opts);
  }
  async getEvent(id: string): Promise<StoredEvent | null> {
    return this.reader.getEvent(id);
  }
  async articleMentions(articleId: string): Promise<Mention[]> {
    return this.reader.articleMentions(articleId);
  }
  async searchActors(query: string, limit?: number): Promise<ActorSummary[]> {
    return this.analytics.searchActors(query, limit);
  }
  async actorProfile(key: string, opts?: { partners?: number; recent?: number }): Promise<ActorProfile> {
    return this.analytics.actorProfile(key, opts);
  }
  async relation(
    a: string,
    b: string,
    opts?: { from?: string; to?: string; top?: number },
  ): Promise<Relation> {
    return this.analytics.relation(a, b, opts);
  }
  async overview(opts?: { from?: string; to?: string; top?: number }): Promise<Overview> {
    return this.cached(`overview:${JSON.stringify(opts ?? {})}`, () => this.analytics.overview(opts));
  }
  async network(filter: EventFilter & { maxNodes?: number }): Promise<Network> {
    return this.cached(`network:${JSON.stringify(filter)}`, () => this.analytics.network(filter));
  }
  async places(filter: EventFilter): Promise<PlaceCount[]> {
    return this.cached(`places:${JSON.stringify(filter)}`, () => this.analytics.places(filter));
  }
  async searchArticles(query: string, opts?: { limit?: number; offset?: number }): Promise<ArticleHit[]> {
    return this.reader.searchArticles(query, opts);
  }
  async close(): Promise<void> {
    if (!this.db.open) return;
    // refresh the planner's statistics where they are missing or stale (bounded work)
    if (!this.db.readonly && this.location !== ':memory:') {
      try {
        this.db.pragma('analysis_limit = 1000');
        this.db.pragma('optimize');
      } catch {
        // statistics are an optimisation: a busy or read-only file closes without them
      }
    }
    this.db.close();
  }
}
