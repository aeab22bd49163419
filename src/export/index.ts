/**
 * Exports of merged events: `exportEvents(events, format, out, opts)` writes JSONL, the GDELT 2.0
 * event table, PLOVER-style JSON Lines, CSV or Parquet to a file or a stream and returns counts.
 * Every format but Parquet streams (constant memory); Parquet buffers one row group at a time.
 * Formats and column mappings: docs/export-formats.md.
 */
import { createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { RasadError } from '../errors.js';
import type { StoredEvent } from '../store/types.js';
import { writeCsv } from './csv.js';
import { writeGdelt } from './gdelt.js';
import { writeJsonl } from './jsonl.js';
import { writeParquet } from './parquet.js';
import { writePlover } from './plover.js';
import { TextSink } from './sink.js';
import { EXPORT_FORMATS, type ExportCounts, type ExportFormat, type ExportOptions } from './types.js';

export { storeArticleLookup } from './articles.js';
export { GDELT_COLUMNS } from './gdelt.js';
export type { ArticleInfo, ArticleLookup, ExportCounts, ExportFormat, ExportOptions } from './types.js';
export { EXPORT_FORMATS } from './types.js';

export interface ExportTarget {
  /** A file to create (or overwrite). */
  path?: string;
  /** A stream to write to (standard output); not ended by the export. */
  stream?: NodeJS.WritableStream;
}

/** The format named, or a RasadError listing the formats there are. */
export function parseExportFormat(name: string): ExportFormat {
  const f = name.trim().toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(f)) return f as ExportFormat;
  throw new RasadError(
    'UNKNOWN_EXPORT_FORMAT',
    `export format "${name}" is not one Rasad writes; expected one of ${EXPORT_FORMATS.join(', ')}`,
  );
}

/** Check that a file can be created at `path`, as a RasadError naming the path and the reason. */
async function checkWritable(path: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory())
      throw new RasadError('OUTPUT_UNWRITABLE', `cannot write export to "${path}": it is a directory`);
  } catch (e) {
    if (e instanceof RasadError) throw e;
  }
  try {
    const fh = await open(path, 'w');
    await fh.close();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'its directory does not exist'
        : err.code === 'EACCES' || err.code === 'EPERM'
          ? 'permission denied'
          : err.code === 'EISDIR'
            ? 'it is a directory'
            : err.message;
    throw new RasadError('OUTPUT_UNWRITABLE', `cannot write export to "${path}": ${why}`);
  }
}

/** Refuse a target the format cannot use: none at all, or Parquet without a file. */
export function assertExportTarget(format: ExportFormat, out: ExportTarget): void {
  if (!out.path && !out.stream)
    throw new RasadError('BAD_ARGUMENT', 'export needs an output: a file path or a stream');
  if (format === 'parquet' && !out.path)
    throw new RasadError(
      'BAD_ARGUMENT',
      'Parquet cannot be written to standard output (its footer is written last): give an output file with --out',
    );
}

/**
 * Write `events` in `format` to `out.path` (created or overwritten) or `out.stream`.
 * Parquet needs a path. Returns how many events, rows and mentions were written.
 */
export async function exportEvents(
  events: AsyncIterable<StoredEvent>,
  format: ExportFormat | string,
  out: ExportTarget,
  opts: ExportOptions = {},
): Promise<ExportCounts> {
  const f = parseExportFormat(format);
  assertExportTarget(f, out);
  if (f === 'parquet') {
    await checkWritable(out.path!);
    return writeParquet(events, out.path!, opts);
  }
  let sink: TextSink;
  if (out.path) {
    await checkWritable(out.path);
    sink = new TextSink(createWriteStream(out.path, { flags: 'w', encoding: 'utf8' }));
  } else {
    sink = new TextSink(out.stream!);
  }
  try {
    switch (f) {
      case 'jsonl':
        return await writeJsonl(events, sink, opts);
      case 'gdelt':
        return await writeGdelt(events, sink, opts);
      case 'plover':
        return await writePlover(events, sink, opts);
      case 'csv':
        return await writeCsv(events, sink, opts);
    }
  } catch (e) {
    // file-system errors of the output (ENOSPC, EIO, ...), not those of the store being read
    if (out.path && !(e instanceof RasadError) && /^E[A-Z]+$/.test(String((e as NodeJS.ErrnoException).code)))
      throw new RasadError(
        'OUTPUT_UNWRITABLE',
        `cannot write export to "${out.path}": ${(e as Error).message}`,
      );
    throw e;
  } finally {
    await sink.close(out.path !== undefined);
  }
}
