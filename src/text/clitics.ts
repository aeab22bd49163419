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
 * 3. With no known stem, the analysis stripping the most letters wins (ties: the one with the
 *    longer enclitic, فوزه = فوز+ه), subject to:
 *    - a stem keeps at least 3 letters (2 after ال: اليد, والغش; 2 before ها هما هن: حلها,
 *      ردها — not before هم, كم: اتهم, تحكم), unless it is a known word;
 *    - no enclitic after ال (السوري is ال+سوري, never ال+سور+ي);
 *    - ي / ني / ك only after a host word of hosts.txt (لي, مني, عليك): a word-final ي in
 *      news is nearly always a nisba (سوري, وطني);
 *    - كم / كما / كن need a stem of 4 letters or a host (محاكم stays whole);
 *    - future س only before an imperfect prefix ي ت ن (سيصل = س+يصل; سلام, سائق stay whole);
 *    - an unknown stem may not begin with ال (ال would have been taken as a proclitic),
 *      except after the article itself: الالتزام = ال+التزام;
 *    - the prepositions ب ل ك alone take a pronoun as their stem: له = ل+ه, بها = ب+ها.
 */

import { readWordList } from './lexicon.js';
import { normalizeCode } from './normalize.js';

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
  /** Index of the alef of a written ال in `str`, or -1. */
  alAt: number;
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
  const alAt = opts.al === true ? str.length - 2 : -1;
  return { str, pieces, hasAl: opts.al === true || opts.alAsL === true, alAt, future: opts.future === true };
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
/** Letters that can be proclitics. */
const PROCLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ك', 'ل', 'س']);
/** Enclitics after which a 2-letter stem is allowed. */
const TWO_LETTER_HOST = new Set(['ها', 'هما', 'هن']);
/** Imperfect verb prefixes that may follow the future س (not 1sg ا: سائق, ساحة, سابق). */
const IMPERFECT = new Set(['ي', 'ت', 'ن']);
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
/** Other function words, known exactly: هو, قد, لا, ما, كان … */
const FUNCTION = new Set<string>();

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
  for (const e of readWordList('function-words.txt')) FUNCTION.add(segmentationForm(e.word));
  for (const e of [...readWordList('stems.txt'), ...readWordList('stems-corpus.txt')]) {
    const w = segmentationForm(e.word);
    const seg = e.value?.includes('+') ? e.value : null;
    if (seg !== null) {
      const pieces = parseExplicit(w, seg);
      if (pieces !== null) EXPLICIT.set(w, pieces);
      else STEMS.add(w);
    } else {
      STEMS.add(w);
    }
  }
}

/**
 * Inflected forms of the listed stems, built once at load: a listed stem plus an inflection
 * ending (وزيرة ← وزير), ة written ت before an enclitic (سيطرت ← سيطرة), a final hamza on
 * its carrier before an enclitic (لقاي ← لقاء), the sound feminine plural of a ة noun
 * (وكالات ← وكالة).
 */
const INFLECTED = new Set<string>();

function buildInflected(): void {
  INFLECTED.clear();
  for (const st of STEMS) {
    if (st.length >= 3) for (const inf of INFLECTIONS) INFLECTED.add(st + inf);
    if (st.length >= 4 && st.endsWith('ة')) {
      const base = st.slice(0, -1);
      INFLECTED.add(base + 'ت');
      if (base.length >= 4) INFLECTED.add(base + 'ات');
    }
    if (st.length >= 3 && st.endsWith('ء')) {
      const base = st.slice(0, -1);
      INFLECTED.add(base + 'ي');
      INFLECTED.add(base + 'و');
    }
  }
}

const K_EXACT = 1;
const K_HOST = 2;
const K_INFLECTED = 4;
/** Every known string with its flags: one lookup per candidate stem. */
const KNOWN = new Map<string, number>();

function buildKnown(): void {
  buildInflected();
  KNOWN.clear();
  for (const w of INFLECTED) KNOWN.set(w, K_INFLECTED);
  for (const w of STEMS) KNOWN.set(w, K_EXACT);
  for (const w of FUNCTION) KNOWN.set(w, K_EXACT);
  for (const w of HOSTS) KNOWN.set(w, K_EXACT | K_HOST);
}

loadLexicon();
buildKnown();

/** Is `stem` a known word (a listed stem or host, or an inflected form of a listed stem)? */
function isKnown(stem: string): boolean {
  return KNOWN.has(stem);
}

/** True when the string starts with ال. */
function startsWithAl(s: string): boolean {
  return s.charCodeAt(0) === 0x0627 && s.charCodeAt(1) === 0x0644;
}

