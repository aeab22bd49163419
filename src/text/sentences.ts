/**
 * Sentence splitting for Arabic news. One linear pass over the text, no regular expressions.
 *
 * Rules, in order:
 * - A line break always ends a sentence (news paragraphs are lines).
 * - `؟ ? ! …` and `۔` end a sentence when followed by a space, a line break or the end of
 *   the text (closing quotes and brackets right after them stay in the sentence);
 *   `؟ ? !` also when directly followed by an Arabic letter (`انتهى؟وقال`).
 * - `.` ends a sentence when followed by a space / line end, except:
 *   - initials and abbreviations: a lone letter or letters joined by dots (`د.` `أ.د.` `ص.ب.` `U.S.`)
 *     and a few Latin titles (`Mr.` `Dr.`);
 *     but an era letter after a number is not an abbreviation: `عام 2015م. وقال` and
 *     `1436هـ. وقال` end the sentence;
 *   - a list number at the start of a sentence: `1. `;
 *   - numbers never split: `3.5`, `3.075.601` (no space after the dot).
 *   A `.` directly followed by an Arabic letter ends a sentence when the word before it has
 *   3 or more Arabic letters (`الماضي.وقال`), never after an initial (`د.محمد`).
 * - A short quoted span on one line («…» “…” "…", up to 300 characters) is never split inside.
 * - A line that forms a single sentence, has at most 15 words, no comma and no final
 *   punctuation (`. ! ? ؟ … : ، , ; ؛`) is a heading: `heading: true`.
 * Sentence spans exclude surrounding whitespace and invisible controls. Empty text → [].
 */
import type { Sentence } from '../types.js';
import {
  C_AR_LETTER,
  C_DIGIT,
  C_LETTER,
  C_MARK,
  C_NEWLINE,
  C_SURROGATE,
  C_TATWEEL,
  CLS,
  isBlankClass,
} from './chars.js';

/** Longest quoted span (in code units) that is kept whole. */
const MAX_QUOTE = 300;
/** Most words a heading line may have. */
const MAX_HEADING_WORDS = 15;

const DOT = 0x2e;
const ELLIPSIS = 0x2026;
const Q_ASCII = 0x22;

/** Sentence-final punctuation: . ! ? ؟ … ۔ */
const TERMINAL = new Uint8Array(0x10000);
for (const c of [DOT, 0x21, 0x3f, 0x061f, ELLIPSIS, 0x06d4, 0x203c, 0x2047, 0x2048, 0x2049]) TERMINAL[c] = 1;

/** Characters that may follow a terminator and still belong to the sentence. */
const CLOSER = new Uint8Array(0x10000);
for (const c of [0x22, 0x27, 0x29, 0x5d, 0x7d, 0xbb, 0x2019, 0x201d, 0x203a, 0xab]) CLOSER[c] = 1;

/** Final punctuation that makes a line not a heading. */
const NOT_HEADING_END = new Uint8Array(0x10000);
for (const c of [DOT, 0x21, 0x3f, 0x061f, ELLIPSIS, 0x06d4, 0x3a, 0x060c, 0x2c, 0x3b, 0x061b, 0x2d])
  NOT_HEADING_END[c] = 1;

/** Opening quote → its closing quote (0: not an opening quote). */
const QUOTE_CLOSE = new Uint16Array(0x10000);
QUOTE_CLOSE[0xab] = 0xbb; // « »
QUOTE_CLOSE[0x201c] = 0x201d; // “ ”
QUOTE_CLOSE[0x201e] = 0x201c; // „ “
QUOTE_CLOSE[Q_ASCII] = Q_ASCII;

/** Latin abbreviations that do not end a sentence (lower-cased, without the dot). */
const LATIN_ABBR = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'gen',
  'col',
  'lt',
  'no',
  'vs',
]);

/** Era letters written after a year: م (ميلادي), هـ (هجري). */
const ERA = new Set([0x0645, 0x0647]);

function isBlank(c: number): boolean {
  return isBlankClass(CLS[c]!);
}

/** True when the letter-ish class counts as part of a word for abbreviation checks. */
function isLetterClass(k: number): boolean {
  return k === C_AR_LETTER || k === C_LETTER || k === C_SURROGATE;
}

