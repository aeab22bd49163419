/**
 * Clitic segmentation of one Arabic word: proclitics (و ف ب ك ل س ال), stem, pronoun enclitics.
 *
 * Works on the "segmentation form" of a word: normalised (normalize.ts) except that teh
 * marbuta ة is kept, because ة and the pronoun ه must stay apart (زيارة ≠ زيار+ه).
 *
 * Representation of ل + ال (`للرئيس`): the alef of ال is not written, so the word gives three
 * pieces ل | ل | رئيس; the second piece covers the single written ل, has kind `proclitic`
 * and `norm` `ال` (it is the article). `segmentWord('للرئيس')` → `ل+ال+رئيس` in the
 * `+`-joined notation, whose lengths are mapped back to written letters.
 *
 * How a segmentation is chosen:
 * 1. A word listed in data/lexicon/stems.txt with an explicit segmentation uses it;
 *    a word listed without one is a whole stem (وزير, بوتين, فلسطين, كان).
 * 2. Otherwise every analysis allowed by the prefix grammar and the enclitic list is
 *    considered. Analyses whose stem is a known word (stems.txt, hosts.txt, or a known
 *    stem plus an inflection ending: وزيرة → وزير) win, the one with the longest stem first:
 *    ووزير → و+وزير, not و+و+زير.
 * 3. With no known stem, the analysis stripping the most letters wins, subject to:
 *    - a stem keeps at least 3 letters (2 after ال: اليد), unless it is a known word;
 *    - no enclitic after ال (السوري is ال+سوري, never ال+سور+ي);
 *    - ي / ني / ك only after a host word of hosts.txt (لي, مني, عليك): a word-final ي in
 *      news is nearly always a nisba (سوري, وطني);
 *    - كم / كما / كن need a stem of 4 letters or a host (محاكم stays whole);
 *    - future س only before an imperfect prefix ي ت ن ا (سيصل = س+يصل; سلام stays whole);
 *    - an unknown stem may not begin with ال (ال would have been taken as a proclitic);
 *    - the prepositions ب ل ك alone take a pronoun as their stem: له = ل+ه, بها = ب+ها.
 */
import { normalizeCode } from './normalize.js';
import { readWordList } from './lexicon.js';

export type CliticKind = 'proclitic' | 'stem' | 'enclitic';

/** One piece of a segmentation, in units of the segmentation form. */
export interface SegPiece {
  /** Length in letters of the segmentation form. */
  len: number;
  kind: CliticKind;
  /** Normalised form of the piece (`ال` for the article written as a single ل). */
  norm: string;
}

const TEH_MARBUTA = 0x0629;

/** Segmentation form of a string: normalised, but ة kept. Returns also the index map. */
export function segmentationForm(s: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === TEH_MARBUTA) continue;
    const t = normalizeCode(c);
    if (t === c) continue;
    if (runStart < i) out += s.slice(runStart, i);
    if (t >= 0) out += String.fromCharCode(t);
    runStart = i + 1;
  }
  return runStart === 0 ? s : out + s.slice(runStart);
}

/** Full normalised form of a segmentation-form string (ة → ه). */
function fullNorm(seg: string): string {
  return seg.indexOf('ة') < 0 ? seg : seg.replaceAll('ة', 'ه');
}

interface Prefix {
  str: string;
  pieces: SegPiece[];
  hasAl: boolean;
  future: boolean;
}

function P(kinds: string[], opts: { al?: boolean; future?: boolean; alAsL?: boolean } = {}): Prefix {
  const pieces: SegPiece[] = [];
  let str = '';
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i]!;
    if (opts.alAsL && i === kinds.length - 1) {
      // the article written as a single ل after the preposition ل
      pieces.push({ len: 1, kind: 'proclitic', norm: 'ال' });
      str += 'ل';
    } else {
      pieces.push({ len: k.length, kind: 'proclitic', norm: k });
      str += k;
    }
  }
  return { str, pieces, hasAl: opts.al === true || opts.alAsL === true, future: opts.future === true };
}