/** Word-final letters that can end an enclitic: ه (ه ها …) ا (ها هما كما نا) م (هم كم) ن (هن كن) ي ك. */
const ENCLITIC_LAST = new Set(['ه', 'ا', 'م', 'ن', 'ي', 'ك']);
/** Word-initial letters of the proclitic grammar (ا for ال). */
const PROCLITIC_FIRST = new Set(['و', 'ف', 'ب', 'ك', 'ل', 'س', 'ا']);

/** Prefix candidates by the word's first letter (the empty prefix always first). */
const PREFIXES_BY_FIRST = new Map<string, Prefix[]>();
for (const p of PREFIXES) {
  if (p.str === '') continue;
  const f = p.str[0]!;
  if (!PREFIXES_BY_FIRST.has(f)) PREFIXES_BY_FIRST.set(f, [PREFIXES[0]!]);
  PREFIXES_BY_FIRST.get(f)!.push(p);
}
const NO_PREFIX = [PREFIXES[0]!];

/** Enclitic candidates by the word's last letter ('' first: no enclitic). */
const SUFFIXES_BY_LAST = new Map<string, string[]>();
for (const l of ENCLITIC_LAST) SUFFIXES_BY_LAST.set(l, ['', ...ENCLITICS.filter((e) => e.endsWith(l))]);
const NO_SUFFIX = [''];
/** Shared enclitic pieces. */
const ENCLITIC_PIECES = new Map<string, SegPiece>(
  ENCLITICS.map((e) => [e, { len: e.length, kind: 'enclitic' as CliticKind, norm: e }]),
);

/** Quick test: can the word have a clitic at all? Most words with neither edge letter cannot. */
function mayHaveClitic(w: string): boolean {
  const f = w[0]!;
  if (PROCLITIC_FIRST.has(f) && (f !== 'ا' || w.charCodeAt(1) === 0x0644)) return true;
  return ENCLITIC_LAST.has(w[w.length - 1]!);
}

/**
 * Segment a word given in segmentation form (see `segmentationForm`).
 * The pieces' lengths add up to the word's length.
 */
export function segmentForm(w: string, hamzaAlef = 0): SegPiece[] {
  const explicit = EXPLICIT.get(w);
  if (explicit !== undefined) return explicit;
  if (w.length < 2 || !mayHaveClitic(w) || STEMS.has(w) || FUNCTION.has(w) || HOSTS.has(w))
    return [{ len: w.length, kind: 'stem', norm: fullNorm(w) }];

  // best analysis with a known stem (kP/kS: prefix and enclitic; null: none yet) and best
  // analysis by the rules (rP/rS); scalars, no allocation per candidate
  let kP: Prefix | null = null;
  let kS = '';
  let kStem = 0;
  let kPieces = 0;
  let kExact = false;
  let rP: Prefix | null = null;
  let rS = '';
  let rStripped = 0;
  const L = w.length;
  // the whole word, known through an inflection (an exact entry returned above)
  if (INFLECTED.has(w)) {
    kP = PREFIXES[0]!;
    kStem = L;
    kPieces = 1;
  }
  // enclitics the word ends with
  const last = w[L - 1]!;
  const suffixes = ENCLITIC_LAST.has(last)
    ? SUFFIXES_BY_LAST.get(last)!.filter((e) => e === '' || w.endsWith(e))
    : NO_SUFFIX;
  for (const p of PREFIXES_BY_FIRST.get(w[0]!) ?? NO_PREFIX) {
    const pl = p.str.length;
    if (pl >= L || (pl > 0 && !w.startsWith(p.str))) continue;
    if (p.future && !IMPERFECT.has(w[pl]!)) continue;
    // the article is never written with a hamza alef: ألقى, إلكتروني, آلاف are not ال+…
    if (p.hasAl && hamzaAlef !== 0 && p.alAt >= 0 && p.alAt < 31 && hamzaAlef & (1 << p.alAt)) continue;
    for (const s of suffixes) {
      const sl = s.length;
      if (sl > 0 && p.hasAl) continue;
      if (pl === 0 && sl === 0) continue;
      const stemLen = L - pl - sl;
      if (stemLen < 1) continue;
      if (sl > 0 && w.charCodeAt(L - sl - 1) === TEH_MARBUTA) continue;
      const stem = w.slice(pl, L - sl);
      const flags = KNOWN.get(stem) ?? 0;
      const prepHost = sl > 0 && stemLen === 1 && PREP_HOSTS.has(stem) && p.pieces.length <= 1;
      if (flags !== 0 || prepHost) {
        if (sl > 0 && HOST_ONLY.has(s) && (flags & K_HOST) === 0 && !PREP_HOSTS.has(stem)) continue;
        const pieces = p.pieces.length + 1 + (sl > 0 ? 1 : 0);
        // exact entries beat inflected ones (بلادنا = بلاد+نا, not ب+لادنا via لادن+ا),
        // then the longest stem, then the fewest pieces
        const exact = (flags & K_EXACT) !== 0 || stemLen === 1;
        if (
          kP === null ||
          (exact && !kExact) ||
          (exact === kExact && (stemLen > kStem || (stemLen === kStem && pieces < kPieces)))
        ) {
          kP = p;
          kS = s;
          kStem = stemLen;
          kPieces = pieces;
          kExact = exact;
        }
        continue;
      }
      if (kP !== null) continue;
      // rule-based validity for an unknown stem
      // 3 letters; 2 after the article (اليد, والغش) or before ها هما هن (حلها, ردها; not
      // before هم or كم: اتهم, تحكم are whole words)
      // (the latter only for a bare word not starting with a proclitic letter: بفهم = ب+فهم)
      const twoOk = p.hasAl || (pl === 0 && TWO_LETTER_HOST.has(s) && !PROCLITIC_LETTERS.has(w[0]!));
      if (stemLen < (twoOk ? 2 : 3)) continue;
      if (startsWithAl(stem) && !p.hasAl) continue;
      if (sl > 0) {
        if (HOST_ONLY.has(s)) continue;
        if (LONG_STEM.has(s) && stemLen < 4) continue;
      }
      const stripped = pl + sl;
      // ties go to the enclitic: فوزه = فوز+ه rather than ف+وزه (a 3-letter stem ending in a
      // radical ه is rarer than a pronoun)
      if (rP === null || stripped > rStripped || (stripped === rStripped && sl > rS.length)) {
        rP = p;
        rS = s;
        rStripped = stripped;
      }
    }
  }
  const bp = kP ?? rP;
  const bs = kP !== null ? kS : rS;
  if (bp === null || (bp.str.length === 0 && bs.length === 0))
    return [{ len: L, kind: 'stem', norm: fullNorm(w) }];
  const pieces: SegPiece[] = [...bp.pieces];
  const stemLen = L - bp.str.length - bs.length;
  pieces.push({
    len: stemLen,
    kind: 'stem',
    norm: fullNorm(w.slice(bp.str.length, bp.str.length + stemLen)),
  });
  if (bs.length > 0) pieces.push(ENCLITIC_PIECES.get(bs)!);
  return pieces;
}

