/**
 * Reads of the SQLite store: articles, counts, event queries and streams, mentions, full-text
 * article search.
 */
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
import { fts5Match } from '../search-text.js';
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
import type { Db } from './database.js';
import { type CodeList, codeLister, isEmptyFilter, matchSql, orderOf } from './filter.js';

/** Events fetched per query while streaming. */
const STREAM_PAGE = 500;

export class SqliteReader {
  private readonly db: Db;
  private readonly st;
  private readonly codes: CodeList;

  constructor(db: Db) {
    this.db = db;
    this.codes = codeLister(db);
    this.st = {
      article: db.prepare('SELECT * FROM articles WHERE id = ?'),
      event: db.prepare('SELECT * FROM events WHERE id = ?'),
      eventMentions: db.prepare('SELECT * FROM mentions WHERE event_id = ? ORDER BY seq'),
      articleMentions: db.prepare('SELECT * FROM mentions WHERE article = ? ORDER BY start, "end", seq'),
      counts: db.prepare('SELECT name, n FROM counters'),
      generation: db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck(),
    };
  }

  /** The write generation: changes whenever any connection commits a write. */
  generation(): string {
    return String(this.st.generation.get());
  }

  getArticle(id: string): StoredArticle | null {
    const r = this.st.article.get(id) as ArticleRow | undefined;
    return r ? articleFromRow(r) : null;
  }

  knownHashes(hashes: string[]): Set<string> {
    const out = new Set<string>();
    const unique = [...new Set(hashes)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT hash FROM articles WHERE hash IN (${chunk.map(() => '?').join(', ')})`)
        .pluck()
        .all(...chunk) as string[];
      for (const h of rows) out.add(h);
    }
    return out;
  }

  listArticleIds(opts: { after?: string | null; limit: number; status?: ArticleStatus }): string[] {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (opts.after) {
      conds.push('seq > coalesce((SELECT seq FROM articles WHERE id = ?), 0)');
      params.push(opts.after);
    }
    if (opts.status) {
      conds.push('status = ?');
      params.push(opts.status);
    }
    const where = conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : '';
    params.push(Math.max(0, Math.floor(opts.limit)));
    return this.db
      .prepare(`SELECT id FROM articles ${where} ORDER BY seq LIMIT ?`)
      .pluck()
      .all(...params) as string[];
  }

  counts(): StoreCounts {
    const c: StoreCounts = { articles: 0, pending: 0, failed: 0, mentions: 0, events: 0 };
    for (const r of this.st.counts.all() as Array<{ name: keyof StoreCounts; n: number }>) c[r.name] = r.n;
    return c;
  }

  queryEvents(filter: EventFilter): EventPage {
    const limit = limitOf(filter.limit);
    const offset = offsetOf(filter.offset);
    const m = matchSql(filter, sortColumns(filter.order), this.codes);
    const seqs = this.db
      .prepare(`SELECT e.seq FROM (${m.sql}) AS e ORDER BY ${orderOf(filter.order)} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...m.params, limit, offset) as number[];
    let total: number;
    if ((offset === 0 || seqs.length > 0) && seqs.length < limit) total = offset + seqs.length;
    else if (isEmptyFilter(filter)) total = this.counts().events;
    else {
      const c = matchSql(filter, [], this.codes);
      total = this.db
        .prepare(`SELECT count(*) FROM (${c.sql})`)
        .pluck()
        .get(...c.params) as number;
    }
    return { events: eventsBySeq(this.db, seqs), total, limit, offset };
  }

  /** Events matching the filter in date order (oldest first, undated last), a page at a time. */
  *iterateEvents(filter: EventFilter, opts?: { mentions?: boolean }): Generator<StoredEvent> {
    const m = matchSql(filter, ['day'], this.codes);
    const seqs = this.db
      .prepare(`SELECT e.seq FROM (${m.sql}) AS e ORDER BY e.day IS NULL, e.day, e.seq`)
      .pluck()
      .all(...m.params) as number[];
    for (let i = 0; i < seqs.length; i += STREAM_PAGE) {
      for (const ev of eventsBySeq(this.db, seqs.slice(i, i + STREAM_PAGE))) {
        if (opts?.mentions) ev.mentions = this.mentionsOf(ev.id);
        yield ev;
      }
    }
  }

  mentionsOf(eventId: string): Mention[] {
    return (this.st.eventMentions.all(eventId) as MentionRow[]).map(mentionFromRow);
  }

  getEvent(id: string): StoredEvent | null {
    const r = this.st.event.get(id) as EventRow | undefined;
    if (!r) return null;
    const ev = eventFromRow(r);
    ev.mentions = this.mentionsOf(id);
    return ev;
  }

  articleMentions(articleId: string): Mention[] {
    return (this.st.articleMentions.all(articleId) as MentionRow[]).map(mentionFromRow);
  }

  searchArticles(query: string, opts?: { limit?: number; offset?: number }): ArticleHit[] {
    const match = fts5Match(query);
    if (match === null) return [];
    const limit = limitOf(opts?.limit, 20);
    const offset = offsetOf(opts?.offset);
    const rows = this.db
      .prepare(
        `SELECT a.* FROM article_fts f JOIN articles a ON a.seq = f.rowid
         WHERE article_fts MATCH ? ORDER BY f.rank, a.seq LIMIT ? OFFSET ?`,
      )
      .all(match, limit, offset) as ArticleRow[];
    return rows.map((a) => articleHitOf(a, query));
  }
}

/** Columns an order needs from the match. */
function sortColumns(order: EventFilter['order']): string[] {
  return order === 'mentions' ? ['num_mentions', 'num_articles', 'day'] : order === 'added' ? [] : ['day'];
}

/** The events with these seqs, in the order given (seqs of deleted events are skipped). */
export function eventsBySeq(db: Db, seqs: readonly number[]): StoredEvent[] {
  if (seqs.length === 0) return [];
  const rows = db
    .prepare(`SELECT * FROM events WHERE seq IN (${seqs.map(() => '?').join(', ')})`)
    .all(...seqs) as EventRow[];
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const out: StoredEvent[] = [];
  for (const s of seqs) {
    const r = bySeq.get(s);
    if (r) out.push(eventFromRow(r));
  }
  return out;
}
