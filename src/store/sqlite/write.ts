/**
 * Writes of the SQLite store: articles with their records, merged into events by the rule of
 * src/store/merge.ts, with the summary tables (actors, code_overlap, month_stats, pair_stats; see
 * src/store/summaries.ts) kept in step.
 *
 * Every public method runs in one transaction. A record joins the best candidate event (same merge
 * key, date within the window, compatible place) or creates its own; the touched event is then
 * re-aggregated from its mentions (`aggregate`). Events with many mentions are re-aggregated once
 * at the end of the call instead of after every record (their counters are bumped meanwhile), so a
 * batch adding many reports of one big event costs one pass over its mentions.
 */
import type Database from 'better-sqlite3';
import type { EventRecord } from '../../types.js';
import { aggregate, chooseEvent, eventIdFor, outletOf, toMention } from '../merge.js';
import {
  type ArticleRow,
  EVENT_COLUMNS,
  type EventRow,
  eventFromRow,
  eventValues,
  MENTION_COLUMNS,
  type MentionRow,
  mentionFromRow,
  mentionRowOf,
  type PlaceColumns,
  placeFromRow,
} from '../rows.js';
import { indexTerms } from '../search-text.js';
import { type Contribution, contributionOf } from '../summaries.js';
import type { ArticleBatchItem, Mention, PutResult } from '../types.js';
import {
  type ArticleContext,
  articleStatus,
  articleValues,
  contextOf,
  EAGER_LIMIT,
  freeEventId,
  mergePlan,
  unknownArticle,
} from '../write-steps.js';
import type { Db } from './database.js';

type Statement = Database.Statement<unknown[], unknown>;

/** The columns of a merge candidate. */
type CandidateRow = PlaceColumns & Pick<EventRow, 'id' | 'date' | 'num_mentions' | 'added'>;

export class SqliteWriter {
  private readonly db: Db;
  private readonly st;