const HAMZA_ALEF = new Set([0x0622, 0x0623, 0x0625]);

/**
 * Bit k is set when letter k of the segmentation form of `word` is written أ إ آ
 * (first 31 letters only).
 */
export function hamzaAlefMask(word: string): number {
  let mask = 0;
  let k = 0;
  for (let i = 0; i < word.length && k < 31; i++) {
    const c = word.charCodeAt(i);
    if (c !== TEH_MARBUTA && normalizeCode(c) < 0) continue;
    if (HAMZA_ALEF.has(c)) mask |= 1 << k;
    k++;
  }
  return mask;
}

/** Segment a written word (any spelling): the pieces' normalised forms joined by `+`. */
export function segmentWord(word: string): string {
  return segmentForm(segmentationForm(word), hamzaAlefMask(word))
    .map((p) => p.norm)
    .join('+');
}

/** Lexicon sizes, for reports. */
export function lexiconStats(): { stems: number; explicit: number; hosts: number; functionWords: number } {
  return { stems: STEMS.size, explicit: EXPLICIT.size, hosts: HOSTS.size, functionWords: FUNCTION.size };
}

/** Rebuild derived tables after the lexicon sets were changed (lexicon tool). */
export function lexiconChanged(): void {
  buildKnown();
}

/** The loaded lexicon sets (for the lexicon tool and tests; call `lexiconChanged` after a change). */
export function lexiconSets(): {
  stems: Set<string>;
  hosts: Set<string>;
  functionWords: Set<string>;
  explicit: Map<string, SegPiece[]>;
} {
  return { stems: STEMS, hosts: HOSTS, functionWords: FUNCTION, explicit: EXPLICIT };
}

/** Is the segmentation-form string a known stem (listed, or listed plus an inflection ending)? */
export function isKnownStem(stem: string): boolean {
  return isKnown(stem);
}

/** The proclitic sequences of the grammar, as segmentation-form strings (for the lexicon tool). */
export function prefixStrings(): { str: string; hasAl: boolean }[] {
  return PREFIXES.map((p) => ({ str: p.str, hasAl: p.hasAl }));
}

/** The pronoun enclitics, longest first. */
export const PRONOUN_ENCLITICS: readonly string[] = ENCLITICS;

/** Is the normalised word a listed function word or host (هو, التي, إلى, لدى)? */
export function isFunctionWord(norm: string): boolean {
  return FUNCTION.has(norm) || HOSTS.has(norm);
}
