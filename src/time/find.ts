/**
 * Time expressions: finding them over tokens and resolving them against the publication date.
 *
 * Matching keys off token stems (`Token.stem`: normalised, without proclitics, ال and
 * enclitics) through Set/Map lookups on trigger words (month names, أمس, اليوم, weekday names,
 * عام, منذ, numbers …); a cheap filter on the last two letters of each word (read off the
 * document text) comes first, and only a trigger looks at its neighbours. Expressions are
 * maximal, do not overlap and never cross a sentence. Offsets are those of the tokens, a
 * leading conjunction و / ف left out (`والاثنين` → `الاثنين`).
 *
 * Kind: `date` (a day of a Gregorian month), `month` (a Gregorian month), `year`, `hijri` (any
 * Hijri-calendar expression), `weekday`, `relative` (أمس, اليوم, غدا, الأسبوع الماضي, الشهر
 * المقبل, العام الحالي, منذ ثلاثة أيام). `duration` is never emitted.
 *
 * Decisions:
 * - Bare weekday (`الثلاثاء`): the most recent such day on or before the anchor; in a
 *   future-tense context (a س- verb, سوف, المقرر, المرتقب … among the 5 tokens before) the
 *   next one on or after it. `الماضي` → strictly before, `المقبل` / `القادم` → strictly after,
 *   `قبل الماضي` / `بعد المقبل` one week further.
 * - `الأسبوع الماضي` / `المقبل`: anchor ∓ 7 days, precision 'day' (the contract has no week
 *   precision); `هذا الأسبوع` / `الأسبوع الجاري`: the anchor.
 * - A month or a day without a year (`في أكتوبر`, `15 أكتوبر`): the occurrence from 8 months
 *   before to 3 months after the anchor's month (news mostly reports the past: published in
 *   December, `15 يناير` is next January, `أبريل` last April). `أكتوبر الماضي`: the most recent
 *   October strictly before the anchor's month; `المقبل`: the next one strictly after;
 *   `الجاري` / `الحالي`: the anchor's year. The same rules hold for Hijri months.
 * - `منتصف أغسطس`, `أواخر الشهر الجاري`: the month (month precision); `مطلع العام`: the year.
 * - A Hijri month as a month: the Gregorian month holding its 15th day; a Hijri year: the
 *   Gregorian year holding its 1 Rajab. `عام 1436` without هـ is Hijri when it lies within the
 *   60 Hijri years before (or 3 after) the anchor, Gregorian otherwise.
 * - No anchor: everything that depends on it gets `value: null, precision: null`; absolute
 *   dates (`15 أكتوبر 2025`, `15 رمضان 1436هـ`, `عام 2015`) still resolve.
 * - Vague expressions carry no date and are not emitted (`خلال الأيام الماضية`,
 *   `السنوات الماضية`, `قبل أيام`), nor are durations (`لمدة ثلاثة أيام`) and spans relative
 *   to another event (`قبل يومين من الانتخابات`, `اليوم التالي`).
 */

import { isDropped, normalizeCode } from '../text/normalize.js';
import type { DatePrecision, Sentence, TimeExpression, TimeKind, Token } from '../types.js';
import { anchorDate, dayNumber, fmtYear, fromDayNumber, parseYMD } from './calendar.js';
import { type Calendar, ERA, MONTHS, MONTHS2, type MonthName, WEEKDAYS } from './months.js';
import { NUMBER_WORD_STARTS, parseNumberWords } from './numbers.js';
import {
  anchorHijriYear,
  type Direction,
  dayOfRelativeMonth,
  gregorianDay,
  gregorianDayNearest,
  gregorianMonthYear,
  hijriDay,
  hijriDayNearest,
  hijriMonth,
  hijriMonthYear,
  hijriYear,
  monthsAgo,
  relativeDay,
  relativeMonth,
  relativeYear,
  resolveWeekday,
} from './resolve.js';

export { anchorDate } from './calendar.js';

// ---------------------------------------------------------------------------------------------
// Word lists (normalised stems)