/** The proclitic grammar: [conjunction] [preposition | future] [article]. */
const PREFIXES: Prefix[] = [];
for (const conj of [[], ['و'], ['ف']]) {
  PREFIXES.push(P([...conj]));
  for (const prep of [['ب'], ['ك'], ['ل']]) PREFIXES.push(P([...conj, ...prep]));
  PREFIXES.push(P([...conj, 'ال'], { al: true }));
  for (const prep of [['ب'], ['ك']]) PREFIXES.push(P([...conj, ...prep, 'ال'], { al: true }));
  PREFIXES.push(P([...conj, 'ل', 'ال'], { alAsL: true }));
  PREFIXES.push(P([...conj, 'س'], { future: true }));
}

/** Pronoun enclitics. */
const ENCLITICS = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا', 'ني', 'ه', 'ك', 'ي'];
/** Enclitics allowed only after a host word (hosts.txt). */
const HOST_ONLY = new Set(['ي', 'ني', 'ك']);
/** Enclitics that need a 4-letter stem when the stem is not a host. */
const LONG_STEM = new Set(['كم', 'كما', 'كن']);
/** Imperfect verb prefixes that may follow the future س. */
const IMPERFECT = new Set(['ي', 'ت', 'ن', 'ا']);
/** Inflection endings tried when looking a stem up in the lexicon: وزيرة → وزير. */
const INFLECTIONS = ['ية', 'ة', 'ي', 'ين', 'ون', 'ات', 'ان', 'ا', 'يين', 'يون', 'يات'];
/** The prepositions that take a pronoun directly: له, بها, لكم. */
const PREP_HOSTS = new Set(['ب', 'ل', 'ك']);

/** Whole words that are never segmented (or segmented as listed). */
const STEMS = new Set<string>();
/** Explicit segmentations: segmentation form → pieces as `+`-joined normalised strings. */
const EXPLICIT = new Map<string, SegPiece[]>();
/** Function words that carry proclitics and pronoun enclitics: في, من, عن, على, أن, لدى. */
const HOSTS = new Set<string>();

function parseExplicit(word: string, seg: string): SegPiece[] | null {
  const parts = seg.split('+').map((p) => segmentationForm(p.trim()));
  // the stem is the longest part not in the proclitic / enclitic sets; simple rule:
  // parts before the stem are proclitics, after it enclitics
  const procl = new Set(['و', 'ف', 'ب', 'ك', 'ل', 'س', 'ال']);
  const encl = new Set(ENCLITICS);
  let stemAt = -1;
  for (let i = 0; i < parts.length; i++) {
    if (!procl.has(parts[i]!)) {
      stemAt = i;
      break;
    }
  }
  if (stemAt < 0) stemAt = parts.length - 1;
  const pieces: SegPiece[] = [];
  let total = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const kind: CliticKind = i < stemAt ? 'proclitic' : i === stemAt ? 'stem' : 'enclitic';
    if (kind === 'enclitic' && !encl.has(p)) return null;
    // ال after ل written as ل
    let len = p.length;
    if (p === 'ال' && i > 0 && parts[i - 1] === 'ل' && word.slice(total, total + 2) !== 'ال') len = 1;
    pieces.push({ len, kind, norm: fullNorm(p) });
    total += len;
  }
  return total === word.length ? pieces : null;
}

function loadLexicon(): void {
  for (const e of readWordList('hosts.txt')) HOSTS.add(segmentationForm(e.word));
  for (const e of [...readWordList('stems.txt'), ...readWordList('stems-corpus.txt')]) {
    const w = segmentationForm(e.word);
    if (e.value !== null && e.value.includes('+')) {
      const pieces = parseExplicit(w, e.value);
      if (pieces !== null) EXPLICIT.set(w, pieces);
      else STEMS.add(w);
    } else {
      STEMS.add(w);
    }
  }
}
loadLexicon();

/** Is `stem` a known word (a listed stem or host, or a listed stem plus an inflection ending)? */
function isKnown(stem: string): boolean {
  if (STEMS.has(stem) || HOSTS.has(stem)) return true;
  for (const inf of INFLECTIONS) {
    if (stem.length - inf.length >= 3 && stem.endsWith(inf) && STEMS.has(stem.slice(0, stem.length - inf.length)))
      return true;
  }
  return false;
}

/** True when the string starts with ال. */
function startsWithAl(s: string): boolean {
  return s.charCodeAt(0) === 0x0627 && s.charCodeAt(1) === 0x0644;
}

/**
 * Segment a word given in segmentation form (see `segmentationForm`).
 * The pieces' lengths add up to the word's length.
 */
