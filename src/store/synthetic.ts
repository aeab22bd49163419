/**
 * A synthetic SQLite store for benchmarks: `generateSyntheticStore(path, { events, seed })` fills
 * a new store with N merged events that look like real ones — actor codes drawn from a skewed
 * distribution over Middle-East and world countries and sectors (SYR, RUS, USA, ISR, PSE …; GOV,
 * MIL …), CAMEO codes of data/cameo weighted by root, dates over 2021–2025 (mostly days, some
 * months, a few undated), places with coordinates, 1–5 mentions each, in short Arabic articles
 * composed from templates (with real trigger and actor offsets, indexed for full-text search).
 *
 * Deterministic for a seed. Fast: rows go in with big transactions while the secondary indexes are
 * dropped, and the indexes and summary tables are built once at the end.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { RasadError } from '../errors.js';
import { type CameoInfo, loadCameo } from '../events/cameo.js';
import type { Actor, EventRecord, Modality, Place } from '../types.js';
import { mergeKey } from './merge.js';
import { EVENT_COLUMNS, eventValues, firstDay } from './rows.js';
import { indexTerms } from './search-text.js';
import { connect, type Db, migrate } from './sqlite/database.js';
import type { StoredEvent } from './types.js';

export interface SyntheticOptions {
  events: number;
  /** Random seed (default 1): the same seed and size give the same store. */
  seed?: number;
}

export interface SyntheticResult {
  events: number;
  mentions: number;
  articles: number;
}