/** Time of day before a day: صباح أمس, مساء الاثنين, ليلة أمس. */
const TIME_OF_DAY = new Set(['صباح', 'مساء', 'ظهر', 'ظهيره', 'فجر', 'عصر', 'ليل', 'ليله', 'صبيحه', 'ضحي']);
/** Part of a month / year: منتصف أغسطس, أواخر العام الماضي (precision of what follows). */
const PART = new Set([
  'منتصف',
  'اواسط',
  'مطلع',
  'مستهل',
  'بدايه',
  'بدايات',
  'اوايل',
  'اواخر',
  'نهايه',
  'اوسط',
]);
const REL_PAST = new Set(['ماضي', 'ماضيه', 'منصرم', 'منصرمه', 'فايت', 'فايته']);
const REL_NEXT = new Set(['مقبل', 'مقبله', 'قادم', 'قادمه']);
const REL_CURRENT = new Set(['جاري', 'جاريه', 'حالي', 'حاليه']);
/** Calendar units with ال: الأسبوع الماضي, الشهر الجاري, العام المقبل, السنة الماضية. */
const UNIT_AL = new Map<string, Unit>([
  ['اسبوع', 'week'],
  ['شهر', 'month'],
  ['عام', 'year'],
  ['سنه', 'year'],
]);
type Unit = 'day' | 'week' | 'month' | 'year';
/** Count units after منذ / قبل: n = implied count (1 singular, 2 dual, 0 plural needs a count). */
const COUNT_UNITS = new Map<string, { unit: Unit; n: number }>();
for (const [unit, forms] of [
  [
    'day',
    [
      ['يوم', 1],
      ['يوما', 1],
      ['ايام', 0],
      ['يومين', 2],
      ['يومان', 2],
    ],
  ],
  [
    'week',
    [
      ['اسبوع', 1],
      ['اسبوعا', 1],
      ['اسابيع', 0],
      ['اسبوعين', 2],
      ['اسبوعان', 2],
    ],
  ],
  [
    'month',
    [
      ['شهر', 1],
      ['شهرا', 1],
      ['اشهر', 0],
      ['شهور', 0],
      ['شهرين', 2],
      ['شهران', 2],
    ],
  ],
  [
    'year',
    [
      ['عام', 1],
      ['عاما', 1],
      ['اعوام', 0],
      ['عامين', 2],
      ['عامان', 2],
      ['سنه', 1],
      ['سنوات', 0],
      ['سنين', 0],
      ['سنتين', 2],
      ['سنتان', 2],
    ],
  ],
] as const) {
  for (const [form, n] of forms) COUNT_UNITS.set(form, { unit, n });
}
const APPROX = new Set(['نحو', 'حوالي', 'قرابه', 'زهاء']);
/** Before a day-month without a year, a name rather than a date: ثورة 25 يناير, قصر 22 مايو. */
const NAME_BEFORE_DATE = new Set([
  'ثوره',
  'قوي',
  'تيار',
  'حركه',
  'قصر',
  'شارع',
  'ميدان',
  'جسر',
  'حرب',
  'مدينه',
  'انتفاضه',
  'تحالف',
  'جبهه',
  'ايتلاف',
  'كتله',
  'معركه',
]);
/** After اليوم / الليلة: not today (اليوم التالي, اليوم الأول, اليوم الوطني, اليوم ذاته). */
const NOT_TODAY_AFTER = new Set([
  'تالي',
  'سابق',
  'اول',
  'ثاني',
  'ثالث',
  'رابع',
  'خامس',
  'سادس',
  'سابع',
  'ثامن',
  'تاسع',
  'عاشر',
  'اخير',
  'وطني',
  'عالمي',
  'دولي',
  'عربي',
  'خليجي',
  'مفتوح',
  'دراسي',
  'واحد',
  'موعود',
  'ذاته',
  'نفسه',
  'ذات',
  'نفس',
  'كامل',
  'ذي',
  'الذي',
]);
/** Before اليوم / الليلة: not today (ذلك اليوم, في نفس اليوم, 71 سنتا في اليوم, صحيفة اليوم). */
const NOT_TODAY_BEFORE = new Set(['ذلك', 'تلك', 'ذات', 'نفس', 'هذا', 'في', 'كل', 'صحيفه', 'جريده']);
/** Before الجمعة: the prayer, not a date. */
const NOT_FRIDAY_BEFORE = new Set(['صلاه', 'خطبه', 'خطيب', 'صلوات', 'امام', 'خطب', 'منبر']);
/** Before الاثنين: "the two" (بين الاثنين, نحن مع الاثنين, أم الاثنين معا). */
const NOT_MONDAY_BEFORE = new Set(['بين', 'كلا', 'هذين', 'هذان', 'ان', 'مع', 'ام', 'او']);
/** Before any weekday: a habit or a name, not a date (أيام الأحد, سوق الخميس). */
const NOT_WEEKDAY_BEFORE = new Set(['ايام', 'سوق']);
/** Prepositions before a bare year (`في 2015.`). */
const YEAR_PREPS = new Set(['في', 'منذ', 'خلال', 'حتي', 'بحلول', 'مطلع', 'منتصف', 'نهايه', 'اواخر', 'اوايل']);
/** Markers of a future-tense context for bare weekdays (looked for in the 5 tokens before). */
const FUTURE_MARKERS = new Set(['سوف', 'مقرر', 'مرتقب', 'مزمع', 'مفترض', 'متوقع', 'يعتزم', 'تعتزم']);

const TRIGGERS = new Set<string>([
  ...TIME_OF_DAY,
  ...PART,
  ...WEEKDAYS.keys(),
  ...NUMBER_WORD_STARTS,
  ...MONTHS.keys(),
  ...MONTHS2.keys(),
  'يوم',
  'يومي',
  'امس',
  'اول',
  'غدا',
  'غد',
  'بعد',
  'ليله',
  'شهر',
  'شهري',
  'عام',
  'سنه',
  'عامي',
  'هذا',
  'هذه',
  'اسبوع',
  'منذ',
  'قبل',
  'ال',
]);

/** Every word the matcher looks up (for the over-segmentation fallback of `Scanner.info`). */
const VOCAB = new Set<string>([
  ...TRIGGERS,
  ...REL_PAST,
  ...REL_NEXT,
  ...REL_CURRENT,
  ...UNIT_AL.keys(),
  ...COUNT_UNITS.keys(),
  ...APPROX,
  ...ERA.keys(),
  ...[...MONTHS2.values()].flatMap((m) => [...m.keys()]),
  'موافق',
  'من',
  'حاجه',
]);

/**
 * Last two letters (normalised, low bytes) of every trigger word. Read off the document text,
 * which is one flat string: much cheaper than touching every token's `stem` string.
 */
const TRIGGER_ENDS = new Uint8Array(65536);
for (const w of TRIGGERS) {
  if (w !== 'ال')
    TRIGGER_ENDS[((w.charCodeAt(w.length - 2) & 0xff) << 8) | (w.charCodeAt(w.length - 1) & 0xff)] = 1;
}

