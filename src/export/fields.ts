/**
 * Field helpers shared by the exports: the numeric event id, date forms (GDELT SQLDATE,
 * MonthYear, Year, FractionDate, DATEADDED; a day for PLOVER), PLOVER mode/context from the CAMEO
 * table, and the sentence of a mention in its article.
 */
import { createHash } from 'node:crypto';
import { cameoInfo } from '../events/cameo.js';
import type { Mention } from '../store/types.js';
import { maskMarkup } from '../text/mask.js';
import { splitSentences } from '../text/sentences.js';

/**
 * A stable numeric id for an event id: the first 8 bytes of SHA-256 of the id (UTF-8), top bit
 * cleared, so a positive signed 64-bit integer (fits BigQuery INT64, Parquet INT64, GDELT's column).
 */
export function numericEventId(id: string): bigint {
  const h = createHash('sha256').update(id, 'utf8').digest();
  return h.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
}

export type DatePrecision = 'day' | 'month' | 'year';

export interface DayDate {
  /** `YYYY-MM-DD`: the date itself, or the first day of its month or year. */
  day: string;
  year: number;
  month: number;
  dayOfMonth: number;
  precision: DatePrecision;
}

/** A stored event date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) as a day; month and year dates take their first day. */
export function dayOf(date: string | null): DayDate | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const dayOfMonth = m[3] ? Number(m[3]) : 1;
  const precision: DatePrecision = m[3] ? 'day' : m[2] ? 'month' : 'year';
  const day = `${m[1]}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  return { day, year, month, dayOfMonth, precision };
}

export interface GdeltDates {
  sqlDate: string;
  monthYear: string;
  year: string;
  fractionDate: string;
}

/**
 * GDELT's four date columns. FractionDate is YYYY.FFFF with FFFF the share of the year completed
 * by that day (day of year / days in year, at most .9999): 1 January 2025 → 2025.0027.
 */
export function gdeltDates(date: string | null): GdeltDates {
  const d = dayOf(date);
  if (!d) return { sqlDate: '', monthYear: '', year: '', fractionDate: '' };
  const compact = d.day.replaceAll('-', '');
  const jan1 = Date.UTC(d.year, 0, 1);
  const dayOfYear = Math.round((Date.UTC(d.year, d.month - 1, d.dayOfMonth) - jan1) / 86_400_000) + 1;
  const daysInYear = Math.round((Date.UTC(d.year + 1, 0, 1) - jan1) / 86_400_000);
  const fraction = Math.min(Math.round((dayOfYear / daysInYear) * 10_000), 9_999);
  return {
    sqlDate: compact,
    monthYear: compact.slice(0, 6),
    year: compact.slice(0, 4),
    fractionDate: `${d.year}.${String(fraction).padStart(4, '0')}`,
  };
}

/** An ISO time as `YYYYMMDDHHMMSS` in UTC (GDELT DATEADDED); empty when unparsable. */
export function compactTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

export interface PloverModeContext {
  mode: string[];
  context: string[];
}

/**
 * PLOVER mode and context of a CAMEO code, from the notes column of data/cameo/cameo-codes.tsv
 * (`mode=visit`, `mode=investigate; context=crime;corruption`). Empty for codes without notes or
 * unknown codes.
 */
export function ploverModeContext(code: string): PloverModeContext {
  const out: PloverModeContext = { mode: [], context: [] };
  let description: string;
  try {
    description = cameoInfo(code).description;
  } catch {
    return out;
  }
  for (const part of description.split(/;\s+/)) {
    const m = /^(mode|context)=(.+)$/.exec(part.trim());
    if (!m) continue;
    const values = m[2]!
      .split(';')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    out[m[1] as 'mode' | 'context'].push(...values);
  }
  return out;
}

/** Sentence spans of an article text, split as the pipeline splits them (markup masked, offsets kept). */
export function sentenceSpans(text: string): Array<[number, number]> {
  return splitSentences(maskMarkup(text)).map((s) => [s.start, s.end]);
}

/**
 * The text of the sentence a mention was read from, cut from the article text exactly as given.
 * Null when the text no longer holds the trigger there (the article was replaced) or the sentence
 * index is out of range.
 */
export function mentionSentence(
  text: string,
  spans: ReadonlyArray<[number, number]>,
  m: Pick<Mention, 'sentence' | 'start' | 'end'>,
): string | null {
  const s = spans[m.sentence];
  if (!s || m.start < s[0] || m.end > s[1]) return null;
  return text.slice(s[0], s[1]);
}
