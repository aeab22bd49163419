/**
 * Longest-match lookup of dictionary phrases over a sentence's tokens.
 *
 *   بالرئيس الروسي فلاديمير بوتين → [role الرئيس] [nisba الروسي] [person فلاديمير بوتين]
 */
import type { Token } from '../types.js';
import type { Hit, TrieNode } from './compile.js';
import { lookupForms } from './forms.js';

export interface Segment {
  /** Token index range [from, to). */
  from: number;
  to: number;
  hits: Hit[];
  /** Some token matched only once its pronoun enclitic was removed (بلدهم → بلد). */
  enclitic?: boolean;
}

/** Longest dictionary match starting at token `i` (not crossing `limit`), or null. */
export function longestMatch(root: TrieNode, tokens: Token[], i: number, limit: number): Segment | null {
  let best: Segment | null = null;
  const walk = (node: TrieNode, k: number, enclitic: boolean) => {
    if (k >= limit || !node.next) return;
    const t = tokens[k]!;
    if (t.kind !== 'word' && t.kind !== 'latin' && t.kind !== 'number') return;
    const forms = lookupForms(t);
    const hasEnclitic = t.pieces.some((p) => p.kind === 'enclitic');
    for (let f = 0; f < forms.length; f++) {
      const n = node.next.get(forms[f]!);
      if (!n) continue;
      // the first form keeps enclitics; a later one may have dropped them
      const viaEnclitic = enclitic || (hasEnclitic && f > 0 && forms[f] === t.stem);
      if (n.hits && (!best || k + 1 > best.to))
        best = { from: i, to: k + 1, hits: n.hits, ...(viaEnclitic ? { enclitic: true } : {}) };
      walk(n, k + 1, viaEnclitic);
    }
  };
  walk(root, i, false);
  return best;
}

/** Greedy left-to-right longest matches over tokens [from, to). */
export function matchSpan(root: TrieNode, tokens: Token[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let i = from;
  while (i < to) {
    const m = longestMatch(root, tokens, i, to);
    if (m) {
      out.push(m);
      i = m.to;
    } else i++;
  }
  return out;
}
