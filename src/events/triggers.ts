/**
 * Trigger lookup: pattern phrases compiled to lemma keys, matched over a sentence's tokens.
 *
 *   سيستقبل → lemma of استقبل → host.receive (043)
 *   أجرى اتصالا هاتفيا → [جري, اتصال, هاتف] → consult.phone (041)
 */
import { splitSentences } from '../text/sentences.js';
import { keysOf } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../types.js';
import type { Pattern } from './pattern-types.js';
import { formVMismatch, isAccusativeNoun, isBrokenPluralAfail, isDerivedParticiple } from './word-forms.js';

interface Entry {
  pattern: Pattern;
  keys: string[];
  /**
   * For verb patterns, the noun forms their own examples use (تهديدات for هدد): a noun-looking
   * token matches a verb pattern only in one of these forms, so لوحات (paintings) is not لوّح.
   */
  nounStems: Set<string>;
  /** The trigger word of a noun pattern is itself a verb form (اشتبك among اشتباكات, معارك). */
  verbTrigger: boolean;
  /**
   * For noun patterns, the stems each word may have (its sound plural and tanween forms):
   * the lemma key alone would let مظاهر (aspects) match مظاهرة (demonstration).
   */
  stems: (Set<string> | null)[] | null;
  /** Normalised stem and lemma key of the phrase's first word (توسط / وسط), for Form V checks. */
  headStem: string;
  headLemma: string;
}

export interface TriggerIndex {
  /** First lemma key of a phrase → the patterns and phrases starting with it. */
  byFirst: Map<string, Entry[]>;
}

/** Stems a noun may take: زيارة → زياره, زيارات, زيارت (construct); اتصال → اتصالا, اتصالات. */
export function nounStemFamily(stem: string): Set<string> {
  const out = new Set([stem]);
  if (stem.endsWith('ه')) {
    const b = stem.slice(0, -1);
    // (not the bare construct ت: وقفت is a verb, not وقفة)
    for (const x of ['ات', 'تين', 'تان', 'ه']) out.add(b + x);
  } else {
    for (const x of ['ات', 'ين', 'ون', 'ان', 'ا', 'يه', 'يين', 'يون']) out.add(stem + x);
  }
  return out;
}

function phraseStems(phrase: string): (Set<string> | null)[] {
  const words = phrase.trim().split(/\s+/u);
  return words.map((w) => {
    if (w === '*') return null;
    const t = tokenize(w, splitSentences(w)).find((x) => x.kind === 'word');
    return t ? nounStemFamily(t.stem) : null;
  });
}

/**
 * A verb trigger is not a definite word nor a feminine or plural noun (التقى, not اللقاء or
 * لوحات), nor a participle (مستقبل), an adverbial accusative (وصولاً) or a broken plural (أناشيد).
 */
function verbLike(t: Token): boolean {
  if (t.pieces.some((p) => p.kind === 'proclitic' && p.norm === 'ال')) return false;
  if (isDerivedParticiple(t) || isAccusativeNoun(t) || isBrokenPluralAfail(t)) return false;
  const stem = t.pieces.find((p) => p.kind === 'stem');
  const raw = stem ? stem.text : t.text;
  return !(t.stem.endsWith('ات') && t.stem.length > 4) && !raw.endsWith('ة');
}

export interface TriggerHit {
  pattern: Pattern;
  /** How the trigger word is used here: a verb pattern's verbal noun (تهديدات) is a noun. */
  kind: 'verb' | 'noun';
  /** Token range [from, to) of the matched phrase. */
  from: number;
  to: number;
  /** Index of the first token of the phrase. */
  head: number;
}

/** Roots whose verbal nouns in the accusative are adverbs or predicates, not motives: 04, 13. */
const ADVERBIAL_ROOTS = new Set(['04', '13']);

/** Verbs whose object noun is the event they report: قدم طلباً, وجه تهديداً, شن هجوماً. */
const SUPPORT_VERBS = new Set(
  [
    'قدم',
    'وجه',
    'أطلق',
    'شن',
    'أجرى',
    'عقد',
    'تلقى',
    'نفذ',
    'أبدى',
    'أصدر',
    'بعث',
    'أرسل',
    'جدد',
    'تقدم',
    'أعلن',
  ]
    .map((w) => keysOf(w))
    .filter((k) => k !== ''),
);

/**
 * A support verb among the 20 words before token i (not before `lo`); mentions and time words for
 * which `gap` holds do not count (عقد ولي العهد في مكتبه بجدة أمس اجتماعاً).
 */