/** mulberry32: a small, fast, seedable generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: ReadonlyArray<readonly [T, number]>): (r: number) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of items) {
    acc += w / total;
    cum.push(acc);
  }
  return (r: number) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r < cum[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]![0];
  };
}

interface CountrySpec {
  code: string;
  en: string;
  ar: string;
  weight: number;
  cities: Array<[string, string, number, number]>;
}

const COUNTRIES: CountrySpec[] = [
  {
    code: 'SYR',
    en: 'Syria',
    ar: 'سوريا',
    weight: 12,
    cities: [
      ['Damascus', 'دمشق', 33.51, 36.29],
      ['Aleppo', 'حلب', 36.2, 37.16],
      ['Homs', 'حمص', 34.73, 36.71],
      ['Idlib', 'إدلب', 35.93, 36.63],
      ['Deir ez-Zor', 'دير الزور', 35.34, 40.14],
    ],
  },
  {
    code: 'RUS',
    en: 'Russia',
    ar: 'روسيا',
    weight: 8,
    cities: [
      ['Moscow', 'موسكو', 55.76, 37.62],
      ['Sochi', 'سوتشي', 43.6, 39.73],
    ],
  },
  {
    code: 'USA',
    en: 'United States',
    ar: 'الولايات المتحدة',
    weight: 10,
    cities: [
      ['Washington', 'واشنطن', 38.9, -77.04],
      ['New York', 'نيويورك', 40.71, -74.01],
    ],
  },
  { code: 'ISR', en: 'Israel', ar: 'إسرائيل', weight: 9, cities: [['Tel Aviv', 'تل أبيب', 32.09, 34.78]] },
  {
    code: 'PSE',
    en: 'Palestine',
    ar: 'فلسطين',
    weight: 8,
    cities: [
      ['Gaza', 'غزة', 31.5, 34.47],
      ['Ramallah', 'رام الله', 31.9, 35.2],
      ['Khan Younis', 'خان يونس', 31.34, 34.31],
    ],
  },
  {
    code: 'EGY',
    en: 'Egypt',
    ar: 'مصر',
    weight: 6,
    cities: [
      ['Cairo', 'القاهرة', 30.04, 31.24],
      ['Sharm el-Sheikh', 'شرم الشيخ', 27.92, 34.33],
    ],
  },
  { code: 'IRN', en: 'Iran', ar: 'إيران', weight: 6, cities: [['Tehran', 'طهران', 35.69, 51.39]] },
  {
    code: 'TUR',
    en: 'Turkey',
    ar: 'تركيا',
    weight: 5,
    cities: [
      ['Ankara', 'أنقرة', 39.93, 32.86],
      ['Istanbul', 'إسطنبول', 41.01, 28.98],
    ],
  },
  {
    code: 'SAU',
    en: 'Saudi Arabia',
    ar: 'السعودية',
    weight: 5,
    cities: [
      ['Riyadh', 'الرياض', 24.71, 46.68],
      ['Jeddah', 'جدة', 21.49, 39.19],
    ],
  },
  {
    code: 'IRQ',
    en: 'Iraq',
    ar: 'العراق',
    weight: 5,
    cities: [
      ['Baghdad', 'بغداد', 33.31, 44.36],
      ['Erbil', 'أربيل', 36.19, 44.01],
      ['Mosul', 'الموصل', 36.34, 43.13],
    ],
  },
  { code: 'LBN', en: 'Lebanon', ar: 'لبنان', weight: 4, cities: [['Beirut', 'بيروت', 33.89, 35.5]] },
  {
    code: 'YEM',
    en: 'Yemen',
    ar: 'اليمن',
    weight: 4,
    cities: [
      ['Sanaa', 'صنعاء', 15.37, 44.19],
      ['Aden', 'عدن', 12.79, 45.02],
    ],
  },
  {
    code: 'ARE',
    en: 'United Arab Emirates',
    ar: 'الإمارات',
    weight: 3,
    cities: [
      ['Abu Dhabi', 'أبوظبي', 24.45, 54.38],
      ['Dubai', 'دبي', 25.2, 55.27],
    ],
  },
  { code: 'QAT', en: 'Qatar', ar: 'قطر', weight: 3, cities: [['Doha', 'الدوحة', 25.29, 51.53]] },
  { code: 'JOR', en: 'Jordan', ar: 'الأردن', weight: 3, cities: [['Amman', 'عمّان', 31.95, 35.93]] },
  { code: 'LBY', en: 'Libya', ar: 'ليبيا', weight: 2, cities: [['Tripoli', 'طرابلس', 32.89, 13.19]] },
  { code: 'SDN', en: 'Sudan', ar: 'السودان', weight: 2, cities: [['Khartoum', 'الخرطوم', 15.5, 32.56]] },
  { code: 'FRA', en: 'France', ar: 'فرنسا', weight: 2, cities: [['Paris', 'باريس', 48.86, 2.35]] },
  { code: 'CHN', en: 'China', ar: 'الصين', weight: 2, cities: [['Beijing', 'بكين', 39.9, 116.41]] },
  {
    code: 'GBR',
    en: 'United Kingdom',
    ar: 'بريطانيا',
    weight: 2,
    cities: [['London', 'لندن', 51.51, -0.13]],
  },
  { code: 'DEU', en: 'Germany', ar: 'ألمانيا', weight: 1, cities: [['Berlin', 'برلين', 52.52, 13.4]] },
];

const IGOS: Array<{ code: string; en: string; ar: string; weight: number }> = [
  { code: 'IGOUNO', en: 'United Nations', ar: 'الأمم المتحدة', weight: 3 },
  { code: 'IGOARL', en: 'Arab League', ar: 'جامعة الدول العربية', weight: 1 },
];

const SECTORS: Array<[string, string, number]> = [
  ['', '', 25],
  ['GOV', 'حكومة', 35],
  ['MIL', 'جيش', 15],
  ['REB', 'فصائل مسلحة في', 4],
  ['OPP', 'معارضة', 4],
  ['COP', 'شرطة', 3],
  ['SPY', 'استخبارات', 2],
  ['LEG', 'برلمان', 3],
  ['BUS', 'شركات', 3],
  ['MED', 'إعلام', 2],
  ['CVL', 'مدنيون في', 4],
];

/** CAMEO roots weighted roughly as news reports them; a verb phrase for each. */
const ROOTS: Array<[string, number, string]> = [
  ['01', 10, 'صرح بشأن'],
  ['02', 6, 'طالب'],
  ['03', 6, 'تعهد بالتعاون مع'],
  ['04', 25, 'بحث مع'],
  ['05', 6, 'تعاون مع'],
  ['06', 3, 'نسق مع'],
  ['07', 3, 'قدم مساعدات إلى'],
  ['08', 3, 'استجاب لمطالب'],
  ['09', 1, 'حقق مع'],
  ['10', 2, 'طالب بتنازلات من'],
  ['11', 6, 'انتقد'],
  ['12', 3, 'رفض مقترح'],
  ['13', 3, 'هدد'],
  ['14', 2, 'تظاهر ضد'],
  ['15', 1, 'حشد قوات ضد'],
  ['16', 1, 'خفض العلاقات مع'],
  ['17', 3, 'فرض عقوبات على'],
  ['18', 5, 'هاجم'],
  ['19', 8, 'قصف'],
  ['20', 0.3, 'ارتكب مجزرة بحق'],
];

