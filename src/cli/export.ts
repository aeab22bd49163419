/**
 * `rasad export --format jsonl|gdelt|plover|csv|parquet [--out FILE] [filters]`: merged events of
 * the store that match the filters, in date order, to a file or standard output. A summary goes to
 * standard error; problems are RasadErrors (unknown format, Parquet without a file, unwritable path).
 */
import { assertExportTarget, exportEvents, parseExportFormat, storeArticleLookup } from '../export/index.js';
import type { ExportFormat } from '../export/types.js';
import type { EventFilter, Store } from '../store/types.js';

export interface ExportCliOptions {
  format: string;
  out?: string;
  mentions?: boolean;
  header?: boolean;
  bom?: boolean;
}

/**
 * Whether to read each event's mentions: CSV only for its one-row-per-mention variant; the other
 * formats always (JSONL and Parquet carry them, GDELT takes IsRootEvent and SOURCEURL from them,
 * PLOVER their sentences) unless `mentions` is explicitly false.
 */
function needsMentions(format: ExportFormat, o: ExportCliOptions): boolean {
  return format === 'csv' ? o.mentions === true : o.mentions !== false;
}

export async function runExport(
  store: Store,
  filter: EventFilter,
  o: ExportCliOptions,
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const format = parseExportFormat(o.format);
  const out = o.out && o.out !== '-' ? { path: o.out } : { stream: process.stdout };
  assertExportTarget(format, out);
  const events = store.iterateEvents(filter, { mentions: needsMentions(format, o) });
  const articles =
    format === 'jsonl' || format === 'parquet'
      ? undefined
      : storeArticleLookup(store, { text: format === 'plover' });
  const counts = await exportEvents(events, format, out, {
    ...(o.header !== undefined ? { header: o.header } : {}),
    ...(o.bom !== undefined ? { bom: o.bom } : {}),
    ...(o.mentions !== undefined ? { mentions: o.mentions } : {}),
    ...(articles ? { articles } : {}),
  });
  const where = 'path' in out ? out.path : 'standard output';
  const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped (no PLOVER type)` : '';
  err(
    `rasad: exported ${counts.events} event(s) as ${format}: ${counts.rows} row(s), ${counts.mentions} mention(s)${skipped} to ${where}`,
  );
  return 0;
}
