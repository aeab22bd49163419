/**
 * One PostgreSQL write call's view of the events it touches (src/store/postgres/write.ts takes the
 * locks and writes the articles): the candidate events of its records read up front, merged in
 * memory record by record in the order the SQLite backend follows — re-aggregating an event after
 * each record joins it, exactly as SQLite does row by row — and written back in a few set-based
 * statements by `flush`, with the summary tables brought in step.
 */
import type pg from 'pg';
import type { EventRecord, Place } from '../../types.js';
import { aggregate, type Candidate, chooseEvent, eventIdFor, toMention } from '../merge.js';
import {
  EVENT_COLUMNS,
  type EventRow,
  eventFromRow,
  eventValues,
  MENTION_COLUMNS,
  type MentionRow,
  mentionFromRow,
  mentionRowOf,
  placeFromRow,
} from '../rows.js';
import { contributionOf } from '../summaries.js';
import type { Mention, StoredEvent } from '../types.js';
import { type ArticleContext, EAGER_LIMIT, freeEventId, mergePlan } from '../write-steps.js';
import { SummaryChanges } from './summary-writes.js';

/** Rows written per set-based statement. */
const CHUNK = 2000;

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

function stateOf(r: EventRow): EventState {
  return {
    id: r.id,
    mergeKey: r.merge_key,
    added: r.added,
    seq: Number(r.seq),
    date: r.date,
    place: placeFromRow(r),
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
export class MergeState {
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
      const { key, window } = mergePlan(r, published);
      for (const d of window) {
        keys.push(key as string);
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
      const { date, key, window } = mergePlan(r, art.published);
      let target: EventState | null = null;
      if (key && date) {
        const dates = new Set(window);
        const cands = [...(this.byKey.get(key) ?? [])]
          .filter((e) => !e.deleted && e.date !== null && dates.has(e.date))
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
        const id = freeEventId(eventIdFor(r), (x) => this.taken.has(x));
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
    const mentions = fresh.map(({ m, mergeDate: md }) => mentionRowOf(m, md));
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
   * Bring the summary tables in step with the events this call changed: each changed event takes
   * back what it contributed as read and adds what it contributes now.
   */
  private async updateSummaries(): Promise<void> {
    const changes = new SummaryChanges();
    for (const e of this.events.values()) {
      if (e.deleted || !e.current) continue;
      if (e.original) changes.add(contributionOf(e.original), -1);
      changes.add(contributionOf(e.current), 1);
    }
    for (const old of this.retired) changes.add(contributionOf(old), -1);
    await changes.write(this.client);
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
