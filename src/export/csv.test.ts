import { describe, expect, it } from 'vitest';
import { csvField, writeCsv } from './csv.js';
import { EVENT_COLUMNS, MENTION_COLUMNS } from './flat.js';
import { TextSink } from './sink.js';
import { ACCUSATION, ALL, captureStream, fromArray, lookup, STATEMENT, VISIT } from './test-fixtures.js';

/** A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const m = /[,\r]/.exec(text.slice(i));
      const end = m ? i + m.index : text.length;
      field = text.slice(i, end);
      if (field.includes('"') || field.includes('\n'))
        throw new Error(`unquoted field with a quote or LF: ${field}`);
      i = end;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i >= text.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}`);
  }
}

async function exportCsv(events = ALL, opts: Parameters<typeof writeCsv>[2] = {}) {
  const cap = captureStream();
  const sink = new TextSink(cap.stream);
  const counts = await writeCsv(fromArray(events), sink, opts);
  await sink.close(false);
  return { counts, text: cap.text() };
}

describe('CSV export', () => {
  it('quotes fields as RFC 4180 requires', () => {
    expect(csvField('بسيط')).toBe('بسيط');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('قال "نعم"')).toBe('"قال ""نعم"""');
    expect(csvField('سطر\nثان')).toBe('"سطر\nثان"');
    expect(csvField(null)).toBe('');
    expect(csvField(-2)).toBe('-2');
  });

  it('writes a header and one row per event that read back to the same values', async () => {
    const { counts, text } = await exportCsv();
    expect(counts.rows).toBe(ALL.length);
    expect(text.startsWith('\uFEFF')).toBe(false);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(EVENT_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(ALL.length + 1);
    for (const r of rows) expect(r).toHaveLength(EVENT_COLUMNS.length);
    const get = (row: number, name: string): string => rows[row]![rows[0]!.indexOf(name)]!;
    expect(get(1, 'id')).toBe(VISIT.id);
    expect(get(1, 'source_text')).toBe('وزير الخارجية السوري أسعد الشيباني');
    expect(get(1, 'place_name_ar')).toBe('موسكو');
    expect(get(1, 'place_lat')).toBe('55.752');
    expect(get(2, 'target_text')).toBe(ACCUSATION.target!.text);
    expect(get(2, 'date')).toBe('2025-11');
    expect(get(3, 'source_text')).toBe(STATEMENT.source!.text);
    expect(get(3, 'date')).toBe('');
    expect(get(3, 'plover')).toBe('');
    expect(get(3, 'place_lat')).toBe('');
  });

  it('adds a BOM for Excel, drops the header on request, and adds article URLs when it can look them up', async () => {
    const { text } = await exportCsv([VISIT], { bom: true, header: false, articles: lookup });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe(VISIT.id);
    expect(rows[0]!.at(-1)).toBe('https://example.org/ar/news/2025/10/15/shaibani-moscow');
  });

  it('writes one row per mention with --mentions, and one row for an event whose mentions were not loaded', async () => {
    const { counts, text } = await exportCsv([VISIT, ACCUSATION], { mentions: true, articles: lookup });
    expect(counts.rows).toBe(3);
    expect(counts.mentions).toBe(2);
    const rows = parseCsv(text);
    const header = rows[0]!;
    expect(header).toEqual([
      ...EVENT_COLUMNS.map((c) => c.name),
      'url',
      ...MENTION_COLUMNS.map((c) => c.name),
      'mention_url',
    ]);
    for (const r of rows) expect(r).toHaveLength(header.length);
    const get = (row: number, name: string): string => rows[row]![header.indexOf(name)]!;
    expect(get(1, 'mention_trigger')).toBe('وصل');
    expect(get(2, 'mention_trigger')).toBe('استقبل');
    expect(get(2, 'mention_article')).toBe('rt-2025-10-16-07');
    expect(get(2, 'mention_date_text')).toBe('أمس');
    expect(get(1, 'mention_url')).toBe('https://example.org/ar/news/2025/10/15/shaibani-moscow');
    expect(get(2, 'mention_url')).toBe('');
    expect(get(3, 'id')).toBe(ACCUSATION.id);
    expect(get(3, 'mention_id')).toBe('');
  });
});
