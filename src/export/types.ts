/**
 * Shared types of the exports: formats, options, counts, and the article lookup some formats use
 * for URLs and sentence text.
 */

export const EXPORT_FORMATS = ['jsonl', 'gdelt', 'plover', 'csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export needs to know about an article (from the store, or from a test). */
export interface ArticleInfo {
  id: string;
  url: string | null;
  title: string | null;
  /** The outlet (`source` field of the document). */
  source: string | null;
  published: string | null;
  /** The article text, for the sentence of a mention (PLOVER `source_text`); null when not wanted. */
  text: string | null;
}

/** Look an article up by id; null when unknown. */
export type ArticleLookup = (id: string) => Promise<ArticleInfo | null>;

export interface ExportOptions {
  /** GDELT and CSV: write a header line (GDELT default false, as GDELT ships; CSV default true). */
  header?: boolean;
  /** CSV: start with a UTF-8 byte order mark so that Excel reads the file as UTF-8. */
  bom?: boolean;
  /** CSV: one row per mention instead of one per event. JSONL, PLOVER, Parquet: include mentions. */
  mentions?: boolean;
  /** Article URLs, titles and texts (GDELT SOURCEURL, PLOVER cite_info and source_text, CSV url). */
  articles?: ArticleLookup;
  /** Parquet: rows per row group (default 50,000); the exporter buffers one row group at a time. */
  rowGroupSize?: number;
}

export interface ExportCounts {
  /** Events read from the input. */
  events: number;
  /** Records written: lines (JSONL, GDELT, PLOVER), data rows (CSV, Parquet). Header lines not counted. */
  rows: number;
  /** Mentions written (inside events or as rows). */
  mentions: number;
  /** Events left out, with the reason in the format's documentation (PLOVER: no PLOVER type). */
  skipped: number;
}

export function emptyCounts(): ExportCounts {
  return { events: 0, rows: 0, mentions: 0, skipped: 0 };
}
