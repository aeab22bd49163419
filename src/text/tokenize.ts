/**
 * Tokenisation with clitic segmentation. One linear pass over each sentence, one table
 * lookup per character; the analysis of a word (normalised form, clitic pieces, stem,
 * lemma) is computed once per distinct written form and cached.
 *
 * Token kinds:
 * - `word`: a run of Arabic letters, with the tashkeel and tatweel inside it (and a
 *   zero-width joiner / non-joiner between two letters);
 * - `number`: digits of any script with inner `.` `,` `٫` `٬` between digits: 3.5, 3.075.601, ١٥;
 *   a number glued to a word is two tokens: 2015م → 2015 | م;
 * - `latin`: a run of letters of another script, with digits after the first letter: G20;
 * - `punct`: one punctuation character;
 * - `symbol`: one other character (%, $, emoji).
 * Blanks (spaces, line breaks, invisible controls, other control characters) are skipped.
 *
 * Every token and piece satisfies `text.slice(start, end) === span.text`; the pieces of a
 * token tile it exactly. Tokens outside every sentence are not produced.
 */
import type { Piece, PieceKind, Sentence, Token, TokenKind } from '../types.js';
import {
  C_AR_LETTER,
  C_DIGIT,
  C_FORMAT,
  C_LETTER,
  C_MARK,
  C_PUNCT,
  C_SURROGATE,
  C_SYMBOL,
  C_TATWEEL,
  CLS,
  classifyCodePoint,
  isBlankClass,
} from './chars.js';
import { segmentationForm, segmentForm } from './clitics.js';
import { normalize, normalizeCode } from './normalize.js';
import { lemma } from './stem.js';

/** One clitic piece of a cached word analysis, offsets relative to the word start. */
export interface PieceTemplate {
  start: number;
  end: number;
  kind: PieceKind;
  norm: string;
  text: string;
}

/** Analysis of one written word, shared by all its occurrences. */
export interface WordAnalysis {
  /** The word as written (shared by the tokens that have it as text). */
  surface: string;
  norm: string;
  stem: string;
  lemma: string;
  /** The clitic pieces, or null when the word is one stem piece (the common case). */
  pieces: PieceTemplate[] | null;
}

/**
 * Tokens and pieces are class instances with the fields of the `Token` / `Piece` contract
 * as own properties: plain data for every consumer (JSON, spread, equality), but without
 * object-literal allocation sites, which V8 may decide to pretenure into the old generation
 * — a costly choice for millions of short-lived tokens.
 */
class PieceObj implements Piece {
  start: number;
  end: number;
  text: string;
  kind: PieceKind;
  norm: string;
  constructor(start: number, end: number, text: string, kind: PieceKind, norm: string) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.kind = kind;
    this.norm = norm;
  }
}

class TokenObj implements Token {
  start: number;
  end: number;
  text: string;
  index: number;
  sentence: number;
  kind: TokenKind;
  norm: string;
  pieces: Piece[];
  stem: string;
  lemma: string;
  constructor(
    start: number,
    end: number,
    text: string,
    index: number,
    sentence: number,
    kind: TokenKind,
    norm: string,
    pieces: Piece[],
    stem: string,
    lemma: string,
  ) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.index = index;
    this.sentence = sentence;
    this.kind = kind;
    this.norm = norm;
    this.pieces = pieces;
    this.stem = stem;
    this.lemma = lemma;
  }
}

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const TEH_MARBUTA = 0x0629;
/** Words longer than this are not segmented (no Arabic word is; garbage input can be). */
const MAX_WORD = 64;

/**
 * Cache of analyses by written form: an open hash table keyed on the code units of the
 * text, so a known word is found without first cutting it out of the text; in front of it,
 * a small direct-mapped table of recent hits (news vocabulary is Zipfian: it keeps the
 * frequent words in the processor cache).
 */
const BITS = 18;
const SIZE = 1 << BITS;
const MAX_CACHE = SIZE * 2;
const HOT_BITS = 16;
let heads = new Int32Array(SIZE).fill(-1);
let next = new Int32Array(1024);
let hashes = new Int32Array(1024);
let entries: WordAnalysis[] = [];
let hot: (WordAnalysis | undefined)[] = new Array(1 << HOT_BITS);
/** Per hot slot: the hash of its word (checked before the word itself is read). */
let hotHash = new Int32Array(1 << HOT_BITS);

/** Empty the analysis cache (tests, long-running processes that changed the lexicon). */
export function clearWordCache(): void {
  heads = new Int32Array(SIZE).fill(-1);
  next = new Int32Array(1024);
  hashes = new Int32Array(1024);
  entries = [];
  hot = new Array(1 << HOT_BITS);
  hotHash = new Int32Array(1 << HOT_BITS);
}