const OUTLETS = [
  'sana',
  'rt-arabic',
  'aljazeera',
  'alarabiya',
  'skynews-arabia',
  'aawsat',
  'almayadeen',
  'wafa',
  'ahram',
  'anadolu-ar',
  'bbc-arabic',
  'france24-ar',
  'alquds',
  'independent-ar',
];

const MODALITIES: Array<[Modality, number]> = [
  ['asserted', 85],
  ['future', 8],
  ['negated', 5],
  ['hypothetical', 2],
];

const MENTION_COUNTS: Array<[number, number]> = [
  [1, 60],
  [2, 20],
  [3, 10],
  [4, 6],
  [5, 4],
];

interface SynActor {
  actor: Actor;
  ar: string;
  country: CountrySpec | null;
}

const DAY_MS = 86_400_000;
const START_DAY = Date.UTC(2021, 0, 1) / DAY_MS;
const DAYS = 5 * 365 + 1;
/** Events generated and written per transaction. */
const BLOCK = 20_000;

const dayStrings = new Map<number, string>();

function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayStrings.set(day, s);
  }
  return s;
}

/** Fill a new SQLite store at `path` with `events` synthetic merged events. */
export async function generateSyntheticStore(path: string, opts: SyntheticOptions): Promise<SyntheticResult> {
  const n = Math.max(0, Math.floor(opts.events));
  if (path !== ':memory:' && !existsSync(path)) {
    // bigger pages for a big store (set before the first table is written)
    const pre = new Database(path);
    pre.pragma('page_size = 16384');
    pre.exec('CREATE TABLE page_size_probe (x); DROP TABLE page_size_probe');
    pre.close();
  }
  const db = connect(path);
  try {
    migrate(db);
    const used = db
      .prepare('SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM events)')
      .pluck()
      .get();
    if (used !== 0)
      throw new RasadError(
        'BAD_ARGUMENT',
        `synthetic store ${path} already holds data (expected a new or empty store)`,
      );
    return fill(db, n, opts.seed ?? 1);
  } finally {
    db.close();
  }
}

