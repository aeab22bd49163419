import { describe, expect, it } from 'vitest';
import { ploverModeContext } from './fields.js';
import { type PloverRecord, ploverRecord, writePlover } from './plover.js';
import { TextSink } from './sink.js';
import {
  ACCUSATION,
  ALL,
  ARTICLES,
  captureStream,
  fromArray,
  lookup,
  STRIKE,
  VISIT,
} from './test-fixtures.js';

async function exportRecords(opts: Parameters<typeof writePlover>[2] = { articles: lookup }) {
  const cap = captureStream();
  const sink = new TextSink(cap.stream);
  const counts = await writePlover(fromArray(ALL), sink, opts);
  await sink.close(false);
  const records = cap
    .text()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as PloverRecord);
  return { counts, records };
}

describe('PLOVER JSON Lines', () => {
  it('writes one object per event with a PLOVER type and skips CAMEO 01x statements', async () => {
    const { counts, records } = await exportRecords();
    expect(counts.events).toBe(4);
    expect(counts.skipped).toBe(1);
    expect(counts.rows).toBe(3);
    expect(records.map((r) => r.id)).toEqual([VISIT.id, ACCUSATION.id, STRIKE.id]);
  });

  it('maps a merged visit to PLOVER fields', async () => {
    const { records } = await exportRecords();
    const r = records[0]!;
    expect(r.date).toBe('2025-10-15');
    expect(r.date_precision).toBe('day');
    expect(r.event).toEqual(['CONSULT']);
    expect(r.event_type).toBe('CONSULT');
    expect(r.mode).toEqual(['visit']);
    expect(r.context).toEqual([]);
    expect(r.source).toEqual([
      {
        code: 'SYR',
        sector: 'GOV',
        cameo_code: 'SYRGOV',
        actor_text: 'وزير الخارجية السوري أسعد الشيباني',
        identifier_id: 'Q106584212',
        identifier_text: 'Asaad al-Shaibani',
      },
    ]);
    expect(r.recipient[0]?.code).toBe('RUS');
    expect(r.recipient[0]?.sector).toBeNull();
    expect(r.event_loc).toEqual({
      name: 'Moscow',
      name_ar: 'موسكو',
      latitude: 55.752,
      longitude: 37.6178,
      'country code': 'RU',
      cc3: 'RUS',
    });
    expect(r.event_text).toEqual(['وصل', 'استقبل']);
    expect(r.quad_code).toBe(1);
    expect(r.event_scale).toBe(1.9);
    expect(r.cite_info?.url).toBe(ARTICLES['sana-2025-10-15-01']!.url);
    expect(r.cite_info?.title).toBe('الشيباني يصل إلى موسكو');
    expect(r.coded_time).toBe(VISIT.added);
  });

  it("gives each mention the sentence it was read from, cut from the article's text", async () => {
    const { counts, records } = await exportRecords();
    expect(counts.mentions).toBe(2);
    const ms = records[0]!.mentions!;
    expect(ms).toHaveLength(2);
    expect(ms[0]!.source_text).toBe('وصل وزير الخارجية السوري أسعد الشيباني إلى موسكو صباح اليوم.');
    expect(ms[0]!.text_info).toEqual({
      sequence: 1,
      start: VISIT.mentions![0]!.start,
      end: VISIT.mentions![0]!.end,
    });
    expect(ms[0]!.date_text).toBe('صباح اليوم');
    expect(ms[1]!.source_text).toBe(ARTICLES['rt-2025-10-16-07']!.text);
    expect(ms[1]!.url).toBeNull();
    expect(ms[1]!.publication).toBe('rt-arabic');
  });

  it('works without article lookups and without mentions', async () => {
    const { records } = await exportRecords({});
    expect(records[0]!.cite_info).toBeNull();
    expect(records[0]!.mentions![0]!.source_text).toBeNull();
    const acc = records[1]!;
    expect(acc.mentions).toBeUndefined();
    expect(acc.date).toBe('2025-11-01');
    expect(acc.date_precision).toBe('month');
    expect(acc.source[0]).toMatchObject({ code: 'IGO', sector: 'UNO', identifier_text: 'United Nations' });
    expect(acc.event_loc).toBeNull();
    expect(acc.mode).toEqual(['disapprove']);
    const noMentions = await exportRecords({ mentions: false });
    expect(noMentions.records[0]!.mentions).toBeUndefined();
  });

  it('reads mode and context from the CAMEO table notes', () => {
    expect(ploverModeContext('091')).toEqual({ mode: ['investigate'], context: ['crime', 'corruption'] });
    expect(ploverModeContext('0871')).toEqual({ mode: ['ceasefire'], context: ['military'] });
    expect(ploverModeContext('190')).toEqual({ mode: [], context: ['military'] });
    expect(ploverModeContext('999')).toEqual({ mode: [], context: [] });
    expect(ploverRecord({ ...STRIKE, plover: null }, null, undefined)).toBeNull();
  });
});