function supportVerbBefore(tokens: Token[], i: number, lo: number, gap: (k: number) => boolean): boolean {
  let words = 0;
  for (let k = i - 1; k >= lo && k >= i - 40; k--) {
    const t = tokens[k]!;
    if (SUPPORT_VERBS.has(t.lemma) || feminineDefective(t)?.some((x) => SUPPORT_VERBS.has(x))) return true;
    if (t.kind === 'word' && !gap(k) && ++words >= 20) return false;
  }
  return false;
}

/** Noun-looking tokens in a verb pattern's examples whose lemma is one of its first keys. */
function exampleNounStems(p: Pattern): Set<string> {
  const out = new Set<string>();
  if (p.kind !== 'verb') return out;
  const firsts = new Set(p.compiled.map((k) => k[0]));
  for (const ex of p.examples) {
    if (ex.expect.length === 0) continue;
    for (const t of tokenize(ex.text, splitSentences(ex.text))) {
      if (t.kind === 'word' && firsts.has(t.lemma) && !verbLike(t))
        for (const f of nounStemFamily(t.stem)) out.add(f);
    }
  }
  return out;
}

export function buildTriggerIndex(patterns: Pattern[]): TriggerIndex {
  const byFirst = new Map<string, Entry[]>();
  for (const p of patterns) {
    const nounStems = exampleNounStems(p);
    p.compiled.forEach((keys, i) => {
      const first = keys[0];
      if (!first || first === '*') return;
      const list = byFirst.get(first) ?? [];
      const stems = phraseStems(p.triggers[i] ?? '');
      // a verb phrase's first word is a verb, matched on its lemma alone
      if (p.kind === 'verb') stems[0] = null;
      const word = (p.triggers[i] ?? '').trim();
      const wt =
        keys.length === 1 ? tokenize(word, splitSentences(word)).find((x) => x.kind === 'word') : undefined;
      const verbTrigger = !!wt && verbLike(wt) && !wt.stem.endsWith('ات');
      const head = tokenize(word, splitSentences(word)).find((x) => x.kind === 'word');
      list.push({
        headStem: head?.stem ?? '',
        headLemma: head?.lemma ?? first,
        pattern: p,
        keys,
        stems: stems && stems.length === keys.length ? stems : null,
        nounStems,
        verbTrigger,
      });
      byFirst.set(first, list);
    });
  }
  return { byFirst };
}

/** Noun phrases: the first and last word's stems must be in their families. */
function stemsFit(tokens: Token[], from: number, to: number, e: Entry): boolean {
  if (!e.stems) return true;
  const first = e.stems[0];
  if (first && !first.has(tokens[from]!.stem) && !first.has(tokens[from]!.norm)) return false;
  if (e.stems.length === 1 && e.keys.length === 1) return true;
  const last = e.stems[e.stems.length - 1];
  const lt = tokens[to - 1]!;
  if (e.stems.length > 1 && last && !last.has(lt.stem) && !last.has(lt.norm)) return false;
  return true;
}

/**
 * Match `keys` at token i; returns the end index or -1. `*` skips up to 3 tokens; between any
 * two words, tokens for which `gap(k)` holds (an actor or place mention) may stand:
 * `قدمت اليابان مساعدات`, `عقد وزير الخارجية الروسي اجتماعا`.
 */
export function matchKeys(
  tokens: Token[],
  i: number,
  to: number,
  keys: string[],
  gap?: (k: number) => boolean,
): number {
  let k = i;
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j]!;
    if (key === '*') {
      // up to 3 words, not counting actor and place mentions (يعقد اليوم وزير التعليم ... اجتماعا)
      const next = keys[j + 1]!;
      let found = -1;
      let words = 0;
      for (let g = k; g < to && g - k < 12; g++) {
        if (tokenHasKey(tokens[g]!, next)) {
          found = g;
          break;
        }
        if (!gap?.(g) && ++words > 3) break;
      }
      if (found < 0) return -1;
      k = found + 1;
      j++;
      continue;
    }
    if (j > 0 && gap && k < to && !tokenHasKey(tokens[k]!, key)) {
      let g = k;
      while (g < to && g - k < 8 && gap(g)) g++;
      if (g > k && g < to && tokenHasKey(tokens[g]!, key)) k = g;
    }
    if (k >= to || !tokenHasKey(tokens[k]!, key)) return -1;
    k++;
  }
  return k;
}

export function tokenHasKey(t: Token, key: string): boolean {
  if (t.lemma === key || t.stem === key || t.norm === key) return true;
  const alt = feminineDefective(t);
  return alt?.includes(key) ?? false;
}

const altCache = new Map<string, string[] | null>();

/**
 * Keys of a feminine past whose base verb lost a letter: نفت/قضت (نفى), دعت (دعا), شنت (شنّ),
 * أجرت/ألقت/أبدت (أجرى …), تلقت (تلقى). The stemmer keeps at least three letters, so these
 * short forms do not share the base verb's key; the coder tries these keys as well.
 */