/**
 * Is the `.` at `dot` the end of an abbreviation or initial (so not a sentence end)?
 * `segStart` is the start of the current sentence.
 */
function isAbbreviationDot(text: string, dot: number, segStart: number): boolean {
  // the word before the dot: back to the previous blank, at most 24 code units
  let w = dot;
  const lim = Math.max(segStart, dot - 24);
  while (w > lim && !isBlank(text.charCodeAt(w - 1))) w--;
  if (w === dot) return false;
  // count letters, digits, dots in the word; letters between dots
  let letters = 0;
  let digits = 0;
  let maxRun = 0;
  let run = 0;
  let firstLetter = -1;
  let lastLetter = -1;
  let other = 0;
  for (let i = w; i < dot; i++) {
    const c = text.charCodeAt(i);
    const k = CLS[c]!;
    if (isLetterClass(k)) {
      letters++;
      run++;
      if (run > maxRun) maxRun = run;
      if (firstLetter < 0) firstLetter = i;
      lastLetter = i;
    } else if (k === C_DIGIT) {
      digits++;
      run = 0;
    } else if (k === C_MARK || k === C_TATWEEL) {
      // inside a letter, keeps the run
    } else if (c === DOT) {
      run = 0;
    } else {
      other++;
      run = 0;
    }
  }
  // list number at sentence start: "1. "
  if (letters === 0 && digits > 0 && digits <= 3 && other === 0 && w === segStart) return true;
  if (letters === 0) return false;
  // Latin titles
  if (CLS[text.charCodeAt(firstLetter)] === C_LETTER && maxRun > 1) {
    return (
      digits === 0 &&
      LATIN_ABBR.has(
        text
          .slice(w, dot)
          .replace(/[^A-Za-z]/g, '')
          .toLowerCase(),
      )
    );
  }
  if (maxRun !== 1) return false;
  // a single letter (or letters joined by dots). Era letter after a number ends the sentence.
  if (letters === 1 && ERA.has(text.charCodeAt(lastLetter))) {
    if (digits > 0) return false; // 2015م.
    // "2015 م." — the word before is a number
    let p = w - 1;
    while (p >= segStart && isBlank(text.charCodeAt(p))) p--;
    if (p >= segStart && CLS[text.charCodeAt(p)] === C_DIGIT) return false;
  }
  if (digits > 0) return false;
  return true;
}

/** Number of Arabic letters in the word ending right before `end`. */
function arabicWordLength(text: string, end: number, lim: number): number {
  let n = 0;
  for (let i = end - 1; i >= lim; i--) {
    const k = CLS[text.charCodeAt(i)]!;
    if (k === C_AR_LETTER) n++;
    else if (k !== C_MARK && k !== C_TATWEEL) break;
  }
  return n;
}