function fill(db: Db, n: number, seed: number): SyntheticResult {
  const rand = rng(seed);
  const cameo = loadCameo();
  const byRoot = new Map<string, CameoInfo[]>();
  for (const c of cameo.codes) {
    const list = byRoot.get(c.root) ?? [];
    list.push(c);
    byRoot.set(c.root, list);
  }
  const pickRoot = weighted(ROOTS.map(([r, w, verb]) => [{ root: r, verb }, w] as const));
  const pickCountry = weighted<CountrySpec | (typeof IGOS)[number]>([
    ...COUNTRIES.map((c) => [c, c.weight] as const),
    ...IGOS.map((c) => [c, c.weight] as const),
  ]);
  const pickSector = weighted(SECTORS.map(([code, ar, w]) => [{ code, ar }, w] as const));
  const pickModality = weighted(MODALITIES);
  const pickMentions = weighted(MENTION_COUNTS);

  const pickActor = (): SynActor => {
    const c = pickCountry(rand());
    if (!('cities' in c)) {
      return {
        actor: { code: c.code, country: null, actor: null, name: c.en, text: c.ar, start: 0, end: 0 },
        ar: c.ar,
        country: null,
      };
    }
    const s = pickSector(rand());
    let actor: string | null = null;
    let name: string | null = s.code === '' ? c.en : null;
    let ar = s.code === '' ? c.ar : `${s.ar} ${c.ar}`;
    if (s.code === 'GOV' && rand() < 0.4) {
      const head = rand() < 0.5;
      actor = `syn:${c.code.toLowerCase()}-${head ? 'head' : 'fm'}`;
      name = `${c.en} ${head ? 'head of state' : 'foreign minister'}`;
      ar = `${head ? 'رئيس' : 'وزير خارجية'} ${c.ar}`;
    }
    return {
      actor: { code: c.code + s.code, country: c.code, actor, name, text: ar, start: 0, end: 0 },
      ar,
      country: c,
    };
  };

  // event days in chronological order
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) days[i] = START_DAY + Math.floor(rand() * DAYS);
  days.sort();

  // bulk load: rollback journal in memory and no syncs (a crash leaves a file to delete), a big cache
  // for the index builds; WAL again at the end. (OFF is refused in SQLite's defensive mode.)
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('threads = 2');
  const idx = dropIndexes(db);
  const st = {
    article: db.prepare(
      `INSERT INTO articles (seq, id, hash, text, title, url, source, published, status, error, events, added)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'done', NULL, ?, ?)`,
    ),
    fts: db.prepare('INSERT INTO article_fts (rowid, terms) VALUES (?, ?)'),
    event: db.prepare(
      `INSERT INTO events (seq, ${EVENT_COLUMNS.join(', ')}) VALUES (?, ${EVENT_COLUMNS.map(() => '?').join(', ')})`,
    ),
    mention: db.prepare(
      `INSERT INTO mentions (seq, id, event_id, article, sentence, start, "end", trigger, code, modality, confidence,
       pattern, outlet, merge_date, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
  // the tokenizer analyses each word on its own, so the terms of a line are those of its words
  const termCache = new Map<string, string>();
  const terms = (line: string): string => {
    const out: string[] = [];
    for (const w of line.split(' ')) {
      let t = termCache.get(w);
      if (t === undefined) {
        t = indexTerms(w);
        termCache.set(w, t);
      }
      if (t) out.push(t);
    }
    return out.join(' ');
  };
  const prefixTerms = indexTerms('خبر رقم');

  const actorStats = new Map<
    string,
    { code: string; actor: string; name: string | null; country: string | null; events: number }
  >();
  const monthStats = new Map<string, { events: number; gsum: number }>();
  const pairStats = new Map<string, { events: number; gsum: number; quads: number[] }>();

  let articleSeq = 0;
  let mentionSeq = 0;
  const result: SyntheticResult = { events: n, mentions: 0, articles: 0 };

  for (let b = 0; b < n; b += BLOCK) {
    const end = Math.min(n, b + BLOCK);
    interface Ev {
      seq: number;
      day: number;
      date: string | null;
      info: CameoInfo;
      verb: string;
      src: SynActor;
      tgt: SynActor | null;
      place: Place | null;
      modality: Modality;
      mentions: Array<{ seq: number; article: number; outlet: string; confidence: number; trigger: string }>;
      json: { head: string; tail: string; pattern: string };
    }
    const evs: Ev[] = [];
    const slots: Array<{ ev: number; day: number }> = [];
    for (let i = b; i < end; i++) {
      const day = days[i]!;
      const { root, verb } = pickRoot(rand());
      const codes = byRoot.get(root) ?? [];
      const info = codes[Math.floor(rand() * codes.length)] ?? cameo.codes[0]!;
      const src = pickActor();
      let tgt: SynActor | null = null;
      if (rand() < 0.9) {
        for (let k = 0; k < 5 && (!tgt || tgt.actor.code === src.actor.code); k++) tgt = pickActor();
        if (tgt && tgt.actor.code === src.actor.code) tgt = null;
      }
      const pr = rand();
      const date = pr < 0.9 ? dayString(day) : pr < 0.98 ? dayString(day).slice(0, 7) : null;
      let place: Place | null = null;
      const home = rand() < 0.5 ? (src.country ?? tgt?.country ?? null) : (tgt?.country ?? src.country);
      const pp = rand();
      if (home && pp < 0.6) {
        const c = home.cities[Math.floor(rand() * home.cities.length)]!;
        place = { name: c[0], name_ar: c[1], country: home.code, lat: c[2], lon: c[3] };
      } else if (home && pp < 0.7)
        place = { name: home.en, name_ar: home.ar, country: home.code, lat: null, lon: null };
      const modality = pickModality(rand());
      const pattern = `synthetic.${info.root}`;
      const ev: Ev = {
        seq: i + 1,
        day,
        date,
        info,
        verb,
        src,
        tgt,
        place,
        modality,
        mentions: [],
        json: {
          head:
            `"code":"${info.code}","root":"${info.root}","quad":${info.quad},"goldstein":${info.goldstein},` +
            (info.plover ? `"plover":${JSON.stringify(info.plover)},` : ''),
          tail: `"date":${JSON.stringify(date)},"date_text":null,"place":${JSON.stringify(place)},"modality":"${modality}","attribution":null,"pattern":"${pattern}",`,
          pattern,
        },
      };
      const k = pickMentions(rand());
      for (let m = 0; m < k; m++) slots.push({ ev: evs.length, day: day + (rand() < 0.3 ? 1 : 0) });
      evs.push(ev);
    }
    // reports of one event spread over nearby articles: shuffle within small windows, then chunk
    for (let w = 0; w < slots.length; w += 64) {
      const hi = Math.min(slots.length, w + 64);
      for (let i = hi - 1; i > w; i--) {
        const j = w + Math.floor(rand() * (i - w + 1));
        [slots[i], slots[j]] = [slots[j]!, slots[i]!];
      }
    }
    db.exec('BEGIN');
    let s = 0;
    while (s < slots.length) {
      const size = 1 + Math.floor(rand() * 5);
      const chunk = slots.slice(s, s + size);
      s += size;
      const seq = ++articleSeq;
      const id = `syn-a${seq}`;
      const outlet = OUTLETS[Math.floor(rand() * OUTLETS.length)]!;
      const published = dayString(Math.max(...chunk.map((c) => c.day)));
      let text = `خبر رقم ${seq}.`;
      let ftsTerms = `${prefixTerms} ${seq}`;
      chunk.forEach((slot, sentence) => {
        const ev = evs[slot.ev]!;
        text += ' ';
        const srcStart = text.length;
        const srcAr = ev.src.ar;
        const verbStart = srcStart + srcAr.length + 1;
        const trigger = ev.verb.split(' ')[0]!;
        let line = `${srcAr} ${ev.verb}`;
        let tgtSpan: [number, number] | null = null;
        if (ev.tgt) {
          tgtSpan = [srcStart + line.length + 1, srcStart + line.length + 1 + ev.tgt.ar.length];
          line += ` ${ev.tgt.ar}`;
        }
        if (ev.place) line += ` في ${ev.place.name_ar}`;
        line += '.';
        text += line;
        ftsTerms += ` ${terms(line)}`;
        const confidence = Math.round((0.5 + rand() * 0.45) * 100) / 100;
        const mseq = ++mentionSeq;
        // the record as JSON, from per-event fragments (JSON.stringify of a million records is slow)
        const actorJson = (a: SynActor, start: number, end: number) =>
          `${jsonPrefix(a.actor)}"start":${start},"end":${end}}`;
        const recordJson =
          `{"id":"syn-m${mseq}","article":"${id}","sentence":${sentence + 1},${ev.json.head}` +
          `"source":${actorJson(ev.src, srcStart, srcStart + srcAr.length)},` +
          `"target":${ev.tgt && tgtSpan ? actorJson(ev.tgt, tgtSpan[0], tgtSpan[1]) : 'null'},${ev.json.tail}` +
          `"trigger":{"text":${JSON.stringify(trigger)},"start":${verbStart},"end":${verbStart + trigger.length}},` +
          `"confidence":${confidence}}`;
        ev.mentions.push({ seq: mseq, article: seq, outlet, confidence, trigger });
        // foreign keys are off during the load: a mention goes in before its event
        st.mention.run(
          mseq,
          `syn-m${mseq}`,
          `syn-e${ev.seq}`,
          id,
          sentence + 1,
          verbStart,
          verbStart + trigger.length,
          trigger,
          ev.info.code,
          ev.modality,
          confidence,
          ev.json.pattern,
          outlet,
          ev.date ?? published,
          recordJson,
        );
      });
      const hash = createHash('sha256').update(text).digest('hex');
      st.article.run(
        seq,
        id,
        hash,
        text,
        text.slice(0, 60),
        outlet,
        published,
        chunk.length,
        `${published}T06:00:00.000Z`,
      );
      st.fts.run(seq, ftsTerms);
    }
    // the block's events, now that their mentions are counted
    for (const ev of evs) {
      const first = ev.mentions.reduce((a, m) => (m.seq < a.seq ? m : a));
      const articles = new Set(ev.mentions.map((m) => m.article));
      const outlets = new Set(ev.mentions.map((m) => m.outlet));
      const stored: StoredEvent = {
        id: `syn-e${ev.seq}`,
        code: ev.info.code,
        root: ev.info.root,
        quad: ev.info.quad,
        goldstein: ev.info.goldstein,
        plover: ev.info.plover,
        source: {
          code: ev.src.actor.code,
          country: ev.src.actor.country,
          actor: ev.src.actor.actor,
          name: ev.src.actor.name,
          text: ev.src.ar,
        },
        target: ev.tgt
          ? {
              code: ev.tgt.actor.code,
              country: ev.tgt.actor.country,
              actor: ev.tgt.actor.actor,
              name: ev.tgt.actor.name,
              text: ev.tgt.ar,
            }
          : null,
        date: ev.date,
        place: ev.place,
        modality: ev.modality,
        confidence: Math.max(...ev.mentions.map((m) => m.confidence)),
        num_mentions: ev.mentions.length,
        num_articles: articles.size,
        num_sources: outlets.size,
        first_article: `syn-a${first.article}`,
        trigger: first.trigger,
        added: `${dayString(ev.day)}T06:00:00.000Z`,
      };
      const key = mergeKey(
        {
          code: ev.info.code,
          source: ev.src.actor,
          target: ev.tgt?.actor ?? null,
          modality: ev.modality,
        } as EventRecord,
        ev.date,
      );
      st.event.run(ev.seq, ...eventValues(stored, key));
      summarise(stored, actorStats, monthStats, pairStats);
    }
    db.exec('COMMIT');
  }
  result.articles = articleSeq;
  result.mentions = mentionSeq;

  db.exec('BEGIN');
  const actorUp = db.prepare(
    'INSERT INTO actors (code, actor, name, country, events) VALUES (?, ?, ?, ?, ?)',
  );
  for (const a of actorStats.values()) actorUp.run(a.code, a.actor, a.name, a.country, a.events);
  const monthUp = db.prepare('INSERT INTO month_stats (month, quad, events, gsum) VALUES (?, ?, ?, ?)');
  for (const [k, v] of monthStats) {
    const [month, quad] = k.split('|') as [string, string];
    monthUp.run(month, Number(quad), v.events, v.gsum);
  }
  const pairUp = db.prepare(
    'INSERT INTO pair_stats (source_code, target_code, events, gsum, q1, q2, q3, q4) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [k, v] of pairStats) {
    const [s, t] = k.split('|') as [string, string];
    pairUp.run(s, t, v.events, v.gsum, ...v.quads);
  }
  db.prepare(
    "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'",
  ).run();
  db.exec(`UPDATE counters SET n = CASE name
    WHEN 'articles' THEN (SELECT count(*) FROM articles)
    WHEN 'mentions' THEN (SELECT count(*) FROM mentions)
    WHEN 'events' THEN (SELECT count(*) FROM events)
    ELSE 0 END`);
  db.exec('COMMIT');
  for (const sql of idx) db.exec(sql);
  db.pragma('analysis_limit = 2000');
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return result;
}

const prefixes = new Map<string, string>();

/** An actor as JSON without its closing `start`/`end` fields: `{"code":…,"text":…,`. */
function jsonPrefix(a: Actor): string {
  const key = `${a.code}|${a.actor ?? ''}|${a.text}`;
  let p = prefixes.get(key);
  if (p === undefined) {
    const { start: _s, end: _e, ...rest } = a;
    p = `${JSON.stringify(rest).slice(0, -1)},`;
    prefixes.set(key, p);
  }
  return p;
}

/**
 * Drop the secondary indexes and triggers of the bulk-loaded tables; returns the statements that
 * recreate them (the counters the triggers keep are set once at the end).
 */
function dropIndexes(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
       AND tbl_name IN ('articles', 'events', 'mentions')`,
    )
    .all() as Array<{ type: string; name: string; sql: string }>;
  for (const r of rows) db.exec(`DROP ${r.type === 'index' ? 'INDEX' : 'TRIGGER'} "${r.name}"`);
  return rows.map((r) => r.sql);
}

