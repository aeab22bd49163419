/**
 * Writes of the PostgreSQL store: articles with their records, merged into events by the rule of
 * src/store/merge.ts, record by record in the order the SQLite backend follows
 * (src/store/sqlite/write.ts), so both backends build the same events from the same input.
 *
 * Every call runs in one transaction on one connection. Concurrent writers (several workers, several
 * ingest processes) are serialised where they could collide, with transaction-scoped advisory locks
 * taken up front in a fixed order, so they never deadlock:
 * 1. the articles the call writes, by id and by content hash (lock space 1): two writers of the same
 *    article or the same text take turns, and the second sees the first's row;
 * 2. the merge keys of every record written and of every event losing mentions (lock space 2,
 *    `hashtext(merge_key)`): finding the candidate events of a key and joining or creating one is
 *    atomic, so two workers never create two events for one key and date.
 *
 * Holding those locks, the call merges through a MergeState (./merge-state.ts): it reads once what
 * it may touch, merges in memory and writes the new and changed events and the mentions in a few
 * set-based statements at the end, so round trips per call stay nearly constant instead of growing
 * with the number of records.
 */
import type pg from 'pg';
import type { EventRecord } from '../../types.js';
import { outletOf } from '../merge.js';
import { indexTerms } from '../search-text.js';
import type { ArticleBatchItem, PutResult } from '../types.js';
import { articleStatus, articleValues, contextOf, mergePlan, unknownArticle } from '../write-steps.js';
import { MergeState } from './merge-state.js';

/** Longest term kept in the tsvector (PostgreSQL refuses lexemes over 2047 bytes). */
const MAX_TERM = 500;

const LOCK_ARTICLE = 1;
const LOCK_MERGE_KEY = 2;

/** Runs inside the write transaction before it commits; throwing rolls the whole call back. */
export type CommitHook = (client: pg.PoolClient) => Promise<void>;

/** The terms of a text as an array for `array_to_tsvector`. */
export function termArray(text: string): string[] {
  const terms = new Set<string>();
  for (const t of indexTerms(text).split(' ')) if (t && t.length <= MAX_TERM) terms.add(t);
  return [...terms];
}

/** Take transaction advisory locks on keys of one space, in a fixed (sorted) order. */
async function lockKeys(client: pg.PoolClient, space: number, keys: Iterable<string>): Promise<void> {
  const list = [...new Set(keys)];
  if (list.length === 0) return;
  // one round trip: the sorted subquery feeds the locks in order (a deadlock, should the order ever
  // not hold, is detected by PostgreSQL and the transaction is run again, see PostgresStore.transaction)
  await client.query(
    `SELECT count(pg_advisory_xact_lock($1, h))
     FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($2::text[]) AS k ORDER BY 1) AS s`,
    [space, list],
  );
}

export class PgWriter {
  constructor(private readonly client: pg.PoolClient) {}

