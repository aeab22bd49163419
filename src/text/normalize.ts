/**
 * Normalisation for matching only. Offsets always point into the text as given;
 * use `normalizeWithMap` when a normalised string must be mapped back.
 *
 * Folds: tashkeel and Quranic marks (removed), tatweel (removed), alef forms
 * (أ إ آ ٱ → ا), alef maqsura and Persian yeh (ى ی → ي), teh marbuta (ة → ه),
 * hamza carriers (ؤ → و, ئ → ي), Persian kaf (ک → ك), Arabic-Indic and Persian digits
 * (٣ ۳ → 3), Arabic punctuation (، ؛ ؟ → , ; ?), typographic quotes (“ ” « » → "),
 * zero-width and bidi controls (removed), non-breaking spaces (→ space), Arabic full stop
 * (۔ → .), Arabic presentation forms (ﺑ → ب, then folded: ﺓ → ه).
 * One table lookup per UTF-16 code unit, so `normalize` keeps a 1:1-or-drop mapping and
 * `normalizeWithMap` can map every normalised code unit back to the text.
 */

/** Code unit → replacement code unit; 0 = keep as is; -1 = drop. */
const TABLE = new Int32Array(0x10000);

function map(from: number | number[], to: number): void {
  for (const c of Array.isArray(from) ? from : [from]) TABLE[c] = to;
}
function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let c = a; c <= b; c++) out.push(c);
  return out;
}

const DROP = -1;
// tashkeel (fathatan … sukun and extended marks), superscript alef, Quranic annotation marks
map(range(0x064b, 0x065f), DROP);
map(0x0670, DROP);
map(range(0x06d6, 0x06dc), DROP);
map(range(0x06df, 0x06e4), DROP);
map(range(0x06e7, 0x06e8), DROP);
map(range(0x06ea, 0x06ed), DROP);
map(range(0x0610, 0x061a), DROP);
// tatweel
map(0x0640, DROP);
// zero-width and bidi controls, BOM
map(range(0x200b, 0x200f), DROP);
map(0x061c, DROP);
map(range(0x202a, 0x202e), DROP);
map(range(0x2066, 0x2069), DROP);
map(range(0x2060, 0x2064), DROP); // word joiner, invisible operators
map(0xfeff, DROP);
map(0x00ad, DROP);
// alef forms
map([0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673], 0x0627);
// alef maqsura, Persian / Farsi yeh → yeh
map([0x0649, 0x06cc, 0x06d0], 0x064a);
// teh marbuta → heh; Persian heh forms
map([0x0629, 0x06c1, 0x06d5, 0x06c0], 0x0647);
// hamza carriers
map(0x0624, 0x0648);
map(0x0626, 0x064a);
// Persian kaf → kaf
map(0x06a9, 0x0643);
// digits
for (let i = 0; i < 10; i++) {
  map(0x0660 + i, 0x30 + i);
  map(0x06f0 + i, 0x30 + i);
}
// punctuation
map(0x060c, 0x2c); // ،
map(0x061b, 0x3b); // ؛
map(0x061f, 0x3f); // ؟
map(0x066a, 0x25); // ٪
map(0x066b, 0x2e); // Arabic decimal separator
map(0x066c, 0x2c); // Arabic thousands separator
map([0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2033], 0x22);
map([0x2018, 0x2019, 0x201a, 0x201b, 0x2032], 0x27);
map(0x06d4, 0x2e); // ۔ Arabic full stop
map(0x066d, 0x2a); // ٭ Arabic five-pointed star
// spaces
map([0x00a0, 0x2007, 0x202f, 0x2002, 0x2003, 0x2009, 0x200a, 0x3000], 0x20);
map([0x2000, 0x2001, 0x2004, 0x2005, 0x2006, 0x2008, 0x205f, 0x1680], 0x20);
// Arabic presentation forms (isolated / initial / medial / final letter shapes) → letters,
// then folded like the letters themselves. Ligatures of two letters (ﻻ) keep their code.
for (let c = 0xfb50; c <= 0xfeff; c++) {
  if (TABLE[c] !== 0) continue;
  const k = String.fromCharCode(c).normalize('NFKC');
  if (k.length !== 1) continue;
  const b = k.charCodeAt(0);
  if (b === c || b < 0x0600 || b > 0x06ff) continue;
  const t = TABLE[b]!;
  TABLE[c] = t === 0 ? b : t;
}

/** True when the code unit is removed by normalisation. */
export function isDropped(code: number): boolean {
  return TABLE[code] === DROP;
}

/** Normalised form of one code unit, or -1 when it is dropped. */
export function normalizeCode(code: number): number {
  const t = TABLE[code]!;
  return t === 0 ? code : t;
}

/** Normalise a string for matching. Idempotent: normalize(normalize(s)) === normalize(s). */
export function normalize(s: string): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) if (TABLE[s.charCodeAt(i)] !== 0) break;
  if (i === n) return s;
  let out = s.slice(0, i);
  let runStart = i;
  let changes = 0;
  for (; i < n; i++) {
    const t = TABLE[s.charCodeAt(i)]!;
    if (t === 0) continue;
    // dense changes (vocalised text): finish with a code-unit buffer instead of concatenation
    if (++changes > 4096 && changes * 8 > i) return out + s.slice(runStart, i) + normalizeDense(s, i);
    if (runStart < i) out += s.slice(runStart, i);
    if (t !== DROP) out += String.fromCharCode(t);
    runStart = i + 1;
  }
  if (runStart < n) out += s.slice(runStart);
  return out;
}

const CHUNK = 8192;
const buf = new Uint16Array(CHUNK);

/** Normalise s[from..] through a code-unit buffer decoded chunk by chunk. */
function normalizeDense(s: string, from: number): string {
  const parts: string[] = [];
  let k = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const t = TABLE[c]!;
    if (t === DROP) continue;
    buf[k++] = t === 0 ? c : t;
    if (k === CHUNK) {
      parts.push(String.fromCharCode.apply(null, buf as unknown as number[]));
      k = 0;
    }
  }
  if (k > 0) parts.push(String.fromCharCode.apply(null, buf.subarray(0, k) as unknown as number[]));
  return parts.join('');
}

/**
 * Normalise and keep, for every code unit of the result, the index of the code unit
 * of the input it came from (`map[k]` is an index into `s`), plus one final entry `s.length`.
 */
export function normalizeWithMap(s: string): { norm: string; map: Int32Array } {
  const codes: number[] = [];
  const idx = new Int32Array(s.length + 1);
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const t = TABLE[c]!;
    if (t === DROP) continue;
    codes.push(t === 0 ? c : t);
    idx[k++] = i;
  }
  idx[k] = s.length;
  let norm = '';
  for (let j = 0; j < codes.length; j += 4096) norm += String.fromCharCode(...codes.slice(j, j + 4096));
  return { norm, map: idx.slice(0, k + 1) };
}

/** Arabic script letter test (Unicode property, covers ء and آ). */
export const ARABIC_LETTER = /\p{Script=Arabic}/u;