  constructor(db: Db) {
    this.db = db;
    const cols = EVENT_COLUMNS.join(', ');
    const marks = EVENT_COLUMNS.map(() => '?').join(', ');
    this.st = {
      hashExists: db.prepare('SELECT 1 FROM articles WHERE hash = ?').pluck(),
      articleById: db.prepare('SELECT * FROM articles WHERE id = ?'),
      insertArticle: db.prepare(
        `INSERT INTO articles (id, hash, text, title, url, source, published, status, error, events, added)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      ),
      updateArticle: db.prepare(
        `UPDATE articles SET hash = ?, text = ?, title = ?, url = ?, source = ?, published = ?, status = ?,
         error = ?, events = 0, added = ? WHERE id = ?`,
      ),
      articleEvents: db.prepare('UPDATE articles SET events = ?, status = ?, error = ? WHERE id = ?'),
      markFailed: db.prepare("UPDATE articles SET status = 'failed', error = ? WHERE id = ?"),
      ftsInsert: db.prepare('INSERT INTO article_fts (rowid, terms) VALUES (?, ?)'),
      ftsDelete: db.prepare('DELETE FROM article_fts WHERE rowid = ?'),
      articleEventIds: db.prepare('SELECT DISTINCT event_id FROM mentions WHERE article = ?').pluck(),
      deleteArticleMentions: db.prepare('DELETE FROM mentions WHERE article = ?'),
      candidates: db.prepare(
        `SELECT id, date, place_name, place_name_ar, place_country, place_lat, place_lon, num_mentions, added
         FROM events WHERE merge_key = ? AND date IN (?, ?, ?)`,
      ),
      eventExists: db.prepare('SELECT 1 FROM events WHERE id = ?').pluck(),
      eventById: db.prepare('SELECT * FROM events WHERE id = ?'),
      insertEvent: db.prepare(`INSERT INTO events (${cols}) VALUES (${marks})`),
      bumpEvent: db.prepare('UPDATE events SET num_mentions = num_mentions + 1 WHERE id = ?'),
      deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
      eventMentions: db.prepare('SELECT * FROM mentions WHERE event_id = ? ORDER BY seq'),
      insertMention: db.prepare(
        `INSERT INTO mentions (${MENTION_COLUMNS.map((c) => `"${c}"`).join(', ')})
         VALUES (${MENTION_COLUMNS.map(() => '?').join(', ')})`,
      ),
      actorUp: db.prepare(
        `INSERT INTO actors (code, actor, name, country, events) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (code, actor) DO UPDATE SET events = events + excluded.events,
         name = coalesce(excluded.name, name), country = coalesce(excluded.country, country)`,
      ),
      actorPrune: db.prepare('DELETE FROM actors WHERE code = ? AND actor = ? AND events <= 0'),
      overlapUp: db.prepare(
        `INSERT INTO code_overlap (code, events) VALUES (?, ?)
         ON CONFLICT (code) DO UPDATE SET events = events + excluded.events`,
      ),
      overlapPrune: db.prepare('DELETE FROM code_overlap WHERE code = ? AND events <= 0'),
      monthUp: db.prepare(
        `INSERT INTO month_stats (month, quad, events, gsum) VALUES (?, ?, ?, ?)
         ON CONFLICT (month, quad) DO UPDATE SET events = events + excluded.events, gsum = gsum + excluded.gsum`,
      ),
      monthPrune: db.prepare('DELETE FROM month_stats WHERE month = ? AND quad = ? AND events <= 0'),
      pairUp: db.prepare(
        `INSERT INTO pair_stats (source_code, target_code, events, gsum, q1, q2, q3, q4)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_code, target_code) DO UPDATE SET events = events + excluded.events,
         gsum = gsum + excluded.gsum, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3,
         q4 = q4 + excluded.q4`,
      ),
      pairPrune: db.prepare(
        'DELETE FROM pair_stats WHERE source_code = ? AND target_code = ? AND events <= 0',
      ),
      bumpGeneration: db.prepare(
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'",
      ),
    };
  }

  /** Store a batch of articles (see Store.putArticles). */
  putArticles(items: ArticleBatchItem[]): PutResult {
    const result: PutResult = { stored: 0, duplicates: 0, mentions: 0, newEvents: 0 };
    this.db
      .transaction(() => {
        const now = new Date().toISOString();
        const hashes = new Set<string>();
        const created = new Set<string>();
        const deferred = new Set<string>();
        for (const item of items) {
          const doc = item.doc;
          if (hashes.has(item.hash) || this.st.hashExists.get(item.hash)) {
            result.duplicates++;
            continue;
          }
          hashes.add(item.hash);
          const status = articleStatus(item);
          const existing = this.st.articleById.get(doc.id) as ArticleRow | undefined;
          const values = articleValues(item, status, now);
          let seq: number;
          if (existing) {
            this.removeArticleMentions(doc.id);
            this.st.updateArticle.run(...values, doc.id);
            this.st.ftsDelete.run(existing.seq);
            seq = existing.seq;
          } else {
            const [hash, ...rest] = values;
            seq = Number(this.st.insertArticle.run(doc.id, hash, ...rest).lastInsertRowid);
          }
          this.st.ftsInsert.run(seq, indexTerms(doc.text));
          result.stored++;
          if (status !== 'done' || !item.events) continue;
          const n = this.ingest(contextOf(doc), item.events, now, created, deferred);
          this.st.articleEvents.run(n, 'done', null, doc.id);
          result.mentions += n;
        }
        for (const id of deferred) this.reaggregate(id);
        for (const id of created) if (this.st.eventExists.get(id)) result.newEvents++;
        this.st.bumpGeneration.run();
      })
      .immediate();
    return result;
  }

  /** Replace an article's records (see Store.replaceEvents). */
  replaceEvents(articleId: string, records: EventRecord[]): void {
    this.db
      .transaction(() => {
        const row = this.st.articleById.get(articleId) as ArticleRow | undefined;
        if (!row) throw unknownArticle(articleId);
        const now = new Date().toISOString();
        const created = new Set<string>();
        const deferred = new Set<string>();
        this.removeArticleMentions(articleId);
        const n = this.ingest(
          { id: articleId, published: row.published, outlet: outletOf(row) },
          records,
          now,
          created,
          deferred,
        );
        for (const id of deferred) this.reaggregate(id);
        this.st.articleEvents.run(n, 'done', null, articleId);
        this.st.bumpGeneration.run();
      })
      .immediate();
  }

  markFailed(articleId: string, error: string): void {
    this.db
      .transaction(() => {
        if (this.st.markFailed.run(error, articleId).changes === 0) throw unknownArticle(articleId);
        this.st.bumpGeneration.run();
      })
      .immediate();
  }

  /** Remove an article's mentions; their events are re-aggregated or deleted when left empty. */
  private removeArticleMentions(articleId: string): void {
    const ids = this.st.articleEventIds.all(articleId) as string[];
    if (ids.length === 0) return;
    this.st.deleteArticleMentions.run(articleId);
    for (const id of ids) this.reaggregate(id);
  }

  /** Merge an article's records into events; returns the number of mentions written. */
  private ingest(
    art: ArticleContext,
    records: EventRecord[],
    now: string,
    created: Set<string>,
    deferred: Set<string>,
  ): number {
    for (const r of records) {
      const { date, key, window } = mergePlan(r, art.published);
      const [d0, d1, d2] = window;
      const rows = d0 ? (this.st.candidates.all(key, d0, d1 ?? d0, d2 ?? d0) as CandidateRow[]) : [];
      const target =
        date && rows.length > 0
          ? chooseEvent(
              r,
              date,
              rows.map((c) => ({ ...c, place: placeFromRow(c) })),
            )
          : null;
      if (target) {
        this.insertMention(toMention({ ...r, article: art.id }, target.id, art.outlet), date);
        if (target.num_mentions + 1 > EAGER_LIMIT) {
          this.st.bumpEvent.run(target.id);
          deferred.add(target.id);
        } else this.reaggregate(target.id);
      } else {
        const id = freeEventId(eventIdFor(r), (x) => !!this.st.eventExists.get(x));
        const mention = toMention({ ...r, article: art.id }, id, art.outlet);
        const ev = aggregate(id, [mention], date, now);
        this.st.insertEvent.run(...eventValues(ev, key));
        this.applyContribution(contributionOf(ev), 1);
        this.insertMention(mention, date);
        created.add(id);
      }
    }
    return records.length;
  }

  private readonly updates = new Map<string, Statement>();

  private updateStatement(columns: string[]): Statement {
    const key = columns.join(',');
    let st = this.updates.get(key);
    if (!st) {
      st = this.db.prepare(`UPDATE events SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
      this.updates.set(key, st);
    }
    return st;
  }