function sameText(sf: string, text: string, start: number, len: number): boolean {
  if (sf.length !== len) return false;
  for (let i = 0; i < len; i++) if (sf.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function lookup(text: string, start: number, end: number, h: number): WordAnalysis | null {
  const len = end - start;
  const hs = (h ^ (h >>> HOT_BITS)) & ((1 << HOT_BITS) - 1);
  if (hotHash[hs] === h) {
    const ha = hot[hs];
    if (ha !== undefined && sameText(ha.surface, text, start, len)) return ha;
  }
  for (let e = heads[h & (SIZE - 1)]!; e >= 0; e = next[e]!) {
    if (hashes[e] !== h) continue;
    const a = entries[e]!;
    if (sameText(a.surface, text, start, len)) {
      hot[hs] = a;
      hotHash[hs] = h;
      return a;
    }
  }
  return null;
}

function insert(a: WordAnalysis, h: number): void {
  if (entries.length >= MAX_CACHE) clearWordCache();
  const e = entries.length;
  if (e >= next.length) {
    const n2 = new Int32Array(next.length * 2);
    n2.set(next);
    next = n2;
    const h2 = new Int32Array(hashes.length * 2);
    h2.set(hashes);
    hashes = h2;
  }
  const b = h & (SIZE - 1);
  entries.push(a);
  hashes[e] = h;
  next[e] = heads[b]!;
  heads[b] = e;
}

/** Analysis of the Arabic word at text[start, end). Cached. */
function analyzeRange(text: string, start: number, end: number): WordAnalysis {
  if (end - start > MAX_WORD) return computeAnalysis(text.slice(start, end));
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const hit = lookup(text, start, end, h);
  if (hit !== null) return hit;
  const a = computeAnalysis(copyOf(text, start, end));
  insert(a, h);
  return a;
}

/**
 * A flat copy of text[start, end): `slice` of 13 or more code units makes a view that keeps
 * the whole document alive; the cache must not hold documents.
 */
function copyOf(text: string, start: number, end: number): string {
  if (end - start < 13) return text.slice(start, end);
  const codes = new Array<number>(end - start);
  for (let i = start; i < end; i++) codes[i - start] = text.charCodeAt(i);
  return String.fromCharCode(...codes);
}

/** Analyse an Arabic word as written (letters, tashkeel, tatweel). Cached. */
export function analyzeWord(surface: string): WordAnalysis {
  return analyzeRange(surface, 0, surface.length);
}

function computeAnalysis(surface: string): WordAnalysis {
  const n = surface.length;
  if (n > MAX_WORD) {
    const norm = normalize(surface);
    return { surface, norm, stem: norm, lemma: norm, pieces: null };
  }
  // segmentation form (normalised, ة kept); the surface index of each of its letters is
  // only needed when normalisation dropped something (tashkeel, tatweel)
  const form = segmentationForm(surface);
  let idx: number[] | null = null;
  let hamza = 0;
  if (form.length !== n) {
    idx = [];
    for (let i = 0; i < n; i++) {
      const c = surface.charCodeAt(i);
      if (c !== TEH_MARBUTA && normalizeCode(c) < 0) continue;
      if ((c === 0x0623 || c === 0x0625 || c === 0x0622) && idx.length < 31) hamza |= 1 << idx.length;
      idx.push(i);
    }
  } else {
    for (let i = 0; i < n && i < 31; i++) {
      const c = surface.charCodeAt(i);
      if (c === 0x0623 || c === 0x0625 || c === 0x0622) hamza |= 1 << i;
    }
  }
  const norm = form.indexOf('ة') < 0 ? form : normalize(surface);
  const seg = segmentForm(form, hamza);
  if (seg.length === 1) {
    const stem = seg[0]!.norm;
    return { surface, norm, stem, lemma: lemma(stem), pieces: null };
  }
  const pieces: PieceTemplate[] = [];
  let k = 0;
  let stem = '';
  for (let j = 0; j < seg.length; j++) {
    const p = seg[j]!;
    const ps = j === 0 ? 0 : idx === null ? k : idx[k]!;
    k += p.len;
    const pe = j === seg.length - 1 ? n : idx === null ? k : idx[k]!;
    pieces.push({ start: ps, end: pe, kind: p.kind, norm: p.norm, text: surface.slice(ps, pe) });
    if (p.kind === 'stem') stem = p.norm;
  }
  return { surface, norm, stem, lemma: lemma(stem), pieces };
}

function makeWordToken(text: string, start: number, end: number, index: number, sentence: number): Token {
  const a = analyzeRange(text, start, end);
  const tp = a.pieces;
  let pieces: Piece[];
  if (tp === null) {
    pieces = new Array<Piece>(1);
    pieces[0] = new PieceObj(start, end, a.surface, 'stem', a.stem);
  } else {
    pieces = new Array<Piece>(tp.length);
    for (let j = 0; j < tp.length; j++) {
      const p = tp[j]!;
      pieces[j] = new PieceObj(start + p.start, start + p.end, p.text, p.kind, p.norm);
    }
  }
  return new TokenObj(start, end, a.surface, index, sentence, 'word', a.norm, pieces, a.stem, a.lemma);
}

/** Strings of single code units and their normalised forms, made on first use. */
const CHAR_TEXT: (string | undefined)[] = new Array(0x10000);
const CHAR_NORM: (string | undefined)[] = new Array(0x10000);

function makeCharStrings(c: number): string {
  const t = String.fromCharCode(c);
  CHAR_TEXT[c] = t;
  CHAR_NORM[c] = normalize(t);
  return t;
}

function makeToken(
  text: string,
  start: number,
  end: number,
  index: number,
  sentence: number,
  kind: TokenKind,
): Token {
  let surface: string;
  let norm: string;
  if (end - start === 1) {
    // one character (punctuation, most symbols): shared strings, no slicing
    const c = text.charCodeAt(start);
    surface = CHAR_TEXT[c] ?? makeCharStrings(c);
    norm = CHAR_NORM[c]!;
  } else {
    surface = text.slice(start, end);
    norm = normalize(surface);
  }
  const key = kind === 'latin' ? norm.toLowerCase() : norm;
  const pieces = new Array<Piece>(1);
  pieces[0] = new PieceObj(start, end, surface, 'stem', norm);
  return new TokenObj(start, end, surface, index, sentence, kind, norm, pieces, norm, key);
}

/** Is the code unit a separator allowed inside a number between two digits? */
function isNumberSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

/** Class of the character at `i`, resolving surrogate pairs; `len` receives its length. */
function classOf(text: string, i: number, out: { len: number }): number {
  const k = CLS[text.charCodeAt(i)]!;
  if (k !== C_SURROGATE) {
    out.len = 1;
    return k;
  }
  const cp = text.codePointAt(i)!;
  if (cp > 0xffff) {
    out.len = 2;
    return classifyCodePoint(cp);
  }
  out.len = 1; // lone surrogate
  return C_SYMBOL;
}

/** Tokenise the text of the given sentences. */
export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const out: Token[] = [];
  const cl = { len: 1 };
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    const end = Math.min(sent.end, text.length);
    let i = Math.max(0, sent.start);
    while (i < end) {
      const k = classOf(text, i, cl);
      if (isBlankClass(k)) {
        i += cl.len;
        continue;
      }
      const start = i;
      let kind: TokenKind;
      if (k === C_AR_LETTER || k === C_MARK || k === C_TATWEEL) {
        let j = i + 1;
        let letters = k === C_AR_LETTER ? 1 : 0;
        while (j < end) {
          const c = text.charCodeAt(j);
          const kj = CLS[c]!;
          if (kj === C_AR_LETTER) letters++;
          else if (kj === C_MARK || kj === C_TATWEEL) {
            // inside the word
          } else if (
            kj === C_FORMAT &&
            (c === ZWNJ || c === ZWJ) &&
            j + 1 < end &&
            CLS[text.charCodeAt(j + 1)] === C_AR_LETTER &&
            letters > 0
          ) {
            // joiner between two letters
          } else break;
          j++;
        }
        if (letters === 0) {
          // stray marks: a symbol token (a combining mark after a Latin letter is kept by that word)
          kind = 'symbol';
        } else kind = 'word';
        i = j;
      } else if (k === C_DIGIT) {
        let j = i + 1;
        while (j < end) {
          const c = text.charCodeAt(j);
          if (CLS[c] === C_DIGIT) j++;
          else if (isNumberSeparator(c) && j + 1 < end && CLS[text.charCodeAt(j + 1)] === C_DIGIT) j += 2;
          else break;
        }
        kind = 'number';
        i = j;
      } else if (k === C_LETTER) {
        let j = i + cl.len;
        while (j < end) {
          const kj = classOf(text, j, cl);
          if (kj === C_LETTER || kj === C_MARK || kj === C_DIGIT) j += cl.len;
          else break;
        }
        kind = 'latin';
        i = j;
      } else if (k === C_PUNCT) {
        kind = 'punct';
        i += cl.len;
      } else {
        kind = 'symbol';
        i += cl.len;
      }
      out.push(
        kind === 'word'
          ? makeWordToken(text, start, i, out.length, si)
          : makeToken(text, start, i, out.length, si, kind),
      );
    }
  }
  return out;
}
