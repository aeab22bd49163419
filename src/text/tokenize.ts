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
import { segmentForm } from './clitics.js';
import { normalize, normalizeCode } from './normalize.js';
import { lemma } from './stem.js';

/** Analysis of one written word, shared by all its occurrences. */
export interface WordAnalysis {
  norm: string;
  stem: string;
  lemma: string;
  /** Piece boundaries relative to the word start. */
  starts: number[];
  ends: number[];
  kinds: PieceKind[];
  norms: string[];
}

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const TEH_MARBUTA = 0x0629;
const MAX_CACHE = 300_000;

const cache = new Map<string, WordAnalysis>();

/** Analyse an Arabic word as written (letters, tashkeel, tatweel). Cached. */
export function analyzeWord(surface: string): WordAnalysis {
  if (surface.length > MAX_WORD) return computeAnalysis(surface);
  const hit = cache.get(surface);
  if (hit !== undefined) return hit;
  const a = computeAnalysis(surface);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(surface, a);
  return a;
}

/** Empty the analysis cache (tests, long-running processes that changed the lexicon). */
export function clearWordCache(): void {
  cache.clear();
}

/** Words longer than this are not segmented (no Arabic word is; garbage input can be). */
const MAX_WORD = 64;

function computeAnalysis(surface: string): WordAnalysis {
  const n = surface.length;
  if (n > MAX_WORD) {
    const norm = normalize(surface);
    return { norm, stem: norm, lemma: norm, starts: [0], ends: [n], kinds: ['stem'], norms: [norm] };
  }
  // segmentation form (normalised, ة kept) with the surface index of each of its letters
  const idx: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = surface.charCodeAt(i);
    const t = c === TEH_MARBUTA ? c : normalizeCode(c);
    if (t < 0) continue;
    codes.push(t);
    idx.push(i);
  }
  const form = String.fromCharCode(...codes);
  const norm = normalize(surface);
  const seg = segmentForm(form);
  const starts: number[] = [];
  const ends: number[] = [];
  const kinds: PieceKind[] = [];
  const norms: string[] = [];
  let k = 0;
  let stem = '';
  for (let j = 0; j < seg.length; j++) {
    const p = seg[j]!;
    starts.push(j === 0 ? 0 : idx[k]!);
    k += p.len;
    ends.push(j === seg.length - 1 ? n : idx[k]!);
    kinds.push(p.kind);
    norms.push(p.norm);
    if (p.kind === 'stem') stem = p.norm;
  }
  return { norm, stem, lemma: lemma(stem), starts, ends, kinds, norms };
}

function makeToken(
  text: string,
  start: number,
  end: number,
  index: number,
  sentence: number,
  kind: TokenKind,
): Token {
  const surface = text.slice(start, end);
  if (kind === 'word') {
    const a = analyzeWord(surface);
    const pieces: Piece[] = [];
    const np = a.starts.length;
    if (np === 1) {
      pieces.push({ start, end, text: surface, kind: a.kinds[0]!, norm: a.norms[0]! });
    } else {
      for (let j = 0; j < np; j++) {
        const ps = start + a.starts[j]!;
        const pe = start + a.ends[j]!;
        pieces.push({ start: ps, end: pe, text: text.slice(ps, pe), kind: a.kinds[j]!, norm: a.norms[j]! });
      }
    }
    return { start, end, text: surface, index, sentence, kind, norm: a.norm, pieces, stem: a.stem, lemma: a.lemma };
  }
  const norm = normalize(surface);
  const key = kind === 'latin' ? norm.toLowerCase() : norm;
  return {
    start,
    end,
    text: surface,
    index,
    sentence,
    kind,
    norm,
    pieces: [{ start, end, text: surface, kind: 'stem', norm }],
    stem: norm,
    lemma: key,
  };
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
      out.push(makeToken(text, start, i, out.length, si, kind));
    }
  }
  return out;
}
