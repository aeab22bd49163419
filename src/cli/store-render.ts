/**
 * Terminal views of stored data: event tables, actor lists and profiles, relations, search hits.
 * Arabic strings are wrapped in right-to-left isolates (see render.ts).
 */
import type { IngestSummary } from '../store/ingest.js';
import type { ActorProfile, ActorSummary, ArticleHit, Relation, StoredEvent } from '../store/types.js';
import { rtl } from './render.js';

const ARABIC = /\p{Script=Arabic}/u;
const iso = (s: string) => (ARABIC.test(s) ? rtl(s) : s);

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function actorLabel(a: StoredEvent['source']): string {
  if (!a) return '-';
  return a.name ? `${a.code} (${a.name})` : a.code;
}

/** One line per event: date, code, source → target, modality, articles, place, trigger. */
export function renderEventTable(events: readonly StoredEvent[]): string {
  const lines: string[] = [];
  for (const e of events) {
    const place = e.place ? ` @${e.place.name}` : '';
    lines.push(
      `${pad(e.date ?? '-', 10)}  ${pad(e.code, 4)}  ${pad(`${actorLabel(e.source)} → ${actorLabel(e.target)}`, 44)}  ${pad(e.modality, 9)}  ${String(e.num_articles).padStart(3)} art  ${e.id}${place}  «${iso(e.trigger)}»`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function renderActors(actors: readonly ActorSummary[]): string {
  return actors
    .map(
      (a) =>
        `${pad(a.code, 10)} ${String(a.events).padStart(7)} events  ${a.name ?? ''}${a.actor ? ` [${a.actor}]` : ''}\n`,
    )
    .join('');
}

export function renderProfile(p: ActorProfile): string {
  const name = p.summary?.name ? ` — ${p.summary.name}` : '';
  let s = `${p.key}${name}: ${p.events} events (${p.asSource} as source, ${p.asTarget} as target)\n`;
  if (p.partners.length > 0) {
    s += '\npartners (events, mean Goldstein, quads 1/2/3/4):\n';
    for (const q of p.partners)
      s += `  ${pad(q.code, 10)} ${String(q.events).padStart(6)}  ${q.goldstein.toFixed(2).padStart(6)}  ${q.quads.join('/')}${q.name ? `  ${q.name}` : ''}\n`;
  }
  if (p.recent.length > 0) s += `\nrecent events:\n${renderEventTable(p.recent)}`;
  return s;
}

export function renderRelation(r: Relation): string {
  const g = r.goldstein === null ? '-' : r.goldstein.toFixed(2);
  let s = `${r.a} ↔ ${r.b}: ${r.events} events, mean Goldstein ${g}\n\n`;
  s += 'month     events  verbal-coop  material-coop  verbal-conflict  material-conflict  Goldstein\n';
  for (const m of r.months) {
    s += `${pad(m.month, 8)}  ${String(m.events).padStart(6)}  ${String(m.quads[0]).padStart(11)}  ${String(m.quads[1]).padStart(13)}  ${String(m.quads[2]).padStart(15)}  ${String(m.quads[3]).padStart(17)}  ${m.goldstein === null ? '-' : m.goldstein.toFixed(2).padStart(9)}\n`;
  }
  if (r.top.length > 0) s += `\ntop events:\n${renderEventTable(r.top)}`;
  return s;
}

export function renderHits(hits: readonly ArticleHit[]): string {
  return hits
    .map(
      (h) =>
        `${pad(h.id, 24)} ${h.published ?? '-'}  ${h.title ? iso(h.title) : ''}\n    ${iso(h.snippet)}\n`,
    )
    .join('');
}

export function renderIngestSummary(s: IngestSummary, location: string): string {
  return (
    `${location}: ${s.documents} document(s) read, ${s.stored} stored, ${s.duplicates} already stored, ` +
    `${s.failed} failed, ${s.problems} malformed; ${s.mentions} event record(s), ${s.newEvents} new merged event(s)\n`
  );
}
