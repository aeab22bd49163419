/**
 * Modality of a trigger from the words before it (cues in data/patterns/modality.yaml).
 *
 *   سيستقبل لافروف نظيره          future (proclitic س)
 *   من المقرر أن يزور             future
 *   من المتوقع أن تستمر المباحثات  hypothetical
 *   قد يفرض عقوبات                hypothetical (قد + imperfect)
 *   لم يلتق / نفى أن يكون التقى    negated
 *   قد يؤدي إلى تفجير               hypothetical (قد + imperfect governing the trigger)
 *   أن يرفضها الكونغرس              hypothetical (أنْ + imperfect: a wish, a fear, a possibility)
 *   على أن يلتقي غدا                future (an arrangement)
 *   دون أن يلتقي                    negated
 *   لم يسفر الهجوم عن إصابات        asserted: لم negates أسفر, not the noun after it
 */
import { normalize } from '../text/normalize.js';
import type { Modality, Token } from '../types.js';
import type { Cue, Cues } from './patterns.js';
import { hasFuturePrefix, looksImperfect, WORD_PREPS } from './sentence-view.js';

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

/** `زال`, `يزال`, `تزال`, `برح`, `انفك`: لا يزال / ما زال is "still", not a negation. */
const words = (...ws: string[]) => new Set(ws.map((w) => normalize(w)));
const CONTINUATIVE = words('زال', 'يزال', 'تزال', 'زالت', 'يزالون', 'برح', 'يبرح', 'انفك', 'ينفك');
/** Words before ما that make it a relative or an adverb: وهو ما أدى, سرعان ما, عادة ما. */
const NOT_NEGATING_MA = words(
  'هو',
  'وهو',
  'هي',
  'وهي',
  'هذا',
  'وهذا',
  'ذلك',
  'وذلك',
  'بعد',
  'كل',
  'أكثر',
  'أول',
  'حسب',
  'بحسب',
  'وفق',
  'سرعان',
  'وسرعان',
  'عادة',
  'وعادة',
  'غالبا',
  'كثيرا',
  'ربما',
  'بين',
  'من',
  'عن',
);
/** Verbs a negation before a noun trigger may negate with it: لم يتم التوقيع, لم تجر المباحثات. */
const LIGHT_NEGATED = words('يتم', 'تتم', 'يجر', 'تجر', 'يجري', 'تجري', 'يحدث', 'تحدث', 'يكن', 'تكن');
/** Words before أنْ + imperfect that keep the clause factual: بعد أن, قبل أن, استطاع أن. */
const FACTUAL_BEFORE_AN = words('بعد', 'قبل', 'منذ', 'وبعد', 'وقبل', 'ومنذ');
/** أنْ before a subjunctive, and دون before it: دون أن يلتقي. */
const AN = words('أن', 'وأن', 'بأن');
const WITHOUT = words('دون', 'بدون', 'ودون');
const ON = words('على');
const FACTUAL_VERBS = /^(است?طاع|تمكن|نجح)/u;
/** Words of wish, fear, need or possibility that make أنْ + imperfect irrealis: يخشى أن يرفضها. */
const IRREALIS = words(
  'يجب',
  'ينبغي',
  'يتعين',
  'يتوقع',
  'تتوقع',
  'يخشى',
  'تخشى',
  'خشية',
  'يخاف',
  'مخاوف',
  'تخوف',
  'يريد',
  'تريد',
  'يرغب',
  'ترغب',
  'يأمل',
  'تأمل',
  'نأمل',
  'آمل',
  'أمل',
  'يحتمل',
  'يرجح',
  'حذر',
  'حذرت',
  'يحذر',
  'تحذر',
  'تحذير',
  'يحاول',
  'تحاول',
  'محاولة',
  'يمكن',
  'ممكن',
  'يستطيع',
  'تستطيع',
  'يستبعد',
  'مستبعد',
  'يفترض',
  'المفترض',
  'لابد',
  'ضرورة',
  'الضروري',
  'ينتظر',
  'المنتظر',
  'يطالب',
  'طالب',
  'يقترح',
  'اقترح',
);

