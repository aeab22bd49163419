/**
 * Modality of a trigger from the words before it (cues in data/patterns/modality.yaml).
 *
 *   سيستقبل لافروف نظيره          future (proclitic س)
 *   من المقرر أن يزور             future
 *   من المتوقع أن تستمر المباحثات  hypothetical
 *   قد يفرض عقوبات                hypothetical (قد + imperfect)
 *   لم يلتق / نفى أن يكون التقى    negated
 */
import type { Modality, Token } from '../types.js';
import type { Cue, Cues } from './patterns.js';
import { hasFuturePrefix, looksImperfect } from './sentence-view.js';

function cueEndsAt(tokens: Token[], end: number, lo: number, cue: Cue): boolean {
  const n = cue.words.length;
  const start = end - n;
  if (start < lo) return false;
  for (let j = 0; j < n; j++) {
    const t = tokens[start + j]!;
    const w = cue.words[j]!;
    const k = cue.keys[j] ?? w;
    if (t.norm !== w && t.stem !== w && t.lemma !== k) return false;
  }
  return true;
}

/** Does any cue end at some position in [from, end]? Returns the position or -1. */
function cueBefore(tokens: Token[], lo: number, end: number, span: number, cues: Cue[]): number {
  for (let e = end; e >= Math.max(lo, end - span); e--) {
    for (const c of cues) if (cueEndsAt(tokens, e, lo, c)) return e;
  }
  return -1;
}

export function modalityOf(
  tokens: Token[],
  trigFrom: number,
  lo: number,
  cues: Cues['modality'],
  kind: 'verb' | 'noun',
): Modality {
  const t = tokens[trigFrom]!;
  // negation directly before (لم يلتق, لن يزور, عدم زيارة), or a denial verb earlier (نفى أن)
  if (cueBefore(tokens, lo, trigFrom, 2, cues.negation) >= 0) return 'negated';
  // قد + imperfect
  const prev = tokens[trigFrom - 1];
  if (prev && trigFrom - 1 >= lo && cues.hypotheticalBeforeImperfect.some((c) => c.words[0] === prev.norm)) {
    if (looksImperfect(t)) return 'hypothetical';
  }
  // phrases of possibility (من المتوقع أن) first, then scheduling (من المقرر أن, سيستقبل, يعتزم),
  // then single words of possibility (ربما, إذا)
  const phrases = cues.hypothetical.filter((c) => c.words.length > 1);
  if (cueBefore(tokens, lo, trigFrom, 8, phrases) >= 0) return 'hypothetical';
  if (kind === 'verb' && cues.futurePrefixes.length > 0 && hasFuturePrefix(t)) return 'future';
  if (cueBefore(tokens, lo, trigFrom, 6, cues.future) >= 0) return 'future';
  if (cueBefore(tokens, lo, trigFrom, 8, cues.hypothetical) >= 0) return 'hypothetical';
  return 'asserted';
}
