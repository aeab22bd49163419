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
 * Holding those locks, the call reads once what it may touch (candidate events for every record's
 * key and date window, the event ids its records would take), merges in memory — re-aggregating an
 * event after each record joins it, exactly as SQLite does row by row — and writes the new and
 * changed events and the mentions in a few set-based statements at the end. Round trips per call
 * stay nearly constant instead of growing with the number of records.
 */
import type pg from 'pg';
import { RasadError } from '../../errors.js';
import type { EventRecord, InputDocument, Place } from '../../types.js';
import {
  aggregate,
  type Candidate,
  candidateDates,
  chooseEvent,
  eventIdFor,
  mergeDate,
  mergeKey,
  outletOf,
  toMention,
} from '../merge.js';
import { indexTerms } from '../search-text.js';
import {
  type Contribution,
  contributionOf,
  EVENT_COLUMNS,
  type EventRow,
  eventFromRow,
  eventValues,
  type MentionRow,
  mentionFromRow,
} from '../sqlite/rows.js';
import type { ArticleBatchItem, Mention, PutResult, StoredEvent } from '../types.js';

/** Above this many mentions, an event touched by a call is re-aggregated once at the end. */
const EAGER_LIMIT = 200;

/** Longest term kept in the tsvector (PostgreSQL refuses lexemes over 2047 bytes). */
const MAX_TERM = 500;

/** Rows written per set-based statement. */
const CHUNK = 2000;

const LOCK_ARTICLE = 1;
const LOCK_MERGE_KEY = 2;

interface ArticleContext {
  id: string;
  published: string | null;
  outlet: string | null;
}

/** Runs inside the write transaction before it commits; throwing rolls the whole call back. */
export type CommitHook = (client: pg.PoolClient) => Promise<void>;

const MENTION_COLUMNS = [
  'id',
  'event_id',
  'article',
  'sentence',
  'start',
  'end',
  'trigger',
  'code',
  'modality',
  'confidence',
  'pattern',
  'outlet',
  'merge_date',
  'record',
] as const;

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

/** A stored mention with the date it was merged on. */
interface MentionState {
  m: Mention;
  mergeDate: string | null;
  /** Merge order of a mention added by this call (its storage order). */
  order?: number;
}

/** An event as the call sees it: stored, or created by this call. */
interface EventState {
  id: string;
  mergeKey: string | null;
  added: string;
  /** Storage order among candidates (the row's seq; events created here come after all stored ones). */
  seq: number;
  date: string | null;
  place: Place | null;
  numMentions: number;
  /** Mentions stored before this call (null until loaded), in storage order. */
  stored: MentionState[] | null;
  /** Mentions added by this call, in order. */
  fresh: MentionState[];
  /** The event as last aggregated (null: unchanged since read). */
  current: StoredEvent | null;
  isNew: boolean;
  deleted: boolean;
  /** The event as stored before this call (null for events created here). */
  original: StoredEvent | null;
}

function placeOf(r: EventRow): Place | null {
  return r.place_name === null
    ? null
    : {
        name: r.place_name,
        name_ar: r.place_name_ar ?? '',
        country: r.place_country,
        lat: r.place_lat,
        lon: r.place_lon,
      };
}

function stateOf(r: EventRow): EventState {
  return {
    id: r.id,
    mergeKey: r.merge_key,
    added: r.added,
    seq: Number(r.seq),
    date: r.date,
    place: placeOf(r),
    numMentions: r.num_mentions,
    stored: null,
    fresh: [],
    current: null,
    isNew: false,
    deleted: false,
    original: eventFromRow(r),
  };
}

/** One write call's view of the events it touches. */
class MergeState {
  readonly events = new Map<string, EventState>();
  readonly byKey = new Map<string, Set<EventState>>();
  /** Event ids taken (stored or created here, not deleted). */
  readonly taken = new Set<string>();
  /** Events created by this call. */
  readonly created = new Set<string>();
  /** Events whose re-aggregation waits for the end of the call (big events). */
  readonly deferred = new Set<string>();
  /** Events removed by this call that were stored. */
  readonly removed = new Set<string>();
  /** Stored events removed by this call, as they were read (their share of the summaries goes). */
  private readonly retired: StoredEvent[] = [];
  private nextSeq = Number.MAX_SAFE_INTEGER / 2;
  private nextOrder = 0;

