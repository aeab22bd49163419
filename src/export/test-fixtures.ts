/**
 * Hand-written merged events for the export tests (Arabic and English values written for these
 * tests), articles to look URLs and texts up in, and an in-memory async iterable. No store backend.
 */
import { Writable } from 'node:stream';
import type { EventActor, Mention, StoredEvent } from '../store/types.js';
import type { Actor, EventRecord, Place } from '../types.js';
import type { ArticleInfo, ArticleLookup } from './types.js';

export const ARTICLES: Record<string, ArticleInfo> = {
  'sana-2025-10-15-01': {
    id: 'sana-2025-10-15-01',
    url: 'https://example.org/ar/news/2025/10/15/shaibani-moscow',
    title: 'الشيباني يصل إلى موسكو',
    source: 'example.org',
    published: '2025-10-15',
    text: 'الشيباني يصل إلى موسكو\nوصل وزير الخارجية السوري أسعد الشيباني إلى موسكو صباح اليوم. وبحث الشيباني مع نظيره الروسي سيرغي لافروف العلاقات الثنائية.',
  },
  'rt-2025-10-16-07': {
    id: 'rt-2025-10-16-07',
    url: null,
    title: null,
    source: 'rt-arabic',
    published: '2025-10-16',
    text: 'قالت وزارة الخارجية الروسية إن لافروف استقبل أمس وزير الخارجية السوري في موسكو.',
  },
};

export const lookup: ArticleLookup = async (id) => ARTICLES[id] ?? null;

function span(article: string, text: string, from = 0): { start: number; end: number; text: string } {
  const body = ARTICLES[article]?.text ?? '';
  const start = body.indexOf(text, from);
  if (start < 0) throw new Error(`fixture: "${text}" not in ${article}`);
  return { start, end: start + text.length, text };
}

function actor(
  article: string,
  text: string,
  code: string,
  country: string | null,
  id: string | null,
  name: string | null,
): Actor {
  return { ...span(article, text), code, country, actor: id, name };
}

const MOSCOW: Place = { name: 'Moscow', name_ar: 'موسكو', country: 'RUS', lat: 55.752, lon: 37.6178 };

function record(
  over: Partial<EventRecord> & Pick<EventRecord, 'id' | 'article' | 'sentence' | 'trigger'>,
): EventRecord {
  return {
    code: '042',
    root: '04',
    quad: 1,
    goldstein: 1.9,
    plover: 'CONSULT',
    source: null,
    target: null,
    date: '2025-10-15',
    date_text: null,
    place: MOSCOW,
    modality: 'asserted',
    pattern: 'visit.wasala-ila',
    confidence: 0.9,
    ...over,
  };
}

function mention(r: EventRecord, event: string, outlet: string | null): Mention {
  return {
    id: r.id,
    event,
    article: r.article,
    sentence: r.sentence,
    start: r.trigger.start,
    end: r.trigger.end,
    trigger: r.trigger.text,
    code: r.code,
    modality: r.modality,
    confidence: r.confidence,
    pattern: r.pattern,
    outlet,
    record: r,
  };
}

const shaibani = (a: string, text: string): Actor =>
  actor(a, text, 'SYRGOV', 'SYR', 'Q106584212', 'Asaad al-Shaibani');

const r1 = record({
  id: 'sana-2025-10-15-01:1:0',
  article: 'sana-2025-10-15-01',
  sentence: 1,
  trigger: span('sana-2025-10-15-01', 'وصل'),
  source: shaibani('sana-2025-10-15-01', 'وزير الخارجية السوري أسعد الشيباني'),
  target: actor('sana-2025-10-15-01', 'موسكو', 'RUS', 'RUS', null, null),
  date_text: 'صباح اليوم',
});
const r2 = record({
  id: 'rt-2025-10-16-07:0:0',
  article: 'rt-2025-10-16-07',
  sentence: 0,
  trigger: span('rt-2025-10-16-07', 'استقبل'),
  code: '042',
  source: shaibani('rt-2025-10-16-07', 'وزير الخارجية السوري'),
  target: actor('rt-2025-10-16-07', 'لافروف', 'RUS', 'RUS', null, null),
  date: '2025-10-15',
  date_text: 'أمس',
  pattern: 'visit.istaqbala',
  confidence: 0.8,
});

const evActor = (a: Actor | null): EventActor | null =>
  a ? { code: a.code, country: a.country, actor: a.actor, name: a.name, text: a.text } : null;