export function segmentForm(w: string): SegPiece[] {
  const explicit = EXPLICIT.get(w);
  if (explicit !== undefined) return explicit;
  const whole: SegPiece[] = [{ len: w.length, kind: 'stem', norm: fullNorm(w) }];
  if (w.length < 2 || STEMS.has(w)) return whole;

  let bestKnown: { p: Prefix; s: string; stemLen: number; pieces: number } | null = null;
  let bestRule: { p: Prefix; s: string; stripped: number } | null = null;
  const L = w.length;
  for (const p of PREFIXES) {
    const pl = p.str.length;
    if (pl >= L || (pl > 0 && !w.startsWith(p.str))) continue;
    if (p.future && !IMPERFECT.has(w[pl]!)) continue;
    for (let si = -1; si < ENCLITICS.length; si++) {
      const s = si < 0 ? '' : ENCLITICS[si]!;
      const sl = s.length;
      if (sl > 0 && (p.hasAl || !w.endsWith(s))) continue;
      const stemLen = L - pl - sl;
      if (stemLen < 1) continue;
      if (pl === 0 && sl === 0) {
        // the whole word
        if (isKnown(w)) {
          if (bestKnown === null || stemLen > bestKnown.stemLen) bestKnown = { p, s, stemLen, pieces: 1 };
        }
        continue;
      }
      const stem = w.slice(pl, L - sl);
      if (sl > 0 && stem.charCodeAt(stem.length - 1) === TEH_MARBUTA) continue;
      const known = isKnown(stem) || (sl > 0 && stemLen === 1 && PREP_HOSTS.has(stem) && p.pieces.length <= 1);
      if (known) {
        if (sl > 0 && HOST_ONLY.has(s) && !HOSTS.has(stem) && !PREP_HOSTS.has(stem)) continue;
        const pieces = p.pieces.length + 1 + (sl > 0 ? 1 : 0);
        if (
          bestKnown === null ||
          stemLen > bestKnown.stemLen ||
          (stemLen === bestKnown.stemLen && pieces < bestKnown.pieces)
        )
          bestKnown = { p, s, stemLen, pieces };
        continue;
      }
      // rule-based validity for an unknown stem
      if (stemLen < (p.hasAl ? 2 : 3)) continue;
      if (startsWithAl(stem)) continue;
      if (sl > 0) {
        if (HOST_ONLY.has(s)) continue;
        if (LONG_STEM.has(s) && stemLen < 4) continue;
      }
      const stripped = pl + sl;
      if (bestRule === null || stripped > bestRule.stripped || (stripped === bestRule.stripped && pl > bestRule.p.str.length))
        bestRule = { p, s, stripped };
    }
  }
  const best = bestKnown ?? bestRule;
  if (best === null) return whole;
  const pieces: SegPiece[] = [...best.p.pieces];
  const stemLen = L - best.p.str.length - best.s.length;
  pieces.push({ len: stemLen, kind: 'stem', norm: fullNorm(w.slice(best.p.str.length, best.p.str.length + stemLen)) });
  if (best.s.length > 0) pieces.push({ len: best.s.length, kind: 'enclitic', norm: best.s });
  return pieces;
}

/** Segment a written word (any spelling): the pieces' normalised forms joined by `+`. */
export function segmentWord(word: string): string {
  return segmentForm(segmentationForm(word))
    .map((p) => p.norm)
    .join('+');
}

/** Lexicon sizes, for reports. */
export function lexiconStats(): { stems: number; explicit: number; hosts: number } {
  return { stems: STEMS.size, explicit: EXPLICIT.size, hosts: HOSTS.size };
}

/** The loaded lexicon sets (for the lexicon tool and tests; do not modify at run time). */
export function lexiconSets(): { stems: Set<string>; hosts: Set<string>; explicit: Map<string, SegPiece[]> } {
  return { stems: STEMS, hosts: HOSTS, explicit: EXPLICIT };
}

/** The proclitic sequences of the grammar, as segmentation-form strings (for the lexicon tool). */
export function prefixStrings(): { str: string; hasAl: boolean }[] {
  return PREFIXES.map((p) => ({ str: p.str, hasAl: p.hasAl }));
}

/** The pronoun enclitics, longest first. */
export const PRONOUN_ENCLITICS: readonly string[] = ENCLITICS;
