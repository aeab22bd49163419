/**
 * Character classes for the sentence splitter and the tokeniser: one table lookup per
 * UTF-16 code unit, built once from Unicode properties (never from letter ranges).
 * Code units outside the table's classes (surrogates) are classified by code point.
 */

export const C_OTHER = 0;
/** Space, tab, non-breaking and other Unicode spaces. */
export const C_SPACE = 1;
/** Line feed, carriage return, vertical tab, form feed, NEL, U+2028, U+2029. */
export const C_NEWLINE = 2;
/** Zero-width and bidi controls, BOM, soft hyphen: invisible, ignored between tokens. */
export const C_FORMAT = 3;
/** Other C0/C1 control characters: treated like spaces. */
export const C_CONTROL = 4;
/** Arabic-script letter (ء … ي, ی ک پ …). */
export const C_AR_LETTER = 5;
/** Combining mark (tashkeel, Quranic marks, Latin accents): stays inside its word. */
export const C_MARK = 6;
/** Tatweel ـ: stays inside its word. */
export const C_TATWEEL = 7;
/** Decimal digit of any script: 0-9, ٠-٩, ۰-۹. */
export const C_DIGIT = 8;
/** A letter of another script (Latin, Cyrillic, Greek …). */
export const C_LETTER = 9;
/** Punctuation (\p{P}). */
export const C_PUNCT = 10;
/** Symbol (\p{S}) or other number (½, ²). */
export const C_SYMBOL = 11;
/** UTF-16 surrogate: classify with `classifyCodePoint`. */
export const C_SURROGATE = 12;

export const CLS = new Uint8Array(0x10000);

{
  const reSpace = /\s/u;
  const reFormat = /\p{Cf}/u;
  const reControl = /\p{Cc}/u;
  const reArabic = /\p{Script=Arabic}/u;
  const reMark = /\p{M}/u;
  const reDigit = /\p{Nd}/u;
  const reLetter = /\p{L}/u;
  const rePunct = /\p{P}/u;
  const reSymbol = /[\p{S}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      CLS[c] = C_SURROGATE;
      continue;
    }
    const ch = String.fromCharCode(c);
    let k = C_OTHER;
    if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029)
      k = C_NEWLINE;
    else if (c === 0x0640) k = C_TATWEEL;
    else if (reSpace.test(ch)) k = C_SPACE;
    else if (reFormat.test(ch)) k = C_FORMAT;
    else if (reControl.test(ch)) k = C_CONTROL;
    else if (reLetter.test(ch) && reArabic.test(ch)) k = C_AR_LETTER;
    else if (reMark.test(ch)) k = C_MARK;
    else if (reDigit.test(ch)) k = C_DIGIT;
    else if (reLetter.test(ch)) k = C_LETTER;
    else if (rePunct.test(ch)) k = C_PUNCT;
    else if (reSymbol.test(ch)) k = C_SYMBOL;
    CLS[c] = k;
  }
  // U+FEFF (BOM) is \p{Cf} but also matched by \s in JS: keep it invisible, not a space.
  CLS[0xfeff] = C_FORMAT;
}

const reLetterCp = /\p{L}/u;
const reMarkCp = /\p{M}/u;
const reDigitCp = /\p{Nd}/u;
const rePunctCp = /\p{P}/u;

/** Class of a supplementary-plane code point (emoji, rare scripts). */
export function classifyCodePoint(cp: number): number {
  if (cp < 0x10000) return CLS[cp]!;
  const ch = String.fromCodePoint(cp);
  if (reLetterCp.test(ch)) return C_LETTER;
  if (reMarkCp.test(ch)) return C_MARK;
  if (reDigitCp.test(ch)) return C_DIGIT;
  if (rePunctCp.test(ch)) return C_PUNCT;
  return C_SYMBOL;
}

/** Class of the character starting at `i`, and its length in code units (1 or 2). */
export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const k = CLS[c]!;
  if (k !== C_SURROGATE) return k;
  const cp = text.codePointAt(i)!;
  return cp > 0xffff ? classifyCodePoint(cp) : C_SYMBOL;
}

/** True for the classes that separate tokens and are trimmed from sentence edges. */
export function isBlankClass(k: number): boolean {
  return k === C_SPACE || k === C_NEWLINE || k === C_FORMAT || k === C_CONTROL;
}
