/**
 * CSV (RFC 4180): a header row, then one row per event (or, with `mentions`, one per mention,
 * the event's columns repeated), CRLF line ends, fields quoted when they hold a comma, a quote or
 * a line break, UTF-8 with an optional byte order mark for Excel. Streams.
 */
import type { StoredEvent } from '../store/types.js';
import { EVENT_COLUMNS, type FlatValue, MENTION_COLUMNS } from './flat.js';
import type { TextSink } from './sink.js';
import { type ArticleLookup, type ExportCounts, emptyCounts } from './types.js';

/** One CSV field: numbers as they are, null as empty, text quoted when RFC 4180 requires it. */
export function csvField(v: FlatValue): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csvLine(values: readonly FlatValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export async function writeCsv(
  events: AsyncIterable<StoredEvent>,
  sink: TextSink,
  opts: { header?: boolean; bom?: boolean; mentions?: boolean; articles?: ArticleLookup } = {},
): Promise<ExportCounts> {
  const counts = emptyCounts();
  const withUrl = opts.articles !== undefined;
  if (opts.bom) await sink.write('\uFEFF');
  if (opts.header !== false) {
    const names = EVENT_COLUMNS.map((c) => c.name);
    if (withUrl) names.push('url');
    if (opts.mentions) names.push(...MENTION_COLUMNS.map((c) => c.name), 'mention_url');
    await sink.write(csvLine(names));
  }
  for await (const e of events) {
    counts.events++;
    const base: FlatValue[] = EVENT_COLUMNS.map((c) => c.get(e));
    if (withUrl) base.push((await opts.articles!(e.first_article))?.url ?? null);
    if (!opts.mentions) {
      await sink.write(csvLine(base));
      counts.rows++;
      continue;
    }
    const ms = e.mentions ?? [];
    if (ms.length === 0) {
      // mentions not loaded: the event still gets its row, with empty mention columns
      await sink.write(csvLine([...base, ...MENTION_COLUMNS.map(() => null), null]));
      counts.rows++;
      continue;
    }
    for (const m of ms) {
      const url = opts.articles ? ((await opts.articles(m.article))?.url ?? null) : null;
      await sink.write(csvLine([...base, ...MENTION_COLUMNS.map((c) => c.get(m)), url]));
      counts.rows++;
      counts.mentions++;
    }
  }
  return counts;
}