/** The summary-table share of one event (as src/store/sqlite/rows.ts `contributionOf` counts it). */
function summarise(
  e: StoredEvent,
  actors: Map<
    string,
    { code: string; actor: string; name: string | null; country: string | null; events: number }
  >,
  months: Map<string, { events: number; gsum: number }>,
  pairs: Map<string, { events: number; gsum: number; quads: number[] }>,
): void {
  const seen = new Set<string>();
  for (const a of [e.source, e.target]) {
    if (!a) continue;
    const key = `${a.code}|${a.actor ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cur = actors.get(key);
    if (cur) {
      cur.events++;
      cur.name = a.name ?? cur.name;
      cur.country = a.country ?? cur.country;
    } else
      actors.set(key, { code: a.code, actor: a.actor ?? '', name: a.name, country: a.country, events: 1 });
  }
  if (e.date) {
    const key = `${firstDay(e.date).slice(0, 7)}|${e.quad}`;
    const cur = months.get(key) ?? { events: 0, gsum: 0 };
    cur.events++;
    cur.gsum += e.goldstein;
    months.set(key, cur);
  }
  if (e.source && e.target) {
    const key = `${e.source.code}|${e.target.code}`;
    const cur = pairs.get(key) ?? { events: 0, gsum: 0, quads: [0, 0, 0, 0] };
    cur.events++;
    cur.gsum += e.goldstein;
    cur.quads[e.quad - 1] = (cur.quads[e.quad - 1] ?? 0) + 1;
    pairs.set(key, cur);
  }
}
