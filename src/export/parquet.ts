/**
 * Parquet: one row per event with typed columns (strings, INT32, INT64, DOUBLE, TIMESTAMP_MILLIS,
 * nullable where a value may be missing) and a JSON column of the event's mentions. Written with
 * hyparquet-writer's incremental `ParquetWriter` to a file: rows are buffered one row group at a
 * time (default 50,000 events) and each full group is encoded and flushed, so memory stays bounded
 * by the row group size, not the export size. Needs a file path (the footer is written last).
 */
import {
  type BasicType,
  type ColumnSource,
  fileWriter,
  ParquetWriter,
  schemaFromColumnData,
} from 'hyparquet-writer';
import type { Mention, StoredEvent } from '../store/types.js';
import { EVENT_COLUMNS, type FlatType } from './flat.js';
import { type ExportCounts, emptyCounts } from './types.js';

const BASIC: Record<FlatType, BasicType> = {
  string: 'STRING',
  int32: 'INT32',
  int64: 'INT64',
  double: 'DOUBLE',
  timestamp: 'TIMESTAMP',
};

/** What the `mentions` JSON column holds per mention (the record's offsets and coding, not the whole record). */
export function mentionSummary(m: Mention): Record<string, unknown> {
  return {
    id: m.id,
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
    date: m.record.date,
    date_text: m.record.date_text,
  };
}

interface ParquetColumn {
  name: string;
  type: BasicType;
  nullable: boolean;
  get: (e: StoredEvent) => unknown;
}

const COLUMNS: readonly ParquetColumn[] = [
  ...EVENT_COLUMNS.map((c) => ({
    name: c.name,
    type: BASIC[c.type],
    nullable: c.nullable,
    get:
      c.type === 'timestamp'
        ? (e: StoredEvent) => {
            const v = c.get(e);
            const t = typeof v === 'string' ? Date.parse(v) : Number.NaN;
            return Number.isNaN(t) ? null : new Date(t);
          }
        : c.get,
  })),
  {
    name: 'mentions',
    type: 'JSON',
    nullable: true,
    get: (e: StoredEvent) => (e.mentions ? e.mentions.map(mentionSummary) : null),
  },
];

/** Column names and Parquet types of the export, in order (for the documentation and tests). */
export const PARQUET_COLUMNS: ReadonlyArray<{ name: string; type: BasicType; nullable: boolean }> =
  COLUMNS.map(({ name, type, nullable }) => ({ name, type, nullable }));

export async function writeParquet(
  events: AsyncIterable<StoredEvent>,
  path: string,
  opts: { mentions?: boolean; rowGroupSize?: number } = {},
): Promise<ExportCounts> {
  const counts = emptyCounts();
  const groupSize = Math.max(1, opts.rowGroupSize ?? 50_000);
  const schema = schemaFromColumnData({
    columnData: COLUMNS.map((c) => ({ name: c.name, data: [], type: c.type, nullable: c.nullable })),
  });
  const writer = new ParquetWriter({ writer: fileWriter(path), schema, createdBy: 'rasad export' });
  let buffer: unknown[][] = COLUMNS.map(() => []);
  let buffered = 0;
  const flush = async (): Promise<void> => {
    if (buffered === 0) return;
    const columnData: ColumnSource[] = COLUMNS.map((c, i) => ({ name: c.name, data: buffer[i]! }));
    await writer.write({ columnData, rowGroupSize: buffered });
    buffer = COLUMNS.map(() => []);
    buffered = 0;
  };
  for await (const e of events) {
    counts.events++;
    const row = opts.mentions === false ? { ...e, mentions: undefined } : e;
    COLUMNS.forEach((c, i) => {
      buffer[i]!.push(c.get(row));
    });
    buffered++;
    counts.rows++;
    counts.mentions += row.mentions?.length ?? 0;
    if (buffered >= groupSize) await flush();
  }
  await flush();
  await writer.finish();
  return counts;
}