  /** Store a batch of articles (see Store.putArticles); the caller runs the transaction. */
  async putArticles(items: ArticleBatchItem[]): Promise<PutResult> {
    const c = this.client;
    const result: PutResult = { stored: 0, duplicates: 0, mentions: 0, newEvents: 0 };
    const now = new Date().toISOString();
    await lockKeys(
      c,
      LOCK_ARTICLE,
      items.flatMap((i) => [`a:${i.doc.id}`, `h:${i.hash}`]),
    );
    const ids = [...new Set(items.map((i) => i.doc.id))];
    const { rows: existingRows } = await c.query<{ id: string; hash: string }>(
      'SELECT id, hash FROM articles WHERE id = ANY($1) OR hash = ANY($2)',
      [ids, [...new Set(items.map((i) => i.hash))]],
    );
    const idSet = new Set(ids);
    const existing = new Map(existingRows.filter((r) => idSet.has(r.id)).map((r) => [r.id, r.hash]));
    const storedHashes = new Set(existingRows.map((r) => r.hash));
    const keys: string[] = [...(await this.eventKeysOfArticles([...existing.keys()]))];
    const records: Array<{ r: EventRecord; published: string | null }> = [];
    for (const i of items) {
      if (i.error || !i.events) continue;
      for (const r of i.events) {
        const published = i.doc.published ?? null;
        records.push({ r, published });
        const { key } = mergePlan(r, published);
        if (key) keys.push(key);
      }
    }
    await lockKeys(c, LOCK_MERGE_KEY, keys);
    const state = new MergeState(c, now);
    await state.prefetch(records);

    const hashes = new Set<string>();
    for (const item of items) {
      const doc = item.doc;
      if (hashes.has(item.hash) || storedHashes.has(item.hash)) {
        result.duplicates++;
        continue;
      }
      hashes.add(item.hash);
      const status = articleStatus(item);
      const n = status === 'done' ? (item.events?.length ?? 0) : 0;
      const values = [
        ...articleValues(item, status, now),
        status === 'pending' ? 0 : 1,
        termArray(doc.text),
        n,
        doc.id,
      ];
      const old = existing.get(doc.id);
      if (old !== undefined) {
        await state.removeArticleMentions(doc.id);
        await c.query(
          `UPDATE articles SET hash = $1, text = $2, title = $3, url = $4, source = $5, published = $6, status = $7,
           error = $8, added = $9, extractions = extractions + $10, terms = array_to_tsvector($11::text[]),
           events = $12 WHERE id = $13`,
          values,
        );
        storedHashes.delete(old);
      } else {
        await c.query(
          `INSERT INTO articles (hash, text, title, url, source, published, status, error, added, extractions, terms,
           events, id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, array_to_tsvector($11::text[]), $12, $13)`,
          values,
        );
      }
      existing.set(doc.id, item.hash);
      storedHashes.add(item.hash);
      result.stored++;
      if (status !== 'done' || !item.events) continue;
      await state.ingest(contextOf(doc), item.events);
      result.mentions += n;
    }
    await state.flush();
    result.newEvents = state.newEvents();
    return result;
  }

  /** Replace an article's records (see Store.replaceEvents); the caller runs the transaction. */
  async replaceEvents(articleId: string, records: EventRecord[]): Promise<void> {
    const c = this.client;
    await lockKeys(c, LOCK_ARTICLE, [`a:${articleId}`]);
    const { rows } = await c.query<{ published: string | null; source: string | null; url: string | null }>(
      'SELECT published, source, url FROM articles WHERE id = $1 FOR UPDATE',
      [articleId],
    );
    const row = rows[0];
    if (!row) throw unknownArticle(articleId);
    const keys = [...(await this.eventKeysOfArticles([articleId]))];
    for (const r of records) {
      const { key } = mergePlan(r, row.published);
      if (key) keys.push(key);
    }
    await lockKeys(c, LOCK_MERGE_KEY, keys);
    const state = new MergeState(c, new Date().toISOString());
    await state.prefetch(records.map((r) => ({ r, published: row.published })));
    await state.removeArticleMentions(articleId);
    const n = await state.ingest({ id: articleId, published: row.published, outlet: outletOf(row) }, records);
    await state.flush();
    await c.query(
      "UPDATE articles SET events = $1, status = 'done', error = NULL, extractions = extractions + 1 WHERE id = $2",
      [n, articleId],
    );
  }

  /** Mark an article failed (see Store.markFailed); the caller runs the transaction. */
  async markFailed(articleId: string, error: string): Promise<void> {
    const r = await this.client.query(
      "UPDATE articles SET status = 'failed', error = $1, extractions = extractions + 1 WHERE id = $2",
      [error, articleId],
    );
    if (r.rowCount === 0) throw unknownArticle(articleId);
  }

  /** Merge keys of the events holding mentions of these articles. */
  private async eventKeysOfArticles(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.client.query<{ merge_key: string }>(
      `SELECT DISTINCT e.merge_key FROM mentions m JOIN events e ON e.id = m.event_id
       WHERE m.article = ANY($1) AND e.merge_key IS NOT NULL`,
      [ids],
    );
    return new Set(rows.map((r) => r.merge_key));
  }
}