/** A sentence: a class instance rather than an object literal (see tokenize.ts, TokenObj). */
class SentenceObj implements Sentence {
  start: number;
  end: number;
  text: string;
  index: number;
  heading: boolean;
  constructor(start: number, end: number, text: string, index: number, heading: boolean) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.index = index;
    this.heading = heading;
  }
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let segStart = -1; // first non-blank of the current sentence
  let lastEnd = -1; // end of the last non-blank of the current sentence
  let lineSentences = 0; // sentences already ended on this line
  // per quote type: position up to which we know there is no closer (keeps the scan linear)
  const noCloserUntil = new Map<number, number>();

  const emit = (start: number, end: number, lineEnd: boolean): void => {
    let heading = false;
    if (lineEnd && lineSentences === 0) heading = isHeading(text, start, end);
    out.push(new SentenceObj(start, end, text.slice(start, end), out.length, heading));
    lineSentences++;
    segStart = -1;
    lastEnd = -1;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = CLS[c]!;
    if (k === C_NEWLINE) {
      if (segStart >= 0) emit(segStart, lastEnd, true);
      lineSentences = 0;
      i++;
      continue;
    }
    if (isBlankClass(k)) {
      i++;
      continue;
    }
    if (segStart < 0) segStart = i;
    // opening quote: keep a short quoted span whole
    const close = QUOTE_CLOSE[c]!;
    if (close !== 0 && (c !== Q_ASCII || i === 0 || !isLetterClass(CLS[text.charCodeAt(i - 1)]!))) {
      const from = Math.max(i + 1, noCloserUntil.get(c) ?? 0);
      const lim = Math.min(n, i + 1 + MAX_QUOTE);
      let j = from;
      for (; j < lim; j++) {
        const d = text.charCodeAt(j);
        if (d === close || CLS[d] === C_NEWLINE) break;
      }
      if (j < lim && text.charCodeAt(j) === close) {
        // found: skip the span; a terminator right before the closer may end the sentence
        i = j + 1;
        lastEnd = i;
        if (TERMINAL[text.charCodeAt(j - 1)] && j - 1 > segStart) {
          let m = i;
          while (m < n && CLOSER[text.charCodeAt(m)]) m++;
          if (m === n || isBlank(text.charCodeAt(m))) {
            const term = text.charCodeAt(j - 1);
            if (term !== DOT || !isAbbreviationDot(text, j - 1, segStart)) {
              emit(segStart, m, m === n || CLS[text.charCodeAt(m)] === C_NEWLINE);
              i = m;
            }
          }
        }
        continue;
      }
      noCloserUntil.set(c, j);
      i++;
      lastEnd = i;
      continue;
    }
    if (TERMINAL[c]) {
      // run of terminators, then closers
      let j = i + 1;
      while (j < n && TERMINAL[text.charCodeAt(j)]) j++;
      let m = j;
      while (m < n && CLOSER[text.charCodeAt(m)]) m++;
      lastEnd = m;
      const single = j === i + 1;
      const atEnd = m === n;
      const next = atEnd ? 0 : text.charCodeAt(m);
      const nextK = atEnd ? C_NEWLINE : CLS[next]!;
      let boundary = false;
      if (atEnd || isBlankClass(nextK)) {
        boundary = !(single && c === DOT && isAbbreviationDot(text, i, segStart));
      } else if (nextK === C_AR_LETTER) {
        if (c === DOT && single)
          boundary = arabicWordLength(text, i, segStart) >= 3 && !isAbbreviationDot(text, i, segStart);
        else boundary = !(c === ELLIPSIS && single);
      }
      if (boundary && segStart < i) {
        emit(segStart, m, atEnd || nextK === C_NEWLINE || isRestBlank(text, m));
      } else if (boundary && segStart === i) {
        // a line of bare punctuation ("..."): keep it as its own sentence
        emit(segStart, m, atEnd || isRestBlank(text, m));
      }
      i = m;
      continue;
    }
    if (k === C_SURROGATE) {
      i += 2;
      if (i > n) i = n;
      lastEnd = i;
      continue;
    }
    i++;
    lastEnd = i;
  }
  if (segStart >= 0) emit(segStart, lastEnd, true);
  return out;
}

/** True when only blanks follow `from` up to the next line break or the end of the text. */
function isRestBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const k = CLS[text.charCodeAt(i)]!;
    if (k === C_NEWLINE) return true;
    if (!isBlankClass(k)) return false;
  }
  return true;
}

/** A short line with letters and no final punctuation. */
function isHeading(text: string, start: number, end: number): boolean {
  // the last visible character, skipping closing quotes and brackets
  let e = end;
  while (e > start && CLOSER[text.charCodeAt(e - 1)]) e--;
  if (e === start) return false;
  if (NOT_HEADING_END[text.charCodeAt(e - 1)]) return false;
  let words = 0;
  let inWord = false;
  let hasLetter = false;
  for (let i = start; i < end; i++) {
    const k = CLS[text.charCodeAt(i)]!;
    if (isBlankClass(k)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      words++;
      if (words > MAX_HEADING_WORDS) return false;
      inWord = true;
    }
    if (k === C_AR_LETTER || k === C_LETTER) hasLetter = true;
    else {
      // a comma inside the line: a sentence broken by a line break, or verse — not a heading
      const c = text.charCodeAt(i);
      if (c === 0x060c || c === 0x2c) return false;
    }
  }
  return hasLetter;
}