/** Cheap test: can word token t start a time expression? (Numbers are tested by the caller.) */
function isCandidateWord(text: string, t: Token): boolean {
  // the last two letters of the written word, tashkeel and tatweel skipped
  const start = t.start;
  let j = t.end - 1;
  let c1 = -1;
  while (j >= start) {
    c1 = normalizeCode(text.charCodeAt(j--));
    if (c1 >= 0) break;
  }
  let c0 = -1;
  while (j >= start) {
    c0 = normalizeCode(text.charCodeAt(j--));
    if (c0 >= 0) break;
  }
  if (c0 < 0 || c1 < 0 || TRIGGER_ENDS[((c0 & 0xff) << 8) | (c1 & 0xff)] !== 1) return false;
  const stem = t.stem;
  if (TRIGGERS.has(stem)) return true;
  const norm = t.norm;
  // the stem is a part of the norm: same length, same string
  if (norm.length === stem.length) return false;
  // ال + stem: the whole word is never a trigger
  if (norm.charCodeAt(0) === 0x0627 && norm.charCodeAt(1) === 0x0644) return false;
  if (TRIGGERS.has(norm)) return true;
  // a conjunction و before an over-segmented word (وليلة → و+ل+يله)
  return norm.charCodeAt(0) === 0x0648 && stem.length < norm.length - 1 && TRIGGERS.has(norm.slice(1));
}

// ---------------------------------------------------------------------------------------------
// What an expression means, before resolution

type Spec =
  | { t: 'day'; delta: number }
  | { t: 'weekday'; wd: number; dir: Direction; weeks: number }
  | { t: 'date'; cal: Calendar; y?: number; yDelta?: number; m: number; d?: number; dir: Direction }
  | { t: 'year'; cal: Calendar; y: number }
  | { t: 'unit'; unit: Unit; delta: number }
  | { t: 'monthDay'; delta: number; d: number }
  | { t: 'ago'; unit: Unit; n: number };

interface Hit {
  /** Token index after the expression. */
  end: number;
  /** A name, not a date (ثورة 25 يناير): consume the tokens, emit nothing. */
  skip?: boolean;
  kind: TimeKind;
  spec: Spec;
}

interface NumTok {
  n: number;
  digits: number;
  era: Calendar | null;
  /** Written with the article: الـ15. */
  al: boolean;
}

function resolveSpec(
  spec: Spec,
  anchor: number | null,
): { value: string | null; precision: DatePrecision | null } {
  const none = { value: null, precision: null };
  switch (spec.t) {
    case 'year':
      return spec.cal === 'g'
        ? { value: fmtYear(spec.y), precision: 'year' }
        : { value: hijriYear(spec.y), precision: 'year' };
    case 'date': {
      if (spec.y !== undefined) {
        if (spec.cal === 'g') {
          if (spec.d === undefined) return { value: fmtYM(spec.y, spec.m), precision: 'month' };
          const v = gregorianDay(spec.y, spec.m, spec.d);
          return v ? { value: v, precision: 'day' } : none;
        }
        if (spec.d === undefined) return { value: hijriMonth(spec.y, spec.m), precision: 'month' };
        return { value: hijriDay(spec.y, spec.m, spec.d), precision: 'day' };
      }
      if (anchor === null) return none;
      if (spec.yDelta !== undefined) {
        // من العام الماضي: the year relative to the anchor's (Gregorian or Hijri) year
        const y = (spec.cal === 'g' ? fromDayNumber(anchor).y : anchorHijriYear(anchor)) + spec.yDelta;
        return resolveSpec({ ...spec, y, yDelta: undefined }, anchor);
      }
      if (spec.cal === 'g') {
        if (spec.d !== undefined && spec.dir === 'nearest') {
          const v = gregorianDayNearest(anchor, spec.m, spec.d);
          return v ? { value: v, precision: 'day' } : none;
        }
        const y = gregorianMonthYear(anchor, spec.m, spec.dir);
        if (spec.d === undefined) return { value: fmtYM(y, spec.m), precision: 'month' };
        const v = gregorianDay(y, spec.m, spec.d);
        return v ? { value: v, precision: 'day' } : none;
      }
      if (spec.d !== undefined && spec.dir === 'nearest') {
        const v = hijriDayNearest(anchor, spec.m, spec.d);
        return v ? { value: v, precision: 'day' } : none;
      }
      const hy = hijriMonthYear(anchor, spec.m, spec.dir);
      if (spec.d === undefined) return { value: hijriMonth(hy, spec.m), precision: 'month' };
      return { value: hijriDay(hy, spec.m, spec.d), precision: 'day' };
    }
  }
  if (anchor === null) return none;
  switch (spec.t) {
    case 'day':
      return { value: relativeDay(anchor, spec.delta), precision: 'day' };
    case 'weekday':
      return { value: resolveWeekday(anchor, spec.wd, spec.dir, spec.weeks), precision: 'day' };
    case 'unit':
      if (spec.unit === 'week' || spec.unit === 'day') {
        return { value: relativeDay(anchor, spec.delta * (spec.unit === 'week' ? 7 : 1)), precision: 'day' };
      }
      if (spec.unit === 'month') return { value: relativeMonth(anchor, spec.delta), precision: 'month' };
      return { value: relativeYear(anchor, spec.delta), precision: 'year' };
    case 'monthDay': {
      const v = dayOfRelativeMonth(anchor, spec.delta, spec.d);
      return v ? { value: v, precision: 'day' } : none;
    }
    case 'ago':
      switch (spec.unit) {
        case 'day':
          return { value: relativeDay(anchor, -spec.n), precision: 'day' };
        case 'week':
          return { value: relativeDay(anchor, -7 * spec.n), precision: 'day' };
        case 'month':
          return { value: monthsAgo(anchor, spec.n), precision: 'month' };
        case 'year':
          return { value: relativeYear(anchor, -spec.n), precision: 'year' };
      }
  }
}