  constructor(
    private readonly client: pg.PoolClient,
    readonly now: string,
  ) {}

  private index(ev: EventState): void {
    this.events.set(ev.id, ev);
    this.taken.add(ev.id);
    if (!ev.mergeKey) return;
    let set = this.byKey.get(ev.mergeKey);
    if (!set) {
      set = new Set();
      this.byKey.set(ev.mergeKey, set);
    }
    set.add(ev);
  }

  private unindex(ev: EventState): void {
    this.taken.delete(ev.id);
    if (ev.mergeKey) this.byKey.get(ev.mergeKey)?.delete(ev);
  }

  /**
   * Read what the records may touch: the stored events of their merge keys within their date
   * windows, and the stored event ids they would take.
   */
  async prefetch(records: Array<{ r: EventRecord; published: string | null }>): Promise<void> {
    const keys: string[] = [];
    const dates: string[] = [];
    const bases = new Set<string>();
    for (const { r, published } of records) {
      bases.add(eventIdFor(r));
      const date = mergeDate(r, published);
      const key = mergeKey(r, date);
      if (!key || !date) continue;
      for (const d of candidateDates(date)) {
        keys.push(key);
        dates.push(d);
      }
    }
    for (let i = 0; i < keys.length; i += CHUNK) {
      const { rows } = await this.client.query<EventRow>(
        `SELECT * FROM events WHERE (merge_key, date) IN
           (SELECT DISTINCT k, d FROM unnest($1::text[], $2::text[]) AS p(k, d))`,
        [keys.slice(i, i + CHUNK), dates.slice(i, i + CHUNK)],
      );
      for (const r of rows) if (!this.events.has(r.id)) this.index(stateOf(r));
    }
    const list = [...bases];
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      // the id and its numbered forms (`ev-x`, `ev-x-2`, …) are a range of the primary key
      // ("C" collation: `-` sorts just before `.`), one index range scan per base id
      const { rows } = await this.client.query<{ id: string }>(
        `SELECT x.id FROM unnest($1::text[]) AS b(base)
         CROSS JOIN LATERAL (SELECT id FROM events WHERE id >= b.base AND id < b.base || '.') AS x`,
        [chunk],
      );
      for (const r of rows) if (!this.removed.has(r.id)) this.taken.add(r.id);
    }
  }

  /** Make sure these events are known with their stored mentions. */
  private async load(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.events.has(id) && !this.removed.has(id));
    if (missing.length > 0) {
      const { rows } = await this.client.query<EventRow>('SELECT * FROM events WHERE id = ANY($1)', [
        missing,
      ]);
      for (const r of rows) this.index(stateOf(r));
    }
    const unloaded = ids
      .map((id) => this.events.get(id))
      .filter((e): e is EventState => !!e && e.stored === null && !e.isNew);
    if (unloaded.length === 0) return;
    for (const e of unloaded) e.stored = [];
    const { rows } = await this.client.query<MentionRow>(
      'SELECT * FROM mentions WHERE event_id = ANY($1) ORDER BY seq',
      [unloaded.map((e) => e.id)],
    );
    for (const r of rows)
      this.events.get(r.event_id)?.stored?.push({ m: mentionFromRow(r), mergeDate: r.merge_date });
  }

  /** Remove an article's mentions; their events are re-aggregated or deleted when left empty. */
  async removeArticleMentions(articleId: string): Promise<void> {
    const { rows } = await this.client.query<{ event_id: string }>(
      'DELETE FROM mentions WHERE article = $1 RETURNING event_id',
      [articleId],
    );
    const touched = new Set(rows.map((r) => r.event_id));
    for (const ev of this.events.values()) {
      if (ev.deleted) continue;
      const before = ev.fresh.length + (ev.stored?.length ?? 0);
      ev.fresh = ev.fresh.filter((s) => s.m.article !== articleId);
      if (ev.stored) ev.stored = ev.stored.filter((s) => s.m.article !== articleId);
      if (ev.fresh.length + (ev.stored?.length ?? 0) !== before) touched.add(ev.id);
    }
    if (touched.size === 0) return;
    await this.load([...touched]);
    for (const id of touched) {
      const ev = this.events.get(id);
      if (ev) await this.reaggregate(ev);
    }
  }

  /** Merge an article's records into events; returns the number of mentions written. */
  async ingest(art: ArticleContext, records: EventRecord[]): Promise<number> {
    for (const r of records) {
      const date = mergeDate(r, art.published);
      const key = mergeKey(r, date);
      let target: EventState | null = null;
      if (key && date) {
        const window = new Set(candidateDates(date));
        const cands = [...(this.byKey.get(key) ?? [])]
          .filter((e) => !e.deleted && e.date !== null && window.has(e.date))
          .sort((a, b) =>
            (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.seq - b.seq,
          );
        const chosen = chooseEvent(r, date, cands.map(candidateOf));
        target = chosen ? (this.events.get(chosen.id) ?? null) : null;
      }
      if (target) {
        const m = toMention({ ...r, article: art.id }, target.id, art.outlet);
        target.fresh.push({ m, mergeDate: date, order: this.nextOrder++ });
        if (target.numMentions + 1 > EAGER_LIMIT) {
          target.numMentions++;
          this.deferred.add(target.id);
        } else {
          await this.load([target.id]);
          await this.reaggregate(target);
        }
      } else {
        const id = this.freeEventId(eventIdFor(r));
        const m = toMention({ ...r, article: art.id }, id, art.outlet);
        const ev = aggregate(id, [m], date, this.now);
        this.index({
          id,
          mergeKey: key,
          added: this.now,
          seq: this.nextSeq++,
          date: ev.date,
          place: ev.place,
          numMentions: 1,
          stored: [],
          fresh: [{ m, mergeDate: date, order: this.nextOrder++ }],
          current: ev,
          isNew: true,
          deleted: false,
          original: null,
        });
        this.created.add(id);
      }
    }
    return records.length;
  }

  private freeEventId(base: string): string {
    if (!this.taken.has(base)) return base;
    for (let i = 2; ; i++) if (!this.taken.has(`${base}-${i}`)) return `${base}-${i}`;
  }

  /** Recompute an event from its mentions; delete it when none is left. */
  private async reaggregate(ev: EventState): Promise<void> {
    if (ev.deleted) return;
    if (ev.stored === null) await this.load([ev.id]);
    const all = [...(ev.stored ?? []), ...ev.fresh];
    const first = all[0];
    if (!first) {
      ev.deleted = true;
      ev.current = null;
      this.unindex(ev);
      if (!ev.isNew) this.removed.add(ev.id);
      // its id may be taken again by a new event: keep what it contributed to the summaries
      if (ev.original) this.retired.push(ev.original);
      ev.original = null;
      return;
    }
    const agg = aggregate(
      ev.id,
      all.map((s) => s.m),
      first.mergeDate,
      ev.added,
    );
    ev.current = agg;
    ev.date = agg.date;
    ev.place = agg.place;
    ev.numMentions = agg.num_mentions;
  }

  /** Write what the call changed: deleted, new and changed events, then the new mentions. */
  async flush(): Promise<void> {
    for (const id of this.deferred) {
      const ev = this.events.get(id);
      if (ev) await this.reaggregate(ev);
    }
    const c = this.client;
    if (this.removed.size > 0) await c.query('DELETE FROM events WHERE id = ANY($1)', [[...this.removed]]);
    const live = [...this.events.values()].filter((e) => !e.deleted && e.current);
    const toJson = (e: EventState) => {
      const values = eventValues(e.current as StoredEvent, e.mergeKey);
      return Object.fromEntries(EVENT_COLUMNS.map((col, i) => [col, values[i]]));
    };
    const cols = EVENT_COLUMNS.join(', ');
    const inserted = live.filter((e) => e.isNew).map(toJson);
    for (let i = 0; i < inserted.length; i += CHUNK)
      await c.query(
        `INSERT INTO events (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::events, $1::json)`,
        [JSON.stringify(inserted.slice(i, i + CHUNK))],
      );
    const updated = live.filter((e) => !e.isNew).map(toJson);
    const sets = EVENT_COLUMNS.filter((col) => col !== 'id' && col !== 'merge_key' && col !== 'added')
      .map((col) => `${col} = v.${col}`)
      .join(', ');
    for (let i = 0; i < updated.length; i += CHUNK)
      await c.query(
        `UPDATE events e SET ${sets} FROM json_populate_recordset(NULL::events, $1::json) AS v WHERE e.id = v.id`,
        [JSON.stringify(updated.slice(i, i + CHUNK))],
      );
    const fresh = [...this.events.values()]
      .filter((e) => !e.deleted)
      .flatMap((e) => e.fresh)
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const mentions = fresh.map(({ m, mergeDate: md }) => ({
      id: m.id,
      event_id: m.event,
      article: m.article,
      sentence: m.sentence,
      start: m.start,
      end: m.end,
      trigger: m.trigger,
      code: m.code,
      modality: m.modality,
      confidence: m.confidence,
      pattern: m.pattern,
      outlet: m.outlet,
      merge_date: md,
      record: JSON.stringify(m.record),
    }));
    // stored in the order the records were merged in
    const mcols = MENTION_COLUMNS.map((col) => `x."${col}"`).join(', ');
    const icols = MENTION_COLUMNS.map((col) => `"${col}"`).join(', ');
    for (let i = 0; i < mentions.length; i += CHUNK)
      await c.query(
        `INSERT INTO mentions (${icols}) SELECT ${mcols}
         FROM json_populate_recordset(NULL::mentions, $1::json) WITH ORDINALITY AS x ORDER BY x.ordinality`,
        [JSON.stringify(mentions.slice(i, i + CHUNK))],
      );
    await this.updateSummaries();
  }

  /**
   * Bring the summary tables (`actors`, `month_stats`, `pair_stats`) in step with the events this
   * call changed: each changed event takes back what it contributed as read and adds what it
   * contributes now. Rows are upserted in key order, so concurrent writers lock them in one order.
   */
  private async updateSummaries(): Promise<void> {
    const actors = new Map<
      string,
      { code: string; actor: string; name: string | null; country: string | null; n: number }
    >();
    const months = new Map<string, { month: string; quad: number; n: number; g: number }>();
    const pairs = new Map<string, { s: string; t: string; n: number; g: number }>();
    const apply = (c: Contribution, sign: 1 | -1) => {
      for (const a of c.actors) {
        const k = `${a.code}\u0000${a.actor}`;
        const row = actors.get(k) ?? { code: a.code, actor: a.actor, name: null, country: null, n: 0 };
        row.n += sign;
        if (sign > 0) {
          row.name = a.name ?? row.name;
          row.country = a.country ?? row.country;
        }
        actors.set(k, row);
      }
      if (c.month) {
        const k = `${c.month.month}\u0000${c.month.quad}`;
        const row = months.get(k) ?? { month: c.month.month, quad: c.month.quad, n: 0, g: 0 };
        row.n += sign;
        row.g += sign * c.month.goldstein;
        months.set(k, row);
      }
      if (c.pair) {
        const k = `${c.pair.source}\u0000${c.pair.target}`;
        const row = pairs.get(k) ?? { s: c.pair.source, t: c.pair.target, n: 0, g: 0 };
        row.n += sign;
        row.g += sign * c.pair.goldstein;
        pairs.set(k, row);
      }
    };
    for (const e of this.events.values()) {
      if (e.deleted || !e.current) continue;
      if (e.original) apply(contributionOf(e.original), -1);
      apply(contributionOf(e.current), 1);
    }
    for (const old of this.retired) apply(contributionOf(old), -1);
    const byKey = <T>(m: Map<string, T>) =>
      [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    const c = this.client;
    const a = byKey(actors).filter((r) => r.n !== 0 || r.name !== null);
    if (a.length > 0) {
      await c.query(
        `INSERT INTO actors (code, actor, name, country, events)
         SELECT code, actor, name, country, n FROM json_to_recordset($1::json)
           AS x(code text, actor text, name text, country text, n integer) ORDER BY code, actor
         ON CONFLICT (code, actor) DO UPDATE SET events = actors.events + excluded.events,
           name = coalesce(excluded.name, actors.name), country = coalesce(excluded.country, actors.country)`,
        [JSON.stringify(a)],
      );
      await c.query(
        `DELETE FROM actors WHERE (code, actor) IN (SELECT code, actor FROM json_to_recordset($1::json)
           AS x(code text, actor text)) AND events <= 0`,
        [JSON.stringify(a.map(({ code, actor }) => ({ code, actor })))],
      );
    }
    const m = byKey(months).filter((r) => r.n !== 0 || r.g !== 0);
    if (m.length > 0) {
      await c.query(
        `INSERT INTO month_stats (month, quad, events, gsum)
         SELECT month, quad, n, g FROM json_to_recordset($1::json)
           AS x(month text, quad integer, n integer, g double precision) ORDER BY month, quad
         ON CONFLICT (month, quad) DO UPDATE SET events = month_stats.events + excluded.events,
           gsum = month_stats.gsum + excluded.gsum`,
        [JSON.stringify(m)],
      );
      await c.query(
        `DELETE FROM month_stats WHERE (month, quad) IN (SELECT month, quad FROM json_to_recordset($1::json)
           AS x(month text, quad integer)) AND events <= 0`,
        [JSON.stringify(m)],
      );
    }
    const p = byKey(pairs).filter((r) => r.n !== 0 || r.g !== 0);
    if (p.length > 0) {
      await c.query(
        `INSERT INTO pair_stats (source_code, target_code, events, gsum)
         SELECT s, t, n, g FROM json_to_recordset($1::json)
           AS x(s text, t text, n integer, g double precision) ORDER BY s, t
         ON CONFLICT (source_code, target_code) DO UPDATE SET events = pair_stats.events + excluded.events,
           gsum = pair_stats.gsum + excluded.gsum`,
        [JSON.stringify(p)],
      );
      await c.query(
        `DELETE FROM pair_stats WHERE (source_code, target_code) IN (SELECT s, t FROM json_to_recordset($1::json)
           AS x(s text, t text)) AND events <= 0`,
        [JSON.stringify(p)],
      );
    }
  }

  /** Events created by this call that still exist. */
  newEvents(): number {
    let n = 0;
    for (const id of this.created) if (this.events.get(id)?.deleted === false) n++;
    return n;
  }
}

function candidateOf(e: EventState): Candidate {
  return { id: e.id, date: e.date, place: e.place, num_mentions: e.numMentions, added: e.added };
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
        const key = mergeKey(r, mergeDate(r, published));
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
      const status = item.error ? 'failed' : item.events === null ? 'pending' : 'done';
      const n = status === 'done' ? (item.events?.length ?? 0) : 0;
      const values = [
        item.hash,
        doc.text,
        doc.title ?? null,
        doc.url ?? null,
        doc.source ?? null,
        doc.published ?? null,
        status,
        item.error ?? null,
        now,
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
      const key = mergeKey(r, mergeDate(r, row.published));
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

function contextOf(doc: InputDocument): ArticleContext {
  return { id: doc.id, published: doc.published ?? null, outlet: outletOf(doc) };
}

export function unknownArticle(id: string): RasadError {
  return new RasadError(
    'UNKNOWN_ARTICLE',
    `article "${id}" is not in the store (expected the id of a stored article)`,
  );
}
