import { describe, expect, it } from 'vitest';
import { numericEventId } from './fields.js';
import { GDELT_COLUMNS, gdeltCell, gdeltRow, writeGdelt } from './gdelt.js';
import { TextSink } from './sink.js';
import {
  ACCUSATION,
  ALL,
  captureStream,
  fromArray,
  lookup,
  STATEMENT,
  STRIKE,
  VISIT,
} from './test-fixtures.js';

const col = (name: string): number => {
  const i = GDELT_COLUMNS.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};

async function exportLines(events = ALL, header = false): Promise<string[]> {
  const cap = captureStream();
  const sink = new TextSink(cap.stream);
  const counts = await writeGdelt(fromArray(events), sink, { header, articles: lookup });
  await sink.close(false);
  expect(counts.rows).toBe(events.length);
  const text = cap.text();
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

function cells(lines: string[], i: number): string[] {
  return lines[i]!.split('\t');
}

describe('GDELT 2.0 event table', () => {
  it('has the 61 columns in GDELT order', () => {
    expect(GDELT_COLUMNS).toHaveLength(61);
    expect(new Set(GDELT_COLUMNS).size).toBe(61);
    expect(GDELT_COLUMNS[0]).toBe('GLOBALEVENTID');
    expect(col('Actor1Code')).toBe(5);
    expect(col('Actor2Code')).toBe(15);
    expect(col('IsRootEvent')).toBe(25);
    expect(col('AvgTone')).toBe(34);
    expect(col('Actor1Geo_Type')).toBe(35);
    expect(col('ActionGeo_Type')).toBe(51);
    expect(col('ActionGeo_FeatureID')).toBe(58);
    expect(GDELT_COLUMNS[59]).toBe('DATEADDED');
    expect(GDELT_COLUMNS[60]).toBe('SOURCEURL');
  });

  it('writes one line of 61 tab-separated fields per event, no header unless asked', async () => {
    const lines = await exportLines();
    expect(lines).toHaveLength(ALL.length);
    for (const l of lines) expect(l.split('\t')).toHaveLength(61);
    expect(lines[0]!.startsWith('GLOBALEVENTID')).toBe(false);
    const withHeader = await exportLines(ALL, true);
    expect(withHeader).toHaveLength(ALL.length + 1);
    expect(withHeader[0]!.split('\t')).toEqual([...GDELT_COLUMNS]);
  });

  it('removes tabs and line breaks from values', async () => {
    const odd = {
      ...ACCUSATION,
      id: 'ev-odd',
      source: {
        code: 'IMGAQD',
        country: null,
        actor: null,
        name: null,
        text: 'تنظيم\tالقاعدة\r\nفي\u2028اليمن',
      },
    };
    const lines = await exportLines([odd]);
    expect(lines).toHaveLength(1);
    const c = cells(lines, 0);
    expect(c).toHaveLength(61);
    expect(c[col('Actor1Name')]).toBe('تنظيم القاعدة  في اليمن');
    expect(gdeltCell('a\tb\nc\rd')).toBe('a b c d');
    expect(gdeltCell(null)).toBe('');
  });

  it('fills the key columns of a merged visit', async () => {
    const c = cells(await exportLines([VISIT]), 0);
    const v = (name: string): string => c[col(name)]!;
    expect(v('GLOBALEVENTID')).toBe(numericEventId(VISIT.id).toString());
    expect(v('GLOBALEVENTID')).toMatch(/^\d{1,19}$/);
    expect(v('SQLDATE')).toBe('20251015');
    expect(v('MonthYear')).toBe('202510');
    expect(v('Year')).toBe('2025');
    expect(v('FractionDate')).toBe('2025.7890');
    expect(v('Actor1Code')).toBe('SYRGOV');
    expect(v('Actor1Name')).toBe('Asaad al-Shaibani');
    expect(v('Actor1CountryCode')).toBe('SYR');
    expect(v('Actor1Type1Code')).toBe('GOV');
    expect(v('Actor1Type2Code')).toBe('');
    expect(v('Actor2Code')).toBe('RUS');
    expect(v('Actor2Name')).toBe('Russia');
    expect(v('Actor2CountryCode')).toBe('RUS');
    expect(v('Actor2Type1Code')).toBe('');
    expect(v('IsRootEvent')).toBe('1');
    expect(v('EventCode')).toBe('042');
    expect(v('EventBaseCode')).toBe('042');
    expect(v('EventRootCode')).toBe('04');
    expect(v('QuadClass')).toBe('1');
    expect(v('GoldsteinScale')).toBe('1.9');
    expect(v('NumMentions')).toBe('2');
    expect(v('NumSources')).toBe('2');
    expect(v('NumArticles')).toBe('2');
    expect(v('AvgTone')).toBe('');
    expect(v('Actor1Geo_Type')).toBe('0');
    expect(v('Actor1Geo_FullName')).toBe('');
    expect(v('Actor2Geo_Type')).toBe('0');
    expect(v('ActionGeo_Type')).toBe('4');
    expect(v('ActionGeo_FullName')).toBe('Moscow, Russia');
    expect(v('ActionGeo_CountryCode')).toBe('RS');
    expect(v('ActionGeo_Lat')).toBe('55.752');
    expect(v('ActionGeo_Long')).toBe('37.6178');
    expect(v('ActionGeo_FeatureID')).toBe('moscow');
    expect(v('DATEADDED')).toBe('20251015093012');
    expect(v('SOURCEURL')).toBe('https://example.org/ar/news/2025/10/15/shaibani-moscow');
  });

  it('splits IGO codes, writes month dates as their first day, and falls back to the article id', () => {
    const c = gdeltRow(ACCUSATION, null);
    expect(c).toHaveLength(61);
    const v = (name: string): string => c[col(name)]!;
    expect(v('SQLDATE')).toBe('20251101');
    expect(v('MonthYear')).toBe('202511');
    expect(v('Actor1Code')).toBe('IGOUNO');
    expect(v('Actor1CountryCode')).toBe('');
    expect(v('Actor1KnownGroupCode')).toBe('UNO');
    expect(v('Actor1Type1Code')).toBe('IGO');
    expect(v('Actor1Name')).toBe('United Nations');
    expect(v('Actor2CountryCode')).toBe('ISR');
    expect(v('Actor2Type1Code')).toBe('MIL');
    expect(v('Actor2Name')).toBe('Israel');
    expect(v('IsRootEvent')).toBe('0');
    expect(v('QuadClass')).toBe('3');
    expect(v('GoldsteinScale')).toBe('-2');
    expect(v('ActionGeo_Type')).toBe('0');
    expect(v('ActionGeo_CountryCode')).toBe('');
    expect(v('SOURCEURL')).toBe('un-2025-11-03');
  });

  it('leaves the dates of an undated event empty and codes country places and Gaza in FIPS', () => {
    const s = gdeltRow(STATEMENT, null);
    expect(s[col('SQLDATE')]).toBe('');
    expect(s[col('FractionDate')]).toBe('');
    expect(s[col('Actor2Code')]).toBe('');
    expect(s[col('ActionGeo_Type')]).toBe('1');
    expect(s[col('ActionGeo_FullName')]).toBe('Egypt');
    expect(s[col('ActionGeo_CountryCode')]).toBe('EG');
    expect(s[col('ActionGeo_ADM1Code')]).toBe('EG');
    expect(s[col('ActionGeo_Lat')]).toBe('');
    const g = gdeltRow(STRIKE, null);
    expect(g[col('ActionGeo_CountryCode')]).toBe('GZ');
    expect(g[col('ActionGeo_FullName')]).toBe('Gaza, Palestine');
    expect(g[col('FractionDate')]).toBe('2025.9999');
    expect(g[col('Actor2CountryCode')]).toBe('PSE');
  });

  it('derives distinct stable numeric ids', () => {
    expect(numericEventId('ev-a')).toBe(numericEventId('ev-a'));
    expect(numericEventId('ev-a')).not.toBe(numericEventId('ev-b'));
    expect(numericEventId('ev-a') < 2n ** 63n).toBe(true);
  });
});
