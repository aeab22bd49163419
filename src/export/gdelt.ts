/**
 * GDELT 2.0 event table layout: the 61 columns in GDELT's order, tab-separated, one event per
 * line, no header unless asked. Streams: one line per event, nothing buffered.
 * The column-by-column mapping is in docs/export-formats.md.
 */
import type { EventActor, StoredEvent } from '../store/types.js';
import { splitActorCode } from './actor-code.js';
import { compactTimestamp, gdeltDates, numericEventId } from './fields.js';
import { type GeoBlock, geoBlock, NO_GEO } from './geo.js';
import type { TextSink } from './sink.js';
import { countryCodes } from './tables.js';
import { type ArticleLookup, type ExportCounts, emptyCounts } from './types.js';

const ACTOR = [
  'Code',
  'Name',
  'CountryCode',
  'KnownGroupCode',
  'EthnicCode',
  'Religion1Code',
  'Religion2Code',
  'Type1Code',
  'Type2Code',
  'Type3Code',
];
const GEO = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** The 61 column names of GDELT 2.0's event table, in order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR.map((c) => `Actor1${c}`),
  ...ACTOR.map((c) => `Actor2${c}`),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO.map((c) => `Actor1Geo_${c}`),
  ...GEO.map((c) => `Actor2Geo_${c}`),
  ...GEO.map((c) => `ActionGeo_${c}`),
  'DATEADDED',
  'SOURCEURL',
];

/** A value as a GDELT cell: tabs, line breaks and other control characters become spaces. */
export function gdeltCell(v: string | number | bigint | null | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\n\r\v\f\u0085\u2028\u2029\u0000-\u001f\u007f]/g, ' ');
}

/**
 * Actor name: the known actor's English name, else the English name of the code's country (GDELT
 * names are English), else the mention text as written (IGOs, groups without a known actor).
 */
function actorName(a: EventActor, country: string): string {
  if (a.name) return a.name;
  const c = countryCodes(country);
  if (c) return c.name;
  return a.text ?? '';
}

function actorCells(a: EventActor | null): string[] {
  if (!a) return ACTOR.map(() => '');
  const p = splitActorCode(a.code, a.country);
  return [
    a.code,
    actorName(a, p.country),
    p.country,
    p.knownGroup,
    p.ethnic,
    p.religion1,
    p.religion2,
    ...p.types,
  ];
}

function geoCells(g: GeoBlock): Array<string | number | null> {
  return [g.type, g.fullName, g.countryCode, g.adm1, g.adm2, g.lat, g.lon, g.featureId];
}

/**
 * IsRootEvent: 1 when a mention comes from the first two sentences of its article (the headline
 * and lead: GDELT's "lead paragraph"), else 0; 0 when mentions were not loaded.
 */
export function isRootEvent(e: StoredEvent): number {
  return e.mentions?.some((m) => m.sentence <= 1) ? 1 : 0;
}

/** The 61 cells of an event. `url` is the first mention's article URL when known. */
export function gdeltRow(e: StoredEvent, url: string | null): string[] {
  const d = gdeltDates(e.date);
  const cells: Array<string | number | bigint | null> = [
    numericEventId(e.id),
    d.sqlDate,
    d.monthYear,
    d.year,
    d.fractionDate,
    ...actorCells(e.source),
    ...actorCells(e.target),
    isRootEvent(e),
    e.code,
    e.code.slice(0, 3),
    e.root,
    e.quad,
    e.goldstein,
    e.num_mentions,
    e.num_sources,
    e.num_articles,
    '', // AvgTone: Rasad scores no tone
    ...geoCells(NO_GEO),
    ...geoCells(NO_GEO),
    ...geoCells(geoBlock(e.place)),
    compactTimestamp(e.added),
    url ?? e.mentions?.[0]?.article ?? e.first_article,
  ];
  return cells.map(gdeltCell);
}

/** The article whose URL is SOURCEURL: the first mention's, else the event's first article. */
function firstArticle(e: StoredEvent): string {
  return e.mentions?.[0]?.article ?? e.first_article;
}

export async function writeGdelt(
  events: AsyncIterable<StoredEvent>,
  sink: TextSink,
  opts: { header?: boolean; articles?: ArticleLookup } = {},
): Promise<ExportCounts> {
  const counts = emptyCounts();
  if (opts.header) await sink.write(`${GDELT_COLUMNS.join('\t')}\n`);
  for await (const e of events) {
    counts.events++;
    const url = opts.articles ? ((await opts.articles(firstArticle(e)))?.url ?? null) : null;
    await sink.write(`${gdeltRow(e, url).join('\t')}\n`);
    counts.rows++;
    counts.mentions += e.mentions?.length ?? 0;
  }
  return counts;
}