  private insertMention(m: Mention, mergeDateValue: string | null): void {
    const row = mentionRowOf(m, mergeDateValue);
    this.st.insertMention.run(...MENTION_COLUMNS.map((c) => row[c]));
  }

  /** Recompute an event from its mentions; delete it when none is left. */
  private reaggregate(id: string): void {
    const row = this.st.eventById.get(id) as EventRow | undefined;
    if (!row) return;
    const old = eventFromRow(row);
    const mrows = this.st.eventMentions.all(id) as MentionRow[];
    if (mrows.length === 0) {
      this.st.deleteEvent.run(id);
      this.applyContribution(contributionOf(old), -1);
      return;
    }
    const mentions = mrows.map(mentionFromRow);
    const ev = aggregate(id, mentions, mrows[0]?.merge_date ?? null, row.added);
    // write only the columns that changed: SQLite rewrites every index naming a column in SET
    const values = eventValues(ev, row.merge_key);
    const changed: string[] = [];
    const params: unknown[] = [];
    EVENT_COLUMNS.forEach((c, i) => {
      if (c === 'id' || c === 'merge_key' || c === 'added') return;
      const v = values[i] ?? null;
      if ((row as unknown as Record<string, unknown>)[c] === v) return;
      changed.push(c);
      params.push(v);
    });
    if (changed.length > 0) this.updateStatement(changed).run(...params, id);
    const before = contributionOf(old);
    const after = contributionOf(ev);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      this.applyContribution(before, -1);
      this.applyContribution(after, 1);
    }
  }

  /** Add (sign 1) or remove (sign -1) an event's share of the summary tables. */
  applyContribution(c: Contribution, sign: 1 | -1): void {
    for (const a of c.actors) {
      this.st.actorUp.run(a.code, a.actor, sign > 0 ? a.name : null, sign > 0 ? a.country : null, sign);
      if (sign < 0) this.st.actorPrune.run(a.code, a.actor);
    }
    if (c.overlap) {
      this.st.overlapUp.run(c.overlap, sign);
      if (sign < 0) this.st.overlapPrune.run(c.overlap);
    }
    if (c.month) {
      this.st.monthUp.run(c.month.month, c.month.quad, sign, sign * c.month.goldstein);
      if (sign < 0) this.st.monthPrune.run(c.month.month, c.month.quad);
    }
    if (c.pair) {
      const q = [1, 2, 3, 4].map((k) => (c.pair?.quad === k ? sign : 0));
      this.st.pairUp.run(c.pair.source, c.pair.target, sign, sign * c.pair.goldstein, ...q);
      if (sign < 0) this.st.pairPrune.run(c.pair.source, c.pair.target);
    }
  }
}