/** A finite imperfect verb (يرفض, تشن), not a Form II masdar (تفجير) or a definite noun. */
function imperfectVerb(t: Token | undefined): boolean {
  if (t?.kind !== 'word' || !looksImperfect(t)) return false;
  if (t.pieces.some((p) => p.kind === 'proclitic' && p.norm === 'ال')) return false;
  const s = t.stem;
  if (s.endsWith('ه') || (s.endsWith('ات') && s.length > 4)) return false;
  if (s[0] === 'ت' && s.length >= 5 && s[3] === 'ي') return false;
  return s !== 'يوم';
}

/** Is token k one of the normalised words? (the word itself or its stem: وقد, فقد → قد) */
function isWord(t: Token | undefined, words: Set<string>): boolean {
  return !!t && (words.has(t.norm) || words.has(t.stem));
}

/**
 * The trigger is governed by `أنْ` + imperfect (`أن يرفضها`, `أن تشن هجوما`) or by `قد` +
 * imperfect (`قد يؤدي إلى تفجير`) within a few words before it: 'hypothetical'; by `دون أن`:
 * 'negated'; else null.
 */
function governedByIrrealis(
  tokens: Token[],
  trigFrom: number,
  lo: number,
  cues: Cues['modality'],
): Modality | null {
  const qad = new Set(cues.hypotheticalBeforeImperfect.map((c) => c.words[0]!));
  for (let v = trigFrom; v >= Math.max(lo + 1, trigFrom - 3); v--) {
    const verb = tokens[v];
    if (!imperfectVerb(verb)) continue;
    const before = tokens[v - 1]!;
    if (isWord(before, qad)) return 'hypothetical';
    if (!AN.has(before.norm)) continue;
    const b2 = v - 2 >= lo ? tokens[v - 2] : undefined;
    if (b2 && WITHOUT.has(b2.norm)) return 'negated';
    // على أن يلتقي اليوم ...: an arrangement, scheduled
    if (b2 && ON.has(b2.norm)) return 'future';
    if (b2 && FACTUAL_BEFORE_AN.has(b2.norm)) return null;
    // أنْ + imperfect is irrealis only after a word of wish, fear, need or possibility (يخشى أن,
    // يجب أن, يحاول أن); after من المؤسف أن, or استطاع أن, it reports a fact
    for (let k = v - 2; k >= Math.max(lo, v - 6); k--) {
      const w = tokens[k]!;
      if (FACTUAL_VERBS.test(w.stem)) return null;
      if (isWord(w, IRREALIS) || IRREALIS.has(w.lemma)) return 'hypothetical';
    }
    return null;
  }
  return null;
}

/** A negation cue right before the trigger, or before a light verb or auxiliary governing it. */
function negatedBefore(
  tokens: Token[],
  trigFrom: number,
  lo: number,
  cues: Cues['modality'],
  kind: 'verb' | 'noun',
): boolean {
  const at = cueBefore(tokens, lo, trigFrom, 2, cues.negation);
  if (at < 0) return false;
  // لا يزال يقاتل, ما زالت تحاصر: "still"
  for (let k = at; k <= trigFrom; k++)
    if (CONTINUATIVE.has(tokens[k]!.stem) || CONTINUATIVE.has(tokens[k]!.norm)) return false;
  // ما negates a past verb right after it; وهو ما أدى, سرعان ما تبنى, عادة ما, ما يهدد are not negations
  const cue = tokens[at - 1]!;
  if (cue.norm === 'ما' || cue.stem === 'ما') {
    const before = at - 2 >= lo ? tokens[at - 2] : undefined;
    if (at !== trigFrom || looksImperfect(tokens[trigFrom]!) || (before && NOT_NEGATING_MA.has(before.norm)))
      return false;
  }
  // عدمها في اجتماع: a preposition between them starts another phrase
  for (let k = at; k < trigFrom; k++) if (WORD_PREPS.has(tokens[k]!.norm)) return false;
  if (kind === 'verb' || at === trigFrom) return true;
  // a noun: لم يسفر الهجوم عن ... negates أسفر, not الهجوم; لم يتم التوقيع negates the signing
  for (let k = at; k < trigFrom; k++) if (!LIGHT_NEGATED.has(tokens[k]!.norm)) return false;
  return true;
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
  if (negatedBefore(tokens, trigFrom, lo, cues, kind)) return 'negated';
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
  return governedByIrrealis(tokens, trigFrom, lo, cues) ?? 'asserted';
}