export function feminineDefective(t: Token): string[] | null {
  const s = t.stem;
  if (s.length < 3 || s.length > 4 || !s.endsWith('ت')) return null;
  let alt = altCache.get(s);
  if (alt !== undefined) return alt;
  let core = s.slice(0, -1);
  if (core.length === 3 && (core[0] === 'ا' || core[0] === 'ت')) core = core.slice(1);
  alt = core.length === 2 ? [core, `${core}ي`, `${core}و`] : null;
  altCache.set(s, alt);
  return alt;
}

function better(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!;
  return false;
}

/** True when one of the phrases ends within `within` tokens before token i: وقف | إطلاق النار. */
export function phraseEndsBefore(
  tokens: Token[],
  i: number,
  lo: number,
  phrases: string[][],
  within: number,
): boolean {
  for (let end = i; end >= Math.max(lo, i - within); end--)
    for (const ph of phrases) {
      const start = end - ph.length;
      if (start >= lo && matchKeys(tokens, start, end, ph) === end) return true;
    }
  return false;
}

/** True when any of the phrases occurs starting within tokens [from, from + within]. */
export function phraseNear(
  tokens: Token[],
  from: number,
  to: number,
  phrases: string[][],
  within: number,
): boolean {
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
  gaps: Uint8Array = blocked,
): TriggerHit[] {
  const hits: TriggerHit[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || blocked[i - from]) {
      i++;
      continue;
    }
    let cands = index.byFirst.get(t.lemma) ?? (t.stem !== t.lemma ? index.byFirst.get(t.stem) : undefined);
    if (!cands) {
      const alt = feminineDefective(t);
      if (alt) for (const k of alt) cands ??= index.byFirst.get(k);
    }
    if (!cands) {
      i++;
      continue;
    }
    // one pattern per position: the longest span; then a pattern whose `requires` matched;
    // then the longer phrase, the more specific code, the higher confidence; a noun pattern
    // whose stems fit beats a verb pattern (اجتماع is the noun, not اجتمع)
    let best: { hit: TriggerHit; score: number[] } | null = null;
    const gap = (k: number) => gaps[k - from] === 1;
    for (const c of cands) {
      const end = matchKeys(tokens, i, to, c.keys, gap);
      if (end < 0) continue;
      if (c.pattern.kind === 'verb') {
        if (verbLike(t)) {
          // وسط is not توسّط, يتحمّل is not حمّل
          if (formVMismatch(c.headStem, c.headLemma, t, c.keys.length === 1)) continue;
        } else if (isAccusativeNoun(t)) {
          // an adverbial or predicative accusative of a visit, meeting or threat (وصولاً إلى,
          // الأكثر استقبالاً, يمثل تهديداً) is no event; the object of a support verb is (عقد
          // اجتماعاً, قدمت الحكومة طلباً), and so is a phrase (اتصالاً هاتفياً). A stance stated
          // as a motive (وقفة استنكاراً لـ, تنديداً بـ) is its subject's event.
          if (
            end - i === 1 &&
            ADVERBIAL_ROOTS.has(c.pattern.code.slice(0, 2)) &&
            !supportVerbBefore(tokens, i, from, gap)
          )
            continue;
        } else if (!c.nounStems.has(t.stem)) continue;
      }
      // a noun pattern's verb trigger (اشتبك) matches its inflected verb (اشتبكت) on the lemma
      const verbUse = c.pattern.kind === 'noun' && c.keys.length === 1 && c.verbTrigger && verbLike(t);
      if (!verbUse && !stemsFit(tokens, i, end, c)) continue;
      if (c.pattern.unless.length > 0 && phraseNear(tokens, end, to, c.pattern.unless, 2)) continue;
      const ub = c.pattern.unlessBefore;
      if (ub && ub.length > 0 && phraseEndsBefore(tokens, i, from, ub, 2)) continue;
      if (c.pattern.requires.length > 0 && !phraseNear(tokens, end, to, c.pattern.requires, to - end))
        continue;
      const score = [
        end - i,
        c.pattern.requires.length > 0 ? 1 : 0,
        c.keys.length,
        c.pattern.kind === 'noun' && c.stems ? 1 : 0,
        c.pattern.code.length,
        c.pattern.confidence,
      ];
      const nounUse = c.pattern.kind === 'verb' && !verbLike(t);
      const kind = verbUse ? 'verb' : nounUse ? 'noun' : c.pattern.kind;
      if (!best || better(score, best.score))
        best = { hit: { pattern: c.pattern, kind, from: i, to: end, head: i }, score };
    }
    if (best) {
      hits.push(best.hit);
      i = best.hit.to;
    } else i++;
  }
  return hits;
}