function fmtYM(y: number, m: number): string {
  return fmtYear(y) + '-' + String(m).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// Token helpers

function hasAl(t: Token): boolean {
  const p = t.pieces;
  for (let i = 0; i < p.length; i++) {
    const q = p[i]!;
    if (q.kind !== 'proclitic') return false;
    if (q.norm === 'ال') return true;
  }
  return false;
}

function hasEnclitic(t: Token): boolean {
  const p = t.pieces;
  return p.length > 1 && p[p.length - 1]!.kind === 'enclitic';
}

function hasFuture(t: Token): boolean {
  const p = t.pieces;
  for (let i = 0; i < p.length; i++) {
    const q = p[i]!;
    if (q.kind !== 'proclitic') return false;
    if (q.norm === 'س') return true;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A number token: `15`, `١٥`, `الـ15`, `2015م`, `1436هـ`. */
function numberOf(t: Token | undefined): NumTok | null {
  if (!t) return null;
  const s = t.norm;
  let i = 0;
  let al = false;
  if (s.charCodeAt(0) === 0x0627 && s.charCodeAt(1) === 0x0644) {
    al = true;
    i = 2;
  }
  const start = i;
  let n = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    i++;
  }
  const digits = i - start;
  if (digits === 0 || digits > 4) return null;
  let era: Calendar | null = null;
  if (i < s.length) {
    const rest = s.slice(i);
    const e = ERA.get(rest);
    if (e === undefined) return null;
    era = e;
  }
  return { n, digits, era, al };
}

const NUMERIC_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(م|ه)?$/;

const F_DONE = 1;
const F_AL = 2;
const F_ENCL = 4;
/** The key is the whole token without its first letter (a conjunction و). */
const F_SKIP1 = 8;

// ---------------------------------------------------------------------------------------------

class Scanner {
  private sent = 0;
  private anchorHy: number | null = null;

  private readonly keys: (string | undefined)[];
  private readonly flags: Uint8Array;

  constructor(
    private readonly toks: Token[],
    private readonly anchor: number | null,
  ) {
    this.keys = new Array(toks.length);
    this.flags = new Uint8Array(toks.length);
  }

  /** Token j if inside the current sentence. */
  private tok(j: number): Token | undefined {
    const t = this.toks[j];
    return t && t.sentence === this.sent ? t : undefined;
  }

  /**
   * Matching key of token j (cached): its stem, or, when the stem is not a time word but the
   * whole token (or the token without a leading و) is, that form, with no ال and no enclitic.
   * This undoes over-segmentations of unknown words (فبراير → ف+ب+راير, يونيه → يوني+ه,
   * ليلة → ل+يله, سنتين → س+نتين).
   */
  private info(j: number): number {
    let f = this.flags[j]!;
    if (f !== 0) return f;
    const t = this.toks[j]!;
    let key = t.stem;
    f = F_DONE;
    if (VOCAB.has(key) || t.kind !== 'word') {
      if (hasAl(t)) f |= F_AL;
      if (hasEnclitic(t)) f |= F_ENCL;
    } else if (VOCAB.has(t.norm)) {
      key = t.norm;
    } else if (t.norm.charCodeAt(0) === 0x0648 && VOCAB.has(t.norm.slice(1))) {
      key = t.norm.slice(1);
      f |= F_SKIP1;
    } else {
      if (hasAl(t)) f |= F_AL;
      if (hasEnclitic(t)) f |= F_ENCL;
    }
    this.keys[j] = key;
    this.flags[j] = f;
    return f;
  }

  private key(j: number): string | undefined {
    if (!this.tok(j)) return undefined;
    this.info(j);
    return this.keys[j];
  }

  /** Key of token j with ال (and no enclitic), else undefined. */
  private keyAl(j: number): string | undefined {
    if (!this.tok(j)) return undefined;
    const f = this.info(j);
    return (f & (F_AL | F_ENCL)) === F_AL ? this.keys[j] : undefined;
  }

  /** Key of token j without ال and without enclitic, else undefined. */
  private keyBare(j: number): string | undefined {
    if (!this.tok(j)) return undefined;
    const f = this.info(j);
    return (f & (F_AL | F_ENCL)) === 0 ? this.keys[j] : undefined;
  }

  /** Key of token j without enclitic (with or without ال), else undefined. */
  private keyClean(j: number): string | undefined {
    if (!this.tok(j)) return undefined;
    const f = this.info(j);
    return (f & F_ENCL) === 0 ? this.keys[j] : undefined;
  }

  private al(j: number): boolean {
    return (this.info(j) & F_AL) !== 0;
  }

  /** Start offset of token j without a leading conjunction و / ف. */
  startOffset(j: number, text: string): number {
    const t = this.toks[j]!;
    const f = this.info(j);
    if (f & F_SKIP1) {
      let s = t.start + 1;
      while (s < t.end && isDropped(text.charCodeAt(s))) s++;
      return s;
    }
    if (this.keys[j] !== t.stem) return t.start;
    const p = t.pieces;
    if (p.length > 1 && p[0]!.kind === 'proclitic' && (p[0]!.norm === 'و' || p[0]!.norm === 'ف')) {
      return p[1]!.start;
    }
    return t.start;
  }

  private isPunct(j: number, ch: string): boolean {
    const t = this.tok(j);
    return t !== undefined && t.kind === 'punct' && t.norm === ch;
  }

  /** The expression starting at token i (a candidate, see `isCandidate`), or null. */
  scan(i: number): Hit | null {
    const t = this.toks[i]!;
    this.sent = t.sentence;
    const k = this.keyClean(i);
    if (k === undefined) return null;
    if (PART.has(k)) {
      return this.date(i + 1, true) ?? this.unitRel(i + 1) ?? this.year(i + 1);
    }
    let j = i;
    let mod = false;
    if (TIME_OF_DAY.has(k) && !this.al(i)) {
      j++;
      mod = true;
    }
    const kj = this.keyBare(j);
    if (kj === 'يوم' || kj === 'يومي') {
      j++;
      mod = true;
    }
    const head = this.relDay(j, mod) ?? this.weekday(j, i) ?? this.date(j, false);
    if (head || mod) return head;
    return this.unitRel(i) ?? this.ago(i) ?? this.year(i);
  }

  /** Relative direction word at j: الماضي, المقبل, الجاري, قبل الماضي, بعد المقبل. */
  private rel(j: number): { dir: Direction; extra: number; end: number } | null {
    const k = this.keyAl(j);
    if (k !== undefined) {
      if (REL_PAST.has(k)) return { dir: 'past', extra: 0, end: j + 1 };
      if (REL_NEXT.has(k)) return { dir: 'next', extra: 0, end: j + 1 };
      if (REL_CURRENT.has(k)) return { dir: 'current', extra: 0, end: j + 1 };
      return null;
    }
    const b = this.keyBare(j);
    if (b === 'قبل' && REL_PAST.has(this.keyAl(j + 1) ?? '')) return { dir: 'past', extra: 1, end: j + 2 };
    if (b === 'بعد' && REL_NEXT.has(this.keyAl(j + 1) ?? '')) return { dir: 'next', extra: 1, end: j + 2 };
    return null;
  }

  /** Optional weekday after a relative day: `أمس الاثنين`, `اليوم (الاثنين)`. */
  private trailingWeekday(e: number): { end: number } {
    if (this.isPunct(e, '(')) {
      const wd = this.keyAl(e + 1);
      if (wd !== undefined && WEEKDAYS.has(wd) && this.isPunct(e + 2, ')')) {
        return { end: e + 3 };
      }
      return { end: e };
    }
    const wd = this.keyAl(e);
    if (wd !== undefined && WEEKDAYS.has(wd)) return { end: e + 1 };
    return { end: e };
  }

  /** أمس, أول أمس, اليوم, غدا, بعد غد, الليلة (with a modifier: يوم غد, صباح الغد). */
  private relDay(j: number, mod: boolean): Hit | null {
    const k = this.keyClean(j);
    if (k === undefined) return null;
    const al = this.al(j);
    let delta: number;
    let e = j + 1;
    if (k === 'امس') {
      // لامس "touched", فلامس (Vlaams): not yesterday
      if (this.toks[j]!.pieces.some((p) => p.kind === 'proclitic' && (p.norm === 'ل' || p.norm === 'ك'))) {
        return null;
      }
      // في أمس الحاجة "in the utmost need"
      if (this.keyAl(e) === 'حاجه') return null;
      delta = -1;
      if (this.keyAl(e) === 'اول') {
        delta = -2;
        e++;
      }
    } else if (k === 'اول') {
      if (this.key(j + 1) === 'امس') e = j + 2;
      else if (this.key(j + 1) === 'من' && this.key(j + 2) === 'امس') e = j + 3;
      else return null;
      delta = -2;
    } else if (k === 'يوم') {
      if (!al || this.notToday(j)) return null;
      delta = 0;
    } else if (k === 'غدا') {
      if (al) return null;
      const prev = this.key(j - 1);
      // غدا "became": وقد غدا, لقد غدا
      if (!mod && (prev === 'قد' || prev === 'لقد')) return null;
      delta = 1;
    } else if (k === 'غد') {
      if (!mod) return null;
      delta = 1;
    } else if (k === 'بعد') {
      const n = this.keyBare(j + 1);
      if (n !== 'غد' && n !== 'غدا') return null;
      delta = 2;
      e = j + 2;
    } else if (k === 'ليله') {
      if (!al) return null;
      const next = this.keyAl(j + 1);
      if (next !== undefined && REL_PAST.has(next)) {
        delta = -1;
        e = j + 2;
      } else {
        if (this.notToday(j)) return null;
        delta = 0;
      }
    } else {
      return null;
    }
    const w = this.trailingWeekday(e);
    return { end: w.end, kind: 'relative', spec: { t: 'day', delta } };
  }

  private notToday(j: number): boolean {
    // «اليوم»: the newspaper
    if (this.isPunct(j - 1, '"') && this.isPunct(j + 1, '"')) return true;
    const next = this.key(j + 1);
    if (next !== undefined && NOT_TODAY_AFTER.has(next)) return true;
    const prev = this.key(j - 1);
    return prev !== undefined && NOT_TODAY_BEFORE.has(prev);
  }

  private futureContext(i: number): boolean {
    for (let j = i - 1; j >= i - 5 && j >= 0; j--) {
      const t = this.tok(j);
      if (!t) break;
      if (hasFuture(t) || FUTURE_MARKERS.has(this.key(j)!)) return true;
    }
    return false;
  }

  /** الاثنين, يوم الأحد الماضي, الجمعة المقبلة, الاثنين 15 أكتوبر, الأحد (20 يوليو). */
  private weekday(j: number, start: number): Hit | null {
    const k = this.keyAl(j);
    if (k === undefined) return null;
    const wd = WEEKDAYS.get(k);
    if (wd === undefined) return null;
    if (j === start) {
      const prev = this.key(j - 1) ?? '';
      if (NOT_WEEKDAY_BEFORE.has(prev)) return null;
      if (wd === 1 && (NOT_MONDAY_BEFORE.has(prev) || this.key(j + 1) === 'معا')) return null;
      if (wd === 5 && NOT_FRIDAY_BEFORE.has(prev)) return null;
      if (wd === 0 && prev === 'واحد') return null;
    }
    let e = j + 1;
    let dir: Direction = 'nearest';
    let weeks = 0;
    const r = this.rel(e);
    if (r && r.dir !== 'current') {
      dir = r.dir;
      weeks = r.extra;
      e = r.end;
    } else if (this.futureContext(start)) {
      dir = 'upcoming';
    }
    // a date spelled out after the weekday
    let d = e;
    let paren = false;
    if (this.isPunct(d, ',') || this.isPunct(d, '-')) d++;
    else if (this.isPunct(d, '(')) {
      paren = true;
      d++;
    }
    if (this.keyAl(d) === 'موافق') d++;
    const date = this.date(d, false);
    if (date && date.spec.t === 'date' && date.spec.d !== undefined) {
      if (paren && this.isPunct(date.end, ')')) return { ...date, end: date.end + 1 };
      return date;
    }
    return { end: e, kind: 'weekday', spec: { t: 'weekday', wd, dir, weeks } };
  }

  /** Month name at j: one token or two (تشرين الأول, ربيع الآخر, ذو الحجة). */
  private monthName(j: number): { name: MonthName; end: number } | null {
    const k = this.keyBare(j);
    if (k === undefined) return null;
    const one = MONTHS.get(k);
    if (one) return { name: one, end: j + 1 };
    const two = MONTHS2.get(k);
    if (two) {
      const k2 = this.keyClean(j + 1);
      const name = k2 === undefined ? undefined : two.get(k2);
      if (name) return { name, end: j + 2 };
    }
    return null;
  }

  /** Day of the month at j: `15`, `الـ15`, `الخامس عشر`, `الحادي والعشرين`. */
  private dayOfMonth(j: number): { d: number; end: number } | null {
    const t = this.tok(j);
    if (!t) return null;
    let nt = numberOf(t);
    let e = j + 1;
    if (!nt && t.norm === 'ال') {
      const n2 = this.tok(j + 1);
      if (n2 && n2.start === t.end) {
        nt = numberOf(n2);
        e = j + 2;
      }
    }
    if (nt) {
      if (nt.era || nt.digits > 2 || nt.n < 1 || nt.n > 31) return null;
      return { d: nt.n, end: e };
    }
    const w = parseNumberWords((k) => this.keyClean(j + k));
    if (!w || w.value < 1 || w.value > 31) return null;
    // الأسبوع الأول من أكتوبر: the week, not the day
    if (this.keyAl(j - 1) === 'اسبوع') return null;
    return { d: w.value, end: j + w.length };
  }

  /** Era word at j (م, ميلادي, هـ, هجرية), not the metre of `2700 م2` / `م²`. */
  private eraAt(j: number): Calendar | undefined {
    const e = this.keyBare(j);
    const c = e === undefined ? undefined : ERA.get(e);
    if (c === 'g') {
      const next = this.toks[j + 1];
      if (next && next.start === this.toks[j]!.end && (next.kind === 'number' || next.kind === 'symbol'))
        return undefined;
    }
    return c;
  }

  /** Year after a month name: `2025`, `2015م`, `1436 هـ`. */
  private yearAfter(j: number, cal: Calendar): { y: number; end: number } | null {
    const nt = numberOf(this.tok(j));
    if (!nt || nt.al || nt.digits < 3) return null;
    let era = nt.era;
    let end = j + 1;
    if (!era) {
      const c = this.eraAt(j + 1);
      if (c === cal) {
        era = c;
        end++;
      }
    }
    if (era && era !== cal) return null;
    if (cal === 'g' && (era ? nt.n < 100 : nt.n < 1000 || nt.n > 2200)) return null;
    if (cal === 'h' && nt.n > 1700) return null;
    return { y: nt.n, end };
  }

  /**
   * A year phrase after a month: `عام 2013`, `من عام 1937`, `من العام الماضي`, `هذا العام`.
   */
  private yearPhrase(
    e: number,
    cal: Calendar,
  ): { y: number; end: number } | { delta: number; end: number } | null {
    let k = e;
    if (this.keyBare(k) === 'من') k++;
    const w = this.keyClean(k);
    if (w === 'هذا' || w === 'هذه') {
      const u = this.keyAl(k + 1);
      return u === 'عام' || u === 'سنه' ? { delta: 0, end: k + 2 } : null;
    }
    if (w !== 'عام' && w !== 'سنه') return null;
    const ya = this.yearAfter(k + 1, cal);
    if (ya) return ya;
    if (!this.al(k)) return null;
    const r = this.rel(k + 1);
    if (!r) return null;
    const delta = r.dir === 'past' ? -1 - r.extra : r.dir === 'next' ? 1 + r.extra : 0;
    return { delta, end: r.end };
  }

  /** Digits of token j when it is a plain number token (no era, no ال), else -1; `len` set. */
  private digitsAt(j: number): { n: number; len: number } | null {
    const t = this.tok(j);
    if (t?.kind !== 'number') return null;
    const nt = numberOf(t);
    return nt && !nt.era && !nt.al ? { n: nt.n, len: nt.digits } : null;
  }

  /**
   * Numeric date: `15/10/2025`, `2025-10-15`, `15.10.2025`, `4-6-2015م`, `1436/9/15هـ`,
   * `9 / 10 / 1436 هـ` (spaces only around `/`); month and year with an era: `3/1436هـ`.
   */
  private numericDate(j: number): Hit | null {
    const first = this.tok(j);
    if (!first) return null;
    let a: number;
    let b: number;
    let c: number | null = null;
    let aLen: number;
    let cLen = 0;
    let end: number;
    const single = NUMERIC_DATE.exec(first.norm);
    if (single) {
      a = Number(single[1]);
      aLen = single[1]!.length;
      b = Number(single[3]);
      c = Number(single[4]);
      cLen = single[4]!.length;
      end = j + 1;
    } else {
      const d1 = this.digitsAt(j);
      const sep = this.tok(j + 1);
      const d2 = this.digitsAt(j + 2);
      if (!d1 || !d2 || !sep || sep.kind !== 'punct') return null;
      const sp = sep.norm;
      if (sp !== '/' && sp !== '-' && sp !== '.') return null;
      const t2 = this.toks[j + 2]!;
      let spaced = sep.start !== first.end || t2.start !== sep.end;
      a = d1.n;
      aLen = d1.len;
      b = d2.n;
      end = j + 3;
      const sep2 = this.tok(j + 3);
      const d3 = this.digitsAt(j + 4);
      if (sep2 && d3 && sep2.kind === 'punct' && sep2.norm === sp) {
        const t4 = this.toks[j + 4]!;
        spaced ||= sep2.start !== t2.end || t4.start !== sep2.end;
        c = d3.n;
        cLen = d3.len;
        end = j + 5;
      }
      // 10 - 12 is a range, 3.5 a decimal: spaces only around /
      if (spaced && sp !== '/') return null;
      // not part of a longer sequence (1/2/3/4)
      const after = this.tok(end);
      if (after && after.kind === 'punct' && after.norm === sp && this.digitsAt(end + 1)) return null;
    }
    let era: Calendar | null = single?.[5] === 'م' ? 'g' : single?.[5] === 'ه' ? 'h' : null;
    if (!era) {
      const ec = this.eraAt(end);
      if (ec) {
        era = ec;
        end++;
      }
    }
    if (c === null) {
      // month / year: only with an era (3/1436هـ)
      if (!era || aLen > 2 || a < 1 || a > 12 || b < 100) return null;
      return {
        end,
        kind: era === 'h' ? 'hijri' : 'month',
        spec: { t: 'date', cal: era, y: b, m: a, dir: 'nearest' },
      };
    }
    let y: number;
    let mo: number;
    let d: number;
    if (aLen >= 3) {
      y = a;
      mo = b;
      d = c;
    } else if (cLen >= 3) {
      y = c;
      mo = b;
      d = a;
    } else return null;
    if (!era) era = y >= 1300 && y < 1600 ? 'h' : 'g';
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    if (era === 'g' ? gregorianDay(y, mo, d) === null : d > 30) return null;
    return {
      end,
      kind: era === 'h' ? 'hijri' : 'date',
      spec: { t: 'date', cal: era, y, m: mo, d, dir: 'nearest' },
    };
  }

  /**
   * Dates with a month name: `15 أكتوبر 2025`, `الخامس عشر من أكتوبر`, `شهر رمضان الماضي`,
   * `أكتوبر الماضي`, `15 رمضان 1436هـ`, `فبراير (شباط) 2016`; numeric dates.
   * `part`: after منتصف / أواخر …: month precision, no day.
   */
  private date(j: number, part: boolean): Hit | null {
    const t = this.tok(j);
    if (!t) return null;
    if (!part && isDigit(t.norm.charCodeAt(0))) {
      const nd = this.numericDate(j);
      if (nd) return nd;
    }
    let e = j;
    let day: number | undefined;
    let cue = part;
    let shahr = false;
    if (!part) {
      const dm = this.dayOfMonth(j);
      if (dm) {
        day = dm.d;
        e = dm.end;
        if (this.keyBare(e) === 'من') e++;
        // 15 من الشهر الجاري
        if (this.keyAl(e) === 'شهر') {
          const r = this.rel(e + 1);
          if (!r) return null;
          const delta = r.dir === 'past' ? -1 - r.extra : r.dir === 'next' ? 1 + r.extra : 0;
          return { end: r.end, kind: 'relative', spec: { t: 'monthDay', delta, d: day } };
        }
      }
    }
    const sh = this.keyBare(e);
    if (sh === 'شهر' || (sh === 'شهري' && day === undefined)) {
      cue = true;
      shahr = true;
      e++;
    }
    const mn = this.monthName(e);
    if (!mn) return null;
    const name = mn.name;
    e = mn.end;
    // the other name of the month: فبراير (شباط), آب/أغسطس, أيلول - سبتمبر, يونيو حزيران
    if (this.isPunct(e, '(')) {
      const m2 = this.monthName(e + 1);
      if (m2 && this.isPunct(m2.end, ')')) e = m2.end + 1;
    } else {
      const sep = this.isPunct(e, '/') || this.isPunct(e, '-') ? 1 : 0;
      const m2 = this.monthName(e + sep);
      if (m2 && m2.name.month === name.month && m2.name.cal === name.cal) e = m2.end;
    }
    let y: number | undefined;
    let yDelta: number | undefined;
    let dir: Direction = 'nearest';
    const ya = this.yearAfter(e, name.cal) ?? this.yearPhrase(e, name.cal);
    if (ya) {
      if ('delta' in ya) yDelta = ya.delta;
      else y = ya.y;
      e = ya.end;
      cue = true;
    } else {
      const r = this.rel(e);
      if (r) {
        dir = r.dir;
        e = r.end;
        cue = true;
      }
    }
    if (name.veryWeak ? y === undefined && !shahr : name.weak && day === undefined && !cue) {
      return null;
    }
    if (day !== undefined && y === undefined && yDelta === undefined) {
      const prev = this.key(j - 1);
      if (prev !== undefined && NAME_BEFORE_DATE.has(prev)) {
        return { end: e, skip: true, kind: 'date', spec: { t: 'day', delta: 0 } };
      }
    }
    return {
      end: e,
      kind: name.cal === 'h' ? 'hijri' : day === undefined ? 'month' : 'date',
      spec: { t: 'date', cal: name.cal, y, yDelta, m: name.month, d: day, dir },
    };
  }

  /** الأسبوع الماضي, الشهر المقبل, العام الجاري, هذا العام, السنة قبل الماضية. */
  private unitRel(i: number): Hit | null {
    let j = i;
    const k = this.keyBare(j);
    const demonstrative = k === 'هذا' || k === 'هذه';
    if (demonstrative) j++;
    const u = this.keyAl(j);
    const unit = u === undefined ? undefined : UNIT_AL.get(u);
    if (!unit) return null;
    if (demonstrative) return { end: j + 1, kind: 'relative', spec: { t: 'unit', unit, delta: 0 } };
    const r = this.rel(j + 1);
    if (!r) return null;
    const delta = r.dir === 'past' ? -1 - r.extra : r.dir === 'next' ? 1 + r.extra : 0;
    return { end: r.end, kind: 'relative', spec: { t: 'unit', unit, delta } };
  }

  /** منذ ثلاثة أيام, قبل يومين, منذ نحو 5 سنوات, قبل أسبوع. */
  private ago(i: number): Hit | null {
    const k = this.keyBare(i);
    if (k !== 'منذ' && k !== 'قبل') return null;
    let j = i + 1;
    if (APPROX.has(this.keyBare(j) ?? '')) j++;
    let count: number | undefined;
    const nt = numberOf(this.tok(j));
    if (nt) {
      if (nt.era || nt.al || nt.n < 1 || nt.digits > 3) return null;
      count = nt.n;
      j++;
    } else {
      const w = parseNumberWords((o) => this.keyBare(j + o));
      if (w) {
        count = w.value;
        j += w.length;
      }
    }
    const u = this.keyBare(j);
    const cu = u === undefined ? undefined : COUNT_UNITS.get(u);
    if (!cu) return null;
    j++;
    if (count === undefined) {
      if (cu.n === 0) return null;
      count = cu.n;
      if (cu.n === 1) {
        if (this.keyBare(j) === 'واحد' || this.keyBare(j) === 'واحده') j++;
        else {
          // قبل يوم الاثنين, منذ عام 2011, منذ شهر رمضان: not a count
          const next = this.tok(j);
          if (next && (next.kind === 'number' || hasAl(next) || this.monthName(j) || numberOf(next)))
            return null;
        }
      }
    }
    // قبل يومين من الانتخابات: relative to another event
    const after = this.keyBare(j);
    if (after === 'من' || after === 'علي') return null;
    return { end: j, kind: 'relative', spec: { t: 'ago', unit: cu.unit, n: count } };
  }

  /** عام 2015, العام 2014م, 2015م, 1436هـ, عام 1436 هـ. */
  private year(i: number): Hit | null {
    const k = this.keyClean(i);
    let j = i;
    let cued = false;
    if (k === 'عام' || k === 'سنه' || k === 'عامي') {
      cued = true;
      j++;
    }
    const nt = numberOf(this.tok(j));
    if (!nt || nt.al || nt.digits < 3) return null;
    let era = nt.era;
    let end = j + 1;
    if (!era) {
      const c = this.eraAt(j + 1);
      if (c) {
        era = c;
        end++;
      }
    }
    if (!era && !cued && nt.digits === 4 && nt.n >= 1900 && nt.n <= 2100) {
      // في 2015. / منذ 2011، : a bare year after a preposition, before punctuation
      const prev = this.keyBare(i - 1);
      const next = this.tok(end);
      if (prev !== undefined && YEAR_PREPS.has(prev) && (!next || next.kind === 'punct')) {
        return { end, kind: 'year', spec: { t: 'year', cal: 'g', y: nt.n } };
      }
    }
    if (!era) {
      if (!cued || nt.digits < 4) return null;
      era = 'g';
      if (this.anchor !== null && nt.n >= 1300 && nt.n < 1600) {
        // a Hijri year of the last 60 years (a birth year) or of the next 3 (a plan)
        this.anchorHy ??= anchorHijriYear(this.anchor);
        if (nt.n <= this.anchorHy + 3 && nt.n >= this.anchorHy - 60) era = 'h';
      }
      if (era === 'g' && (nt.n < 1000 || nt.n > 2200)) return null;
    } else if (era === 'g' ? nt.n > 2200 || (!cued && nt.digits < 4) : nt.n > 1700) return null;
    // a range 2014-2015 / 1435-1436: the first year alone is still a year
    return {
      end,
      kind: era === 'h' ? 'hijri' : 'year',
      spec: { t: 'year', cal: era, y: nt.n },
    };
  }
}

/**
 * Find and resolve the time expressions of a document.
 * `published`: `YYYY-MM-DD` or ISO-8601; null → relative expressions get `value: null`.
 */
export function findTimeExpressions(
  text: string,
  _sentences: Sentence[],
  tokens: Token[],
  published: string | null,
): TimeExpression[] {
  const a = anchorDate(published);
  let anchor: number | null = null;
  if (a) {
    const { y, m, d } = parseYMD(a);
    anchor = dayNumber(y, m, d);
  }
  let sc: Scanner | null = null;
  const out: TimeExpression[] = [];
  const n = tokens.length;
  /** Tokens before this index are inside an expression already. */
  let free = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    let hit: Hit | null = null;
    if (t.kind === 'number') {
      sc ??= new Scanner(tokens, anchor);
      // الـ15: the article written apart starts the expression
      const prev = tokens[i - 1];
      if (
        i - 1 >= free &&
        prev &&
        prev.end === t.start &&
        prev.norm === 'ال' &&
        prev.sentence === t.sentence
      ) {
        hit = sc.scan(i - 1);
        if (hit) i--;
      }
      hit ??= sc.scan(i);
    } else if (t.kind === 'word' && isCandidateWord(text, t)) {
      sc ??= new Scanner(tokens, anchor);
      hit = sc.scan(i);
    }
    if (!hit || !sc) continue;
    free = hit.end;
    if (hit.skip) {
      i = hit.end - 1;
      continue;
    }
    const first = tokens[i]!;
    const last = tokens[hit.end - 1]!;
    const start = sc.startOffset(i, text);
    const end = last.end;
    const { value, precision } = resolveSpec(hit.spec, anchor);
    out.push({
      start,
      end,
      text: text.slice(start, end),
      sentence: first.sentence,
      kind: hit.kind,
      value,
      precision,
    });
    i = hit.end - 1;
  }
  return out;
}
