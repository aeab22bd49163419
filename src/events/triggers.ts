/**
 * Trigger lookup: pattern phrases compiled to lemma keys, matched over a sentence's tokens.
 *
 *   سيستقبل → lemma of استقبل → host.receive (043)
 *   أجرى اتصالا هاتفيا → [جري, اتصال, هاتف] → consult.phone (041)
 */
import type { Token } from '../types.js';
import type { Pattern } from './pattern-types.js';

export interface TriggerIndex {
  /** First lemma key of a phrase → the patterns and phrases starting with it. */
  byFirst: Map<string, { pattern: Pattern; keys: string[] }[]>;
}

export interface TriggerHit {
  pattern: Pattern;
  /** Token range [from, to) of the matched phrase. */
  from: number;
  to: number;
  /** Index of the first token of the phrase. */
  head: number;
}

export function buildTriggerIndex(patterns: Pattern[]): TriggerIndex {
  const byFirst = new Map<string, { pattern: Pattern; keys: string[] }[]>();
  for (const p of patterns) {
    for (const keys of p.compiled) {
      const first = keys[0];
      if (!first || first === '*') continue;
      const list = byFirst.get(first) ?? [];
      list.push({ pattern: p, keys });
      byFirst.set(first, list);
    }
  }
  return { byFirst };
}

/** Match `keys` at token i; returns the end index or -1. `*` skips up to 3 tokens. */
export function matchKeys(tokens: Token[], i: number, to: number, keys: string[]): number {
  let k = i;
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j]!;
    if (key === '*') {
      const next = keys[j + 1]!;
      let found = -1;
      for (let g = 0; g <= 3 && k + g < to; g++) {
        if (tokenHasKey(tokens[k + g]!, next)) {
          found = k + g;
          break;
        }
      }
      if (found < 0) return -1;
      k = found + 1;
      j++;
      continue;
    }
    if (k >= to || !tokenHasKey(tokens[k]!, key)) return -1;
    k++;
  }
  return k;
}

export function tokenHasKey(t: Token, key: string): boolean {
  return t.lemma === key || t.stem === key || t.norm === key;
}

/** True when any of the phrases occurs starting within tokens [from, from + within]. */
export function phraseNear(tokens: Token[], from: number, to: number, phrases: string[][], within: number): boolean {
  for (let i = from; i < Math.min(to, from + within + 1); i++)
    for (const ph of phrases) if (matchKeys(tokens, i, to, ph) > 0) return true;
  return false;
}

/**
 * All trigger hits in tokens [from, to), skipping tokens inside `blocked` (actor and place
 * mentions). At one position the longest phrase wins; overlapping later hits are dropped.
 */
export function findTriggers(
  tokens: Token[],
  from: number,
  to: number,
  index: TriggerIndex,
  blocked: Uint8Array,
): TriggerHit[] {
  const hits: TriggerHit[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || blocked[i - from]) {
      i++;
      continue;
    }
    const cands = index.byFirst.get(t.lemma) ?? (t.stem !== t.lemma ? index.byFirst.get(t.stem) : undefined);
    if (!cands) {
      i++;
      continue;
    }
    let bestEnd = -1;
    let best: TriggerHit[] = [];
    for (const c of cands) {
      const end = matchKeys(tokens, i, to, c.keys);
      if (end < 0) continue;
      if (c.pattern.unless.length > 0 && phraseNear(tokens, end, to, c.pattern.unless, 2)) continue;
      if (c.pattern.requires.length > 0 && !phraseNear(tokens, end, to, c.pattern.requires, to - end)) continue;
      if (end > bestEnd) {
        bestEnd = end;
        best = [];
      }
      if (end === bestEnd && !best.some((b) => b.pattern.code === c.pattern.code)) {
        best.push({ pattern: c.pattern, from: i, to: end, head: i });
      }
    }
    if (best.length > 0) {
      hits.push(...best);
      i = bestEnd;
    } else i++;
  }
  return hits;
}
