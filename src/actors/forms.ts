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
  for (const p of t.pieces) {
    if (p.kind !== 'proclitic') break;
    if (p.norm === 'ال') return true;
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

/** Lookup forms of a token, most specific first, without duplicates. */
export function lookupForms(t: Token): string[] {
  const base = baseForm(t);
  const stem = t.stem;
  if (!stem || stem === base) return [base];
  return [base, stem];
}
