/**
 * Full-text search over Arabic article text, shared by every store backend.
 *
 * Articles are indexed by terms, not by their raw words: every word token of the project's
 * tokenizer contributes its normalised whole form (`norm`: no tashkeel, folded alef/yeh/teh
 * marbuta) and its normalised stem (`stem`: without proclitics such as و ب ل ال and without
 * pronoun suffixes). A query word matches an article when either of its own two forms is among
 * the article's terms, so `الشيباني` finds `الشيبانيّ` and `للشيباني`, and `احمد` finds `أحمد`.
 * Every query word must match (AND).
 *
 * `findFirstMatch` maps a query back to offsets into the text as written, for snippets.
 */
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../types.js';

function searchable(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'number' || t.kind === 'latin';
}

function formsOf(t: Token): string[] {
  const norm = t.norm.toLowerCase();
  const stem = t.stem.toLowerCase();
  return stem && stem !== norm ? [norm, stem] : [norm];
}

function tokensOf(text: string): Token[] {
  return tokenize(text, splitSentences(text));
}

/** The terms an article is indexed by, space-separated (each word's whole form and stem). */
export function indexTerms(text: string): string {
  const out: string[] = [];
  for (const t of tokensOf(text)) if (searchable(t)) out.push(...formsOf(t));
  return out.join(' ');
}

/**
 * The query as groups of alternative terms: one group per query word (its whole form and stem);
 * a matching text holds a term of every group.
 */
export function queryGroups(q: string): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const t of tokensOf(q)) {
    if (!searchable(t)) continue;
    const forms = formsOf(t);
    const key = forms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push(forms);
  }
  return groups;
}

/** Every distinct term of the query (all groups flattened). */
export function queryTerms(q: string): string[] {
  return [...new Set(queryGroups(q).flat())];
}

/** An SQLite FTS5 MATCH expression for the query, or null when the query has no word. */
export function fts5Match(q: string): string | null {
  const groups = queryGroups(q);
  if (groups.length === 0) return null;
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return groups.map((g) => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`)).join(' AND ');
}

/** True when the text matches every word of the query (the same rule as the index). */
export function textMatches(text: string, q: string): boolean {
  const groups = queryGroups(q);
  if (groups.length === 0) return false;
  const terms = new Set(indexTerms(text).split(' '));
  return groups.every((g) => g.some((t) => terms.has(t)));
}

/** Offsets (into the text as written) of the first word matching any word of the query, or null. */
export function findFirstMatch(text: string, q: string): { start: number; end: number } | null {
  const terms = new Set(queryTerms(q));
  if (terms.size === 0) return null;
  for (const t of tokensOf(text)) {
    if (!searchable(t)) continue;
    if (formsOf(t).some((f) => terms.has(f))) return { start: t.start, end: t.end };
  }
  return null;
}

/**
 * A short excerpt of the text around [start, end), as written, cut at word boundaries, with `…`
 * where it was cut. `width` is the number of characters kept on each side.
 */
export function snippet(text: string, start: number, end: number, width = 80): string {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp !== -1 && sp < start) from = sp + 1;
  }
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to);
    if (sp >= end) to = sp;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
