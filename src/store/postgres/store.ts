/**
 * The PostgreSQL event store: a `pg` pool, writes in one transaction each (./write.ts), reads of
 * articles, events and mentions, and the aggregate views (./analytics.ts). Answers exactly as the
 * SQLite backend does (both pass test/store/contract.ts).
 */
import type pg from 'pg';
import type { EventRecord } from '../../types.js';
import { findFirstMatch, snippet } from '../search-text.js';
import {
  type ArticleRow,
  articleFromRow,
  type EventRow,
  eventFromRow,
  type MentionRow,
  mentionFromRow,
} from '../sqlite/rows.js';
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
import { PgAnalytics } from './analytics.js';
import { limitOf, offsetOf, orderOf, Params, tsQuery, whereOf } from './filter.js';
import { type CommitHook, PgWriter } from './write.js';

/** Events fetched per query while streaming. */
const STREAM_PAGE = 500;

/** Cached aggregate answers kept per store (all dropped when full). */
const CACHE_ENTRIES = 200;

/** Transactions that fail on a deadlock or serialisation conflict are run again this many times. */
const RETRIES = 5;

/** The URL with its password removed, for display. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString().replace(/^(\w+:\/\/[^@/]*):@/, '$1@');
  } catch {
    return url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1@');
  }
}

function retryable(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === '40P01' || code === '40001';
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly location: string;
  /** The connection pool (the workers run pg-boss on the same database). */
  readonly pool: pg.Pool;
  private readonly analytics: PgAnalytics;
  private readonly cache = new Map<string, { gen: string; value: unknown }>();

  constructor(pool: pg.Pool, url: string) {
    this.pool = pool;
    this.location = redactUrl(url);
    this.analytics = new PgAnalytics(pool);
  }

  /** The write generation: moves after every committed write, by any process. */
  private async generation(): Promise<string> {
    const { rows } = await this.pool.query<{ g: string }>(
      "SELECT last_value::text || ':' || is_called::text AS g FROM store_generation",
    );
    return rows[0]?.g ?? '';
  }

  /**
   * A costly read, cached per write generation. The generation is read before computing: a write
   * committing meanwhile advances it afterwards, so a stale answer is never kept.
   */
  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const gen = await this.generation();
    const hit = this.cache.get(key);
    if (hit && hit.gen === gen) return structuredClone(hit.value) as T;
    const value = await compute();
    if (this.cache.size >= CACHE_ENTRIES) this.cache.clear();
    this.cache.set(key, { gen, value });
    return structuredClone(value);
  }

  /** Run `fn` in a transaction on one connection, retrying on deadlock or serialisation failure. */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        // after the commit: a reader that saw the old generation recomputes on its next read
        await client.query("SELECT nextval('store_generation')").catch(() => undefined);
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (attempt < RETRIES && retryable(e)) continue;
        throw e;
      } finally {
        client.release();
      }
    }
  }

  putArticles(items: ArticleBatchItem[]): Promise<PutResult> {
    if (items.length === 0) return Promise.resolve({ stored: 0, duplicates: 0, mentions: 0, newEvents: 0 });
    return this.transaction((c) => new PgWriter(c).putArticles(items));
  }

  async knownHashes(hashes: string[]): Promise<Set<string>> {
    const unique = [...new Set(hashes)];
    if (unique.length === 0) return new Set();
    const { rows } = await this.pool.query<{ hash: string }>(
      'SELECT hash FROM articles WHERE hash = ANY($1)',
      [unique],
    );
    return new Set(rows.map((r) => r.hash));
  }

  replaceEvents(articleId: string, events: EventRecord[]): Promise<void> {
    return this.replaceEventsWith(articleId, events);
  }

  /**
   * `replaceEvents` with a hook run in the same transaction before it commits: the workers complete
   * their queue job there, so the article's records and the job's completion commit together.
   */
  replaceEventsWith(articleId: string, events: EventRecord[], beforeCommit?: CommitHook): Promise<void> {
    return this.transaction(async (c) => {
      await new PgWriter(c).replaceEvents(articleId, events);
      if (beforeCommit) await beforeCommit(c);
    });
  }

  markFailed(articleId: string, error: string): Promise<void> {
    return this.markFailedWith(articleId, error);
  }

  /** `markFailed` with a hook run in the same transaction before it commits. */
  markFailedWith(articleId: string, error: string, beforeCommit?: CommitHook): Promise<void> {
    return this.transaction(async (c) => {
      await new PgWriter(c).markFailed(articleId, error);
      if (beforeCommit) await beforeCommit(c);
    });
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const { rows } = await this.pool.query<ArticleRow>(
      `SELECT id, hash, text, title, url, source, published, status, error, events, added
       FROM articles WHERE id = $1`,
      [id],
    );
    return rows[0] ? articleFromRow(rows[0]) : null;
  }

  async listArticleIds(opts: {
    after?: string | null;
    limit: number;
    status?: ArticleStatus;
  }): Promise<string[]> {
    const p = new Params();
    const conds: string[] = [];
    if (opts.after)
      conds.push(`seq > coalesce((SELECT seq FROM articles WHERE id = ${p.add(opts.after)}), 0)`);
    if (opts.status) conds.push(`status = ${p.add(opts.status)}`);
    const where = conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : '';
    const limit = p.add(Math.max(0, Math.floor(opts.limit)));
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM articles ${where} ORDER BY seq LIMIT ${limit}`,
      p.values,
    );
    return rows.map((r) => r.id);
  }

  async counts(): Promise<StoreCounts> {
    const { rows } = await this.pool.query<StoreCounts>(
      `SELECT (SELECT count(*) FROM articles)::int AS articles,
         (SELECT count(*) FROM articles WHERE status = 'pending')::int AS pending,
         (SELECT count(*) FROM articles WHERE status = 'failed')::int AS failed,
         (SELECT count(*) FROM mentions)::int AS mentions,
         (SELECT count(*) FROM events)::int AS events`,
    );
    return rows[0] as StoreCounts;
  }

  async queryEvents(filter: EventFilter): Promise<EventPage> {
    const limit = limitOf(filter.limit);
    const offset = offsetOf(filter.offset);
    const p = new Params();
    const where = whereOf(filter, p);
    const n = p.values.length;
    const { rows } = await this.pool.query<EventRow>(
      `SELECT e.* FROM events e WHERE ${where} ORDER BY ${orderOf(filter.order)} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...p.values, limit, offset],
    );
    let total: number;
    if (offset === 0 && rows.length < limit) total = rows.length;
    else {
      const r = await this.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events e WHERE ${where}`,
        p.values,
      );
      total = r.rows[0]?.n ?? 0;
    }
    return { events: rows.map(eventFromRow), total, limit, offset };
  }

  /** Events matching the filter in date order (oldest first, undated last), a page at a time. */
  async *iterateEvents(filter: EventFilter, opts?: { mentions?: boolean }): AsyncIterable<StoredEvent> {
    const p = new Params();
    const where = whereOf(filter, p);
    const { rows: seqRows } = await this.pool.query<{ seq: string }>(
      `SELECT e.seq FROM events e WHERE ${where} ORDER BY e.day ASC NULLS LAST, e.seq`,
      p.values,
    );
    const seqs = seqRows.map((r) => r.seq);
    for (let i = 0; i < seqs.length; i += STREAM_PAGE) {
      const chunk = seqs.slice(i, i + STREAM_PAGE);
      const { rows } = await this.pool.query<EventRow>('SELECT * FROM events WHERE seq = ANY($1::bigint[])', [
        chunk,
      ]);
      const bySeq = new Map(rows.map((r) => [String(r.seq), r]));
      const mentions = opts?.mentions ? await this.mentionsOfEvents(rows.map((r) => r.id)) : null;
      for (const s of chunk) {
        const r = bySeq.get(s);
        if (!r) continue; // deleted since the stream started
        const ev = eventFromRow(r);
        if (mentions) ev.mentions = mentions.get(ev.id) ?? [];
        yield ev;
      }
    }
  }

  private async mentionsOfEvents(ids: string[]): Promise<Map<string, Mention[]>> {
    const out = new Map<string, Mention[]>();
    if (ids.length === 0) return out;
    const { rows } = await this.pool.query<MentionRow>(
      'SELECT * FROM mentions WHERE event_id = ANY($1) ORDER BY event_id, seq',
      [ids],
    );
    for (const r of rows) {
      const list = out.get(r.event_id) ?? [];
      list.push(mentionFromRow(r));
      out.set(r.event_id, list);
    }
    return out;
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const { rows } = await this.pool.query<EventRow>('SELECT * FROM events WHERE id = $1', [id]);
    const r = rows[0];
    if (!r) return null;
    const ev = eventFromRow(r);
    ev.mentions = (await this.mentionsOfEvents([id])).get(id) ?? [];
    return ev;
  }

  async articleMentions(articleId: string): Promise<Mention[]> {
    const { rows } = await this.pool.query<MentionRow>(
      'SELECT * FROM mentions WHERE article = $1 ORDER BY start, "end", seq',
      [articleId],
    );
    return rows.map(mentionFromRow);
  }

  searchActors(query: string, limit?: number): Promise<ActorSummary[]> {
    return this.cached(`actors:${JSON.stringify([query, limit])}`, () =>
      this.analytics.searchActors(query, limit),
    );
  }

  actorProfile(key: string, opts?: { partners?: number; recent?: number }): Promise<ActorProfile> {
    return this.analytics.actorProfile(key, opts);
  }

  relation(a: string, b: string, opts?: { from?: string; to?: string; top?: number }): Promise<Relation> {
    return this.analytics.relation(a, b, opts);
  }

  overview(opts?: { from?: string; to?: string; top?: number }): Promise<Overview> {
    return this.cached(`overview:${JSON.stringify(opts ?? {})}`, () => this.analytics.overview(opts));
  }

  network(filter: EventFilter & { maxNodes?: number }): Promise<Network> {
    return this.cached(`network:${JSON.stringify(filter)}`, () => this.analytics.network(filter));
  }

  places(filter: EventFilter): Promise<PlaceCount[]> {
    return this.cached(`places:${JSON.stringify(filter)}`, () => this.analytics.places(filter));
  }

  async searchArticles(query: string, opts?: { limit?: number; offset?: number }): Promise<ArticleHit[]> {
    const q = tsQuery(query);
    if (q === null) return [];
    const limit = Math.max(1, Math.min(1000, Math.floor(opts?.limit ?? 20)));
    const offset = offsetOf(opts?.offset);
    const { rows } = await this.pool.query<ArticleRow>(
      `SELECT a.id, a.text, a.title, a.published, a.source FROM articles a
       WHERE a.terms @@ $1::tsquery ORDER BY ts_rank(a.terms, $1::tsquery) DESC, a.seq LIMIT $2 OFFSET $3`,
      [q, limit, offset],
    );
    return rows.map((a) => {
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
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