/** A visit reported by two outlets, with mentions, a city place and a day date. */
export const VISIT: StoredEvent = {
  id: 'ev-sana-2025-10-15-01:1:0',
  code: '042',
  root: '04',
  quad: 1,
  goldstein: 1.9,
  plover: 'CONSULT',
  source: evActor(r1.source),
  target: evActor(r1.target),
  date: '2025-10-15',
  place: MOSCOW,
  modality: 'asserted',
  confidence: 0.9,
  num_mentions: 2,
  num_articles: 2,
  num_sources: 2,
  first_article: 'sana-2025-10-15-01',
  trigger: 'وصل',
  added: '2025-10-15T09:30:12.345Z',
  mentions: [
    mention(r1, 'ev-sana-2025-10-15-01:1:0', 'example.org'),
    mention(r2, 'ev-sana-2025-10-15-01:1:0', 'rt-arabic'),
  ],
};

/** A UN accusation with a month date, no place, no mentions loaded, and a tab and newline in an actor's text. */
export const ACCUSATION: StoredEvent = {
  id: 'ev-un-2025-11-03:4:1',
  code: '112',
  root: '11',
  quad: 3,
  goldstein: -2,
  plover: 'ACCUSE',
  source: { code: 'IGOUNO', country: null, actor: 'un', name: 'United Nations', text: 'الأمم المتحدة' },
  target: { code: 'ISRMIL', country: 'ISR', actor: null, name: null, text: 'الجيش\tالإسرائيلي\nفي الضفة' },
  date: '2025-11',
  place: null,
  modality: 'asserted',
  confidence: 0.75,
  num_mentions: 1,
  num_articles: 1,
  num_sources: 1,
  first_article: 'un-2025-11-03',
  trigger: 'اتهمت',
  added: '2025-11-03T18:00:00Z',
};

/** A statement (CAMEO 010: no PLOVER type), no date, a country-level place, a comma and quotes in a text. */
export const STATEMENT: StoredEvent = {
  id: 'ev-ahram-2025-12-01:0:0',
  code: '010',
  root: '01',
  quad: 1,
  goldstein: 0,
  plover: null,
  source: { code: 'EGYGOV', country: 'EGY', actor: null, name: null, text: '"الخارجية المصرية", في القاهرة' },
  target: null,
  date: null,
  place: { name: 'Egypt', name_ar: 'مصر', country: 'EGY', lat: null, lon: null },
  modality: 'negated',
  confidence: 0.6,
  num_mentions: 1,
  num_articles: 1,
  num_sources: 1,
  first_article: 'ahram-2025-12-01',
  trigger: 'أكدت',
  added: '2025-12-01T07:05:09Z',
};

/** Fighting in Gaza city (FIPS GZ), on the last day of a year. */
export const STRIKE: StoredEvent = {
  id: 'ev-wafa-2025-12-31:2:0',
  code: '190',
  root: '19',
  quad: 4,
  goldstein: -10,
  plover: 'ASSAULT',
  source: { code: 'ISRMIL', country: 'ISR', actor: null, name: null, text: 'جيش الاحتلال' },
  target: { code: 'PSE', country: 'PSE', actor: null, name: null, text: 'الفلسطينيين' },
  date: '2025-12-31',
  place: { name: 'Gaza', name_ar: 'غزة', country: 'PSE', lat: 31.5016, lon: 34.4667 },
  modality: 'asserted',
  confidence: 0.85,
  num_mentions: 1,
  num_articles: 1,
  num_sources: 1,
  first_article: 'wafa-2025-12-31',
  trigger: 'قصف',
  added: '2025-12-31T23:59:59Z',
};

export const ALL: readonly StoredEvent[] = [VISIT, ACCUSATION, STATEMENT, STRIKE];

/** An in-memory async iterable, as a store's `iterateEvents` gives. */
export async function* fromArray<T>(items: readonly T[]): AsyncIterable<T> {
  for (const x of items) yield x;
}

/** A generated stream of `n` events (ids differ), without holding them all. */
export async function* many(n: number): AsyncIterable<StoredEvent> {
  for (let i = 0; i < n; i++) yield { ...ACCUSATION, id: `ev-gen-${i}` };
}

/** A writable stream that keeps what is written, as one string. */
export function captureStream(): { stream: NodeJS.WritableStream; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
