/**
 * Match forms of a token for dictionary lookup. Dictionary phrases are analysed with the
 * same tokenizer, so both sides fold clitics the same way.
 *
 *   وبالرئيس → base رئيس (proclitics and ال removed), stem رئيس
 *   نظيره    → base نظيره, stem نظير (enclitic removed)
 */
import type { Token } from '../types.js';

/** The token without proclitics (including ال), enclitics kept. */
export function baseForm(t: Token): string {
  const ps = t.pieces;
  if (ps.length <= 1) return t.kind === 'word' ? t.stem || t.norm : t.norm;
  let i = 0;
  while (i < ps.length && ps[i]!.kind === 'proclitic') i++;
  if (i === 0) return joinNorms(ps, 0);
  return joinNorms(ps, i) || t.norm;
}

function joinNorms(ps: Token['pieces'], from: number): string {
  let s = '';
  for (let k = from; k < ps.length; k++) s += ps[k]!.norm;
  return s;
}

/** Proclitic pieces of a token, normalised: `وبالرئيس` → ['و', 'ب', 'ال']. */
export function proclitics(t: Token): string[] {
  const out: string[] = [];
  for (const p of t.pieces) {
    if (p.kind !== 'proclitic') break;
    out.push(p.norm);
  }
  return out;
}

/** True when the token carries the definite article. */
export function isDefinite(t: Token): boolean {
  // ال, or ل + ل where the article lost its alef after the preposition (للزيارة)
  let prevL = false;
  for (const p of t.pieces) {
    if (p.kind !== 'proclitic') break;
    if (p.norm === 'ال') return true;
    if (p.norm === 'ل') {
      if (prevL) return true;
      prevL = true;
    } else prevL = false;
  }
  return false;
}

/** Start offset of the token after its non-article proclitics (و ب ل ف ك س), for mention spans. */
export function startAfterParticles(t: Token): number {
  for (const p of t.pieces) {
    if (p.kind !== 'proclitic') return p.start;
    if (p.norm === 'ال') return p.start;
  }
  return t.start;
}

/** The whole token without a leading article: `فان` stays `فان` even where ف could be a clitic. */
export function wholeForm(t: Token): string {
  const n = t.norm;
  return n.startsWith('ال') && n.length > 4 ? n.slice(2) : n;
}

/** The token with its article but without other proclitics: `والشيباني` → `الشيباني`. */
export function articleForm(t: Token): string {
  let f = articleCache.get(t.text);
  if (f === undefined) {
    f = isDefinite(t) ? `ال${baseForm(t)}` : baseForm(t);
    if (articleCache.size > 200_000) articleCache.clear();
    articleCache.set(t.text, f);
  }
  return f;
}

/** Forms depend only on the written word (the tokenizer analyses each surface form once). */
const formCache = new Map<string, string[]>();
const articleCache = new Map<string, string>();

/**
 * Lookup forms of a token, most specific first, without duplicates: the base form, the stem
 * (enclitics removed), the whole word (for names whose first letter looks like a clitic:
 * `فان`, `ليما`), and the word without accusative tanween alef (`حوثيا` → `حوثي`).
 */
/** Forms of the tokens of the document being recognised, by token index (see `useDocumentForms`). */
let docTokens: Token[] = [];
let docForms: (string[] | undefined)[] = [];

/** Cache lookup forms by token index for one document: the recogniser asks many times per token. */
export function useDocumentForms(tokens: Token[]): void {
  docTokens = tokens;
  docForms = new Array(tokens.length);
}

export function lookupForms(t: Token): string[] {
  if (docTokens[t.index] === t) {
    let f = docForms[t.index];
    if (!f) {
      f = formsOf(t);
      docForms[t.index] = f;
    }
    return f;
  }
  return formsOf(t);
}

function formsOf(t: Token): string[] {
  const cached = formCache.get(t.text);
  if (cached) return cached;
  if (formCache.size > 200_000) formCache.clear();
  const out = [baseForm(t)];
  const add = (f: string) => {
    if (f && !out.includes(f)) out.push(f);
  };
  if (t.stem) add(t.stem);
  if (t.kind === 'word') {
    add(wholeForm(t));
    // accusative tanween written with alef: وزيرا, مسلحا, حوثيا
    const b = out[0]!;
    if (b.length >= 4 && b.endsWith('ا')) add(b.slice(0, -1));
  }
  formCache.set(t.text, out);
  return out;
}

/** The form a dictionary word is stored under: its base, or the whole word when the segmenter
 * took a non-article proclitic off a name (`وجدة` stays `وجده`, not `جده`). */
export function dictionaryForm(t: Token): string {
  const pro = proclitics(t);
  if (pro.some((p) => p !== 'ال')) return wholeForm(t);
  return baseForm(t);
}
