/**
 * Merging reports across articles: when two extractor records describe the same event.
 *
 * Two records are one event when all of these hold:
 * 1. same code family: the first three digits of the CAMEO code (`042` and `0421` merge; `040`
 *    meet and `042` visit do not, nor `043` host: the extractor keeps them apart in one article,
 *    so the store does too);
 * 2. same source actor code and same target actor code, in the same direction (null matches null);
 * 3. same modality (an announced visit is not the visit, a denial is not the act);
 * 4. dates within one day: the record's date, or else the article's publication day. Day dates
 *    merge when at most one day apart; month or year dates only with the same month or year (a
 *    month date never merges with a day date). A record with no date at all never merges;
 * 5. compatible places: either has none, or both are in the same country and either one is the
 *    country itself or both name the same place.
 *
 * So the seed article's October 2025 visit and its December visit stay two events (dates months
 * apart), while ten outlets reporting the same meeting on the same or the next day become one.
 *
 * When several stored events qualify, the record joins the one with the nearest date, then the most
 * mentions, then the oldest. Merging is greedy in ingestion order; it is not re-clustered later.
 */
import { cameoInfo } from '../events/cameo.js';
import { hostOf } from '../io/host.js';
import type { EventRecord, Modality, Place } from '../types.js';
import type { EventActor, Mention, StoredEvent } from './types.js';

/** First three digits of a CAMEO code. */
export function codeFamily(code: string): string {
  return code.slice(0, 3);
}

/** The date a record is compared on: its own, or the article's publication day. */
export function mergeDate(record: EventRecord, published: string | null | undefined): string | null {
  if (record.date) return record.date;
  if (published && /^\d{4}-\d{2}-\d{2}/.test(published)) return published.slice(0, 10);
  return null;
}

/**
 * The exact-match part of the rule (family, actors, modality, date precision) as one string; stored
 * events are looked up by it, then by date window and place.
 * Null when the record can never merge (no date).
 */
export function mergeKey(record: EventRecord, date: string | null): string | null {
  if (!date) return null;
  return [
    codeFamily(record.code),
    record.source?.code ?? '-',
    record.target?.code ?? '-',
    record.modality,
    precisionOf(date),
  ].join('|');
}

function precisionOf(date: string): 'day' | 'month' | 'year' {
  return date.length >= 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/**
 * Dates a candidate event may have: for a day date, the day before, the day and the day after;
 * for month and year dates, the date itself. Backends look candidates up with `date IN (...)`.
 */
export function candidateDates(date: string): string[] {
  if (precisionOf(date) !== 'day') return [date];
  const d = dayNumber(date);
  return [d - 1, d, d + 1].map((n) => new Date(n * DAY_MS).toISOString().slice(0, 10));
}

/** Places are compatible: either is missing, or same country and (one is the country, or same place). */
export function placesCompatible(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return true;
  if (a.country !== b.country) return false;
  if (isCountryLevel(a) || isCountryLevel(b)) return true;
  return a.name === b.name;
}

function isCountryLevel(p: Place): boolean {
  return p.lat === null && p.lon === null;
}

/** What a backend needs of a candidate event to decide. */
export interface Candidate {
  id: string;
  date: string | null;
  place: Place | null;
  num_mentions: number;
  added: string;
}

/** Pick the stored event a record joins among candidates with the same merge key, or null. */
export function chooseEvent(
  record: EventRecord,
  date: string,
  candidates: readonly Candidate[],
): Candidate | null {
  let best: Candidate | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  const mine = precisionOf(date) === 'day' ? dayNumber(date) : null;
  for (const c of candidates) {
    if (!c.date || precisionOf(c.date) !== precisionOf(date)) continue;
    let dist = 0;
    if (mine !== null) {
      dist = Math.abs(dayNumber(c.date) - mine);
      if (dist > 1) continue;
    } else if (c.date !== date) continue;
    if (!placesCompatible(c.place, record.place)) continue;
    if (
      !best ||
      dist < bestDist ||
      (dist === bestDist && c.num_mentions > best.num_mentions) ||
      (dist === bestDist && c.num_mentions === best.num_mentions && c.added < best.added)
    ) {
      best = c;
      bestDist = dist;
    }
  }
  return best;
}

/** The mention row of a record. */
export function toMention(record: EventRecord, eventId: string, outlet: string | null): Mention {
  return {
    id: record.id,
    event: eventId,
    article: record.article,
    sentence: record.sentence,
    start: record.trigger.start,
    end: record.trigger.end,
    trigger: record.trigger.text,
    code: record.code,
    modality: record.modality,
    confidence: record.confidence,
    pattern: record.pattern,
    outlet,
    record,
  };
}

/** The outlet of an article: its `source`, else the host of its URL (without `www.`), else null. */
export function outletOf(doc: { source?: string | null; url?: string | null }): string | null {
  return doc.source || hostOf(doc.url);
}

/** A merged event's id: derived from the record that created it. */
export function eventIdFor(record: EventRecord): string {
  return `ev-${record.id}`;
}

function actorOf(r: EventRecord, side: 'source' | 'target'): EventActor | null {
  const a = r[side];
  if (!a) return null;
  return { code: a.code, country: a.country, actor: a.actor, name: a.name, text: a.text };
}

/**
 * The merged event's fields from its mentions (first mention first, in storage order):
 * - code: the most frequent code (ties: the earliest mention's);
 * - date: the event's date, given by the backend: the merge date of its first mention;
 * - place: the most specific place (a city over the country), most frequent among those;
 * - actors: the first mention's, with the most frequent known actor id and name;
 * - counts: mentions, distinct articles, distinct outlets (an article without outlet counts as its own).
 */
export function aggregate(
  id: string,
  mentions: readonly Mention[],
  date: string | null,
  added: string,
): StoredEvent {
  const first = mentions[0];
  if (!first) throw new Error(`aggregate: event ${id} has no mentions`);
  const code = mostFrequent(mentions.map((m) => m.code)) ?? first.code;
  const info = cameoInfo(code);
  const source = actorOf(first.record, 'source');
  const target = actorOf(first.record, 'target');
  for (const [side, actor] of [
    ['source', source],
    ['target', target],
  ] as const) {
    if (!actor) continue;
    const ids = mentions.map((m) => m.record[side]?.actor ?? null).filter((x): x is string => x !== null);
    const best = mostFrequent(ids);
    if (best && best !== actor.actor) {
      const holder = mentions.find((m) => m.record[side]?.actor === best)?.record[side];
      actor.actor = best;
      actor.name = holder?.name ?? actor.name;
    }
  }
  const places = mentions.map((m) => m.record.place).filter((p): p is Place => p !== null);
  const specific = places.filter((p) => !isCountryLevel(p));
  const pool = specific.length > 0 ? specific : places;
  const placeName = mostFrequent(pool.map((p) => p.name));
  const place = pool.find((p) => p.name === placeName) ?? null;
  const articles = new Set(mentions.map((m) => m.article));
  const outlets = new Set(mentions.map((m) => m.outlet ?? `article:${m.article}`));
  return {
    id,
    code,
    root: info.root,
    quad: info.quad,
    goldstein: info.goldstein,
    plover: info.plover,
    source,
    target,
    date,
    place,
    modality: first.modality as Modality,
    confidence: Math.max(...mentions.map((m) => m.confidence)),
    num_mentions: mentions.length,
    num_articles: articles.size,
    num_sources: outlets.size,
    first_article: first.article,
    trigger: first.trigger,
    added,
  };
}

/** The most frequent value; ties go to the value seen first. */
export function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [v, n] of counts) {
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}
