/**
 * Longest-match lookup of dictionary phrases over a sentence's tokens.
 *
 *   بالرئيس الروسي فلاديمير بوتين → [role الرئيس] [nisba الروسي] [person فلاديمير بوتين]
 */
import type { Token } from '../types.js';
import type { Hit, TrieNode } from './compile.js';
import { lookupForms, wholeForm } from './forms.js';

export interface Segment {
  /** Token index range [from, to). */
  from: number;
  to: number;
  hits: Hit[];
  /** Some token matched only in a weakened form: its pronoun enclitic or tanween alef removed (بلدهم → بلد, كانوا → كانو). */
  enclitic?: boolean;
  /** Some token matched only without its pronoun suffix (نائبه → نائب: "his deputy", not an MP). */
  pronoun?: boolean;
  /** The first token matched as a whole word (سنجار, not س+نجار): the mention starts at the token. */
  whole?: boolean;
}

/** Longest dictionary match starting at token `i` (not crossing `limit`), or null. */
export function longestMatch(root: TrieNode, tokens: Token[], i: number, limit: number): Segment | null {
  let best: Segment | null = null;
  const walk = (node: TrieNode, k: number, weak: boolean, whole: boolean, pronoun: boolean) => {
    if (k >= limit || !node.next) return;
    const t = tokens[k]!;
    if (t.kind !== 'word' && t.kind !== 'latin' && t.kind !== 'number') return;
    const forms = lookupForms(t);
    const hasEnclitic = t.pieces.some((p) => p.kind === 'enclitic');
    const whole0 = k === i && forms.length > 1 ? wholeForm(t) : '';
    for (let f = 0; f < forms.length; f++) {
      const form = forms[f]!;
      const n = node.next.get(form);
      if (!n) continue;
      // the first form keeps enclitics; later ones may have dropped them or a tanween alef
      const weakened =
        weak || (f > 0 && ((hasEnclitic && form === t.stem) || (form !== t.stem && form !== wholeForm(t))));
      const isWhole = k === i ? f > 0 && form === whole0 && form !== forms[0] : whole;
      const noPronoun = pronoun || (hasEnclitic && f > 0 && form === t.stem);
      if (n.hits && (!best || k + 1 > best.to))
        best = {
          from: i,
          to: k + 1,
          hits: n.hits,
          ...(weakened ? { enclitic: true } : {}),
          ...(isWhole ? { whole: true } : {}),
          ...(noPronoun ? { pronoun: true } : {}),
        };
      walk(n, k + 1, weakened, isWhole, noPronoun);
    }
  };
  walk(root, i, false, false, false);
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
