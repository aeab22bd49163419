/**
 * Reads of the PostgreSQL store: articles, counts, event queries and streams, mentions, full-text
 * article search — the same answers as the SQLite backend's (src/store/sqlite/read.ts).
 */
import type pg from 'pg';
import { limitOf, offsetOf } from '../filter-plan.js';
import {
  type ArticleRow,
  articleFromRow,
  articleHitOf,
  type EventRow,
  eventFromRow,
  type MentionRow,
  mentionFromRow,
} from '../rows.js';
import type {
  ArticleHit,
  ArticleStatus,
  EventFilter,
  EventPage,
  Mention,
  StoreCounts,
  StoredArticle,
  StoredEvent,
} from '../types.js';
import { orderOf, Params, tsQuery, whereOf } from './filter.js';

/** Events fetched per query while streaming. */
const STREAM_PAGE = 500;

export class PgReader {
  constructor(private readonly pool: pg.Pool) {}

  async knownHashes(hashes: string[]): Promise<Set<string>> {
    const unique = [...new Set(hashes)];
    if (unique.length === 0) return new Set();
    const { rows } = await this.pool.query<{ hash: string }>(
      'SELECT hash FROM articles WHERE hash = ANY($1)',
      [unique],
    );
    return new Set(rows.map((r) => r.hash));
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

  async searchArticles(query: string, opts?: { limit?: number; offset?: number }): Promise<ArticleHit[]> {
    const q = tsQuery(query);
    if (q === null) return [];
    const limit = limitOf(opts?.limit, 20);
    const offset = offsetOf(opts?.offset);
    const { rows } = await this.pool.query<ArticleRow>(
      `SELECT a.id, a.text, a.title, a.published, a.source FROM articles a
       WHERE a.terms @@ $1::tsquery ORDER BY ts_rank(a.terms, $1::tsquery) DESC, a.seq LIMIT $2 OFFSET $3`,
      [q, limit, offset],
    );
    return rows.map((a) => articleHitOf(a, query));
  }
}
