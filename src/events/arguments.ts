/**
 * Arguments of a trigger for Arabic word order. Each pattern lists rules for its source and
 * its target, tried in order (data/patterns/README.md):
 *
 *   subject  VSO   التقى الشيباني بالرئيس بوتين         the first actor after the verb
 *            SVO   لافروف سيستقبل نظيره السوري          the actor right before the verb
 *            rel   الشيباني الذي وصل إلى موسكو          the antecedent of الذي
 *            span  قدمت اليابان مساعدات                 inside a multiword trigger
 *   object         استقبل الرئيس السيسي، أمس، هيلج لوند  first actor after the subject, no preposition
 *   genitive       زيارة الرئيس السوري، غارات للتحالف    right after a noun trigger
 *   prep:X         بالرئيس، مع لافروف، بموقف الأمم المتحدة  introduced by X (or by a noun carrying X)
 *   companions     التقى X، برفقة Y وZ، بالرئيس W         co-sources
 *   coordination   مع لافروف وبوتين                      two targets
 */
import { normalize } from '../text/normalize.js';
import type { ActorMention, Token } from '../types.js';
import type { ArgRule } from './pattern-types.js';
import {
  CLITIC_PREPS,
  COMPANION_MARKERS,
  hasConjunction,
  prepositionOf,
  RELATIVES,
  type SentenceView,
  WORD_PREPS,
} from './sentence-view.js';
import type { TriggerHit } from './triggers.js';

/** Tokens that may stand between a verb and its subject: قد, أمس, اليوم, punctuation. */
const SKIPPABLE = new Set([
  'قد',
  'امس',
  'اليوم',
  'رسميا',
  'مساء',
  'صباح',
  'ايضا',
  'بدوره',
  'بدورها',
  'كذلك',
  'اول',
  // quantities before a plural actor: مئات العمال, آلاف اليمنيين
  'مئات',
  'الاف',
  'عشرات',
  'ملايين',
  'الالاف',
  'المئات',
  'العشرات',
  'نحو',
  'حوالي',
]);
/** Particles between a subject and its verb: لافروف لم يلتق. */
const PRE_VERB = new Set(['قد', 'لم', 'لن', 'لا', 'سوف', 'ما', 'فقد', 'وقد']);

export interface ArgContext {
  view: SentenceView;
  /** Token window [lo, hi) the trigger's arguments must lie in. */
  lo: number;
  hi: number;
  /** Tokens covered by time expressions (relative to view.from). */
  timeTokens: Uint8Array;
  /** Mentions that may not be arguments (the speaker of a reported clause). */
  excluded: Set<ActorMention>;
}

export interface Found {
  actors: ActorMention[];
  /** How sure the rule that found them is. */
  certainty: number;
  /** Token index after the argument (and its companions), for later searches. */
  end: number;
  rule: ArgRule | 'between';
}

/** Is `a` already used — the same mention, or another mention of the same known actor? */
function isTaken(taken: Set<ActorMention>, a: ActorMention): boolean {
  if (taken.has(a)) return true;
  if (!a.actor) return false;
  for (const t of taken) if (t.actor === a.actor) return true;
  return false;
}

function eligible(ctx: ArgContext, a: ActorMention): boolean {
  return a.tokenStart >= ctx.lo && a.tokenEnd <= ctx.hi && !ctx.excluded.has(a);
}

function actorAt(ctx: ArgContext, i: number): ActorMention | undefined {
  for (const a of ctx.view.actors) if (a.tokenStart === i && eligible(ctx, a)) return a;
  return undefined;
}

function actorEndingAt(ctx: ArgContext, i: number): ActorMention | undefined {
  for (const a of ctx.view.actors) if (a.tokenEnd === i && eligible(ctx, a)) return a;
  return undefined;
}

function prep(ctx: ArgContext, a: ActorMention): string | null {
  return prepositionOf(ctx.view.tokens, a.tokenStart, ctx.view.from);
}

/**
 * The preposition of the noun an actor depends on: `بموقف الأمم المتحدة` → ب,
 * `على دعمها لليمن` no. Only one plain noun may stand between.
 */
function loosePrep(ctx: ArgContext, a: ActorMention): string | null {
  const i = a.tokenStart;
  const prev = tok(ctx, i - 1);
  if (prev?.kind !== 'word' || prev.sentence !== ctx.view.index) return null;
  if (ctx.view.actors.some((x) => x.tokenEnd === i)) return null;
  // على مواقع للحوثيين: the possessive ل after a noun governed by على
  if (prep(ctx, a) === 'ل') {
    const prev2 = tok(ctx, i - 2);
    if (prev2 && WORD_PREPS.has(prev2.norm) && prev.pieces.every((p) => p.kind !== 'proclitic'))
      return prev2.norm;
    return null;
  }
  for (const p of prev.pieces) {
    if (p.kind !== 'proclitic') break;
    if (CLITIC_PREPS.has(p.norm)) return p.norm;
  }
  const prev2 = tok(ctx, i - 2);
  if (prev2 && WORD_PREPS.has(prev2.norm) && !prev.pieces.some((p) => p.norm === 'ال')) return prev2.norm;
  return null;
}

function tok(ctx: ArgContext, i: number): Token | undefined {
  return i >= ctx.view.from && i < ctx.view.to ? ctx.view.tokens[i] : undefined;
}

function skippable(ctx: ArgContext, i: number): boolean {
  const t = tok(ctx, i);
  if (!t) return false;
  // ؛ is written where a comma would be (استقبل ... بجدة؛ رئيس الوزراء)
  if (t.kind === 'punct')
    return t.text === '،' || t.text === ',' || t.text === '؛' || t.text === '«' || t.text === '"';
  if (ctx.timeTokens[i - ctx.view.from]) return true;
  return SKIPPABLE.has(t.stem) || SKIPPABLE.has(t.norm);
}

/** The actor plus those coordinated after it with و: `لافروف وبوتين`. */
export function withCoordinated(ctx: ArgContext, a: ActorMention): ActorMention[] {
  const out = [a];
  let end = a.tokenEnd;
  for (;;) {
    let k = end;
    if (tok(ctx, k)?.text === '،' && tok(ctx, k + 1) && hasConjunction(tok(ctx, k + 1)!)) k++;
    const t = tok(ctx, k);
    if (!t || !hasConjunction(t)) break;
    const b = actorAt(ctx, k);
    if (!b) break;
    out.push(b);
    end = b.tokenEnd;
  }
  return out;
}

/** The actor plus those coordinated before it: `الرئيس بوتين والوزير الشيباني ناقشا`. */
function withCoordinatedBefore(ctx: ArgContext, a: ActorMention): ActorMention[] {
  const out = [a];
  let cur = a;
  for (;;) {
    const t = tok(ctx, cur.tokenStart);
    if (!t || !hasConjunction(t)) break;
    const b = actorEndingAt(ctx, cur.tokenStart);
    if (!b) break;
    out.unshift(b);
    cur = b;
  }
  return out;
}

/** Companions right after the subject: `، برفقة وزير الدفاع ... ومسؤولين في ...،`. */
export function companions(ctx: ArgContext, after: number): { actors: ActorMention[]; end: number } {
  let i = after;
  while (tok(ctx, i)?.kind === 'punct' && skippable(ctx, i)) i++;
  const t = tok(ctx, i);
  if (!t || !(COMPANION_MARKERS.has(t.norm) || COMPANION_MARKERS.has(t.stem)))
    return { actors: [], end: after };
  let j = i + 1;
  // على رأس وفد يضم: skip a few words to the first actor
  let first = actorAt(ctx, j);
  for (let g = 0; !first && g < 3 && j < ctx.hi; g++) first = actorAt(ctx, ++j);
  if (!first) return { actors: [], end: after };
  const out = withCoordinated(ctx, first);
  return { actors: out, end: out[out.length - 1]!.tokenEnd };
}

/** Subject and companions starting at actor `a` (VSO). */
function vsoSubject(ctx: ArgContext, a: ActorMention, certainty: number, rule: ArgRule): Found {
  const subj = withCoordinated(ctx, a);
  const last = subj[subj.length - 1]!;
  const comp = companions(ctx, last.tokenEnd);
  return { actors: [...subj, ...comp.actors], certainty, end: Math.max(comp.end, last.tokenEnd), rule };
}

/** The token carries the article. */
function isDefiniteToken(t: Token): boolean {
  return t.pieces.some((p) => p.kind === 'proclitic' && p.norm === 'ال');
}

/** Is there an actor right after the verb that is not an object (VSO subject)? Only when two follow. */
function actorAfterVerb(ctx: ArgContext, trig: TriggerHit): boolean {
  const a = actorAt(ctx, trig.to);
  if (!a) return false;
  // the first actor after the verb is its subject only if another (the object) follows it
  return ctx.view.actors.some(
    (x) => x.tokenStart >= a.tokenEnd && x.tokenStart < a.tokenEnd + 4 && !prep(ctx, x),
  );
}

/** Prepositions of means and time, whose noun's genitive may still be the clause's agent (عبر زيارة الوزير). */
const ADVERBIAL_PREPS = new Set(
  ['عبر', 'خلال', 'اثناء', 'بعد', 'قبل', 'عقب', 'منذ'].map((w) => normalize(w)),
);

/** The actor stands in an object or target phrase: على قيادات حزب الله, مع الوفد, بالوزير. */
function objectPrep(ctx: ArgContext, a: ActorMention): boolean {
  const p = prep(ctx, a) ?? loosePrep(ctx, a);
  return p !== null && !ADVERBIAL_PREPS.has(p);
}

/** Is there a comma among tokens [from, to)? */
function commaBetween(ctx: ArgContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tok(ctx, k);
    if (t?.kind === 'punct' && (t.text === '،' || t.text === ',')) return true;
  }
  return false;
}

/** Subject of a verb trigger. */
export function subjectOfVerb(ctx: ArgContext, trig: TriggerHit): Found | null {
  // relative clause: X الذي وصل
  let r = trig.from - 1;
  if (tok(ctx, r)?.norm === 'قد') r--;
  const rt = tok(ctx, r);
  // X الذي وصل: X is the subject; X الذين استقبلتهم الأمم المتحدة: the pronoun on the verb
  // stands for X, which is the object, and the subject follows the verb
  const trigTok = tok(ctx, trig.from)!;
  const objectPronoun = trigTok.pieces.some((p) => p.kind === 'enclitic');
  if (rt && RELATIVES.has(rt.norm) && !objectPronoun) {
    const ante = actorEndingAt(ctx, r) ?? actorEndingAt(ctx, r - 1);
    // المدنيين الذين قتلوا (unvowelled: "who were killed"): civilians are the victims of a
    // killing in their relative clause, not its agents
    if (ante && ante.code.endsWith('CVL') && ['18', '19', '20'].includes(trig.pattern.code.slice(0, 2)))
      return null;
    if (ante) return { actors: [ante], certainty: 0.9, end: trig.to, rule: 'subject' };
  }
  // a subject with a relative clause before its verb: الوزير الذي وصل إلى بغداد أمس سيلتقي ...
  for (let k = trig.from - 2; k >= Math.max(ctx.lo, trig.from - 10); k--) {
    const w = tok(ctx, k);
    if (!w || w.kind === 'punct') break;
    if (RELATIVES.has(w.norm)) {
      const ante = actorEndingAt(ctx, k);
      if (ante && !prep(ctx, ante) && !actorAfterVerb(ctx, trig))
        return { actors: [ante], certainty: 0.8, end: trig.to, rule: 'subject' };
      break;
    }
  }
  // SVO with the subject adjacent: لافروف سيستقبل, الجانب السوري أعرب
  let b = trig.from;
  if (rt && RELATIVES.has(rt.norm)) b = -1;
  while (b > ctx.lo && PRE_VERB.has(tok(ctx, b - 1)?.norm ?? '')) b--;
  const adj = b >= 0 ? actorEndingAt(ctx, b) : undefined;
  if (adj && !prep(ctx, adj))
    return { actors: withCoordinatedBefore(ctx, adj), certainty: 0.9, end: trig.to, rule: 'subject' };
  // inside a multiword trigger: قدمت اليابان مساعدات, قام الرئيس التركي بزيارة
  for (const a of ctx.view.actors) {
    if (a.tokenStart > trig.from && a.tokenEnd < trig.to && eligible(ctx, a) && !prep(ctx, a))
      return vsoSubject(ctx, a, 1, 'subject');
  }
  // VSO: the first actor after the verb, past adverbs and time words
  let k = trig.to;
  for (let g = 0; g < 6 && k < ctx.hi && !actorAt(ctx, k) && skippable(ctx, k); g++) k++;
  const after = actorAt(ctx, k);
  if (after && !prep(ctx, after)) return vsoSubject(ctx, after, 1, 'subject');
  // otherwise the nearest non-prepositional actor shortly before the verb in the window
  // (not, across `، و`, one inside a prepositional phrase of the previous clause: عقوبات على
  // قيادات حزب الله، واتهمتهم — the new clause keeps the previous clause's subject)
  const conjoined = trigTok.pieces[0]?.kind === 'proclitic' && ['و', 'ف'].includes(trigTok.pieces[0].norm);
  for (let i = ctx.view.actors.length - 1; i >= 0; i--) {
    const a = ctx.view.actors[i]!;
    if (a.tokenEnd > trig.from || !eligible(ctx, a)) continue;
    if (trig.from - a.tokenEnd > 8) break;
    if (conjoined && commaBetween(ctx, a.tokenEnd, trig.from) && objectPrep(ctx, a)) break;
    if (prep(ctx, a)) continue;
    return { actors: withCoordinatedBefore(ctx, a), certainty: 0.7, end: trig.to, rule: 'subject' };
  }
  return null;
}

/** Subject of a noun trigger: genitive, `التي قام بها X`, or the governing verb's subject. */
export function subjectOfNoun(
  ctx: ArgContext,
  trig: TriggerHit,
  allowLoose: boolean,
  genitiveAgent = true,
): Found | null {
  // inside a multiword trigger: شن سلاح الجو الروسي غارات, ارتكب تنظيم داعش مجزرة
  for (const a of ctx.view.actors) {
    if (a.tokenStart > trig.from && a.tokenEnd < trig.to && eligible(ctx, a) && !prep(ctx, a))
      return vsoSubject(ctx, a, 1, 'subject');
  }
  const gen = genitiveAgent ? genitive(ctx, trig, true) : null;
  if (gen) return gen;
  const rt = tok(ctx, trig.to);
  // الزيارة التي قام بها X; وقفة احتجاجية نظمها X (a verb whose pronoun stands for the noun)
  const next2 = tok(ctx, trig.to + 1);
  const pronounVerb =
    !!rt &&
    rt.kind === 'word' &&
    !rt.pieces.some((p) => p.norm === 'ال') &&
    // نظمها X; زيارة يقوم بها X
    (rt.pieces.some((p) => p.kind === 'enclitic') || (!!next2 && ['بها', 'به'].includes(next2.norm)));
  if (rt && (RELATIVES.has(rt.norm) || pronounVerb)) {
    for (let k = trig.to + 1; k < Math.min(ctx.hi, trig.to + 5); k++) {
      const a = actorAt(ctx, k);
      if (a && !prep(ctx, a))
        return { actors: withCoordinated(ctx, a), certainty: 0.9, end: a.tokenEnd, rule: 'subject' };
    }
  }
  if (!allowLoose) return null;
  const caused = violenceInPhrase(ctx, trig);
  // the governing verb's subject: أعربت الكويت عن إدانتها, نفذ الجيش الأردني مناورات
  for (let i = ctx.view.actors.length - 1; i >= 0; i--) {
    const a = ctx.view.actors[i]!;
    if (a.tokenEnd > trig.from || !eligible(ctx, a)) continue;
    if (trig.from - a.tokenEnd > 8) break;
    if (prep(ctx, a)) continue;
    // قتل ثلاثة جنود في تفجير, اغتيل النائب العام بسيارة مفخخة: next to a word of being killed,
    // the subject of the verb that governs a violent noun in a prepositional phrase is its victim,
    // unless that verb is taking part (شارك الجيش في القصف, قيام العناصر بتفجير)
    if (caused && victimWordNear(ctx, a, trig) && !partakingBefore(ctx, a)) return null;
    // استنكرت الكويت تفجير المسجد: a violent noun as the object of another verb is not its
    // subject's doing, unless the verb is one of doing or claiming (نفذ, شن, أعلن, تبنى)
    if (violent(trig) && a.tokenEnd === trig.from && !doingVerbBefore(ctx, a)) return null;
    const subj = withCoordinatedBefore(ctx, a);
    const comp = companions(ctx, a.tokenEnd);
    return { actors: [...subj, ...comp.actors], certainty: 0.75, end: trig.to, rule: 'subject' };
  }
  return null;
}

/** Prepositions and words of cause before a noun: في تفجير, جراء القصف, إثر هجوم, بسيارة مفخخة. */
const CAUSE_WORDS = new Set(['في', 'جراء', 'اثر', 'خلال', 'عقب', 'بعد', 'بسبب', 'نتيجه', 'بفعل']);
/** Verbs of taking part or doing, whose subject is the agent of the noun after في / ب: شارك, قام بـ. */
const PARTAKING = new Set(['شارك', 'ساهم', 'اسهم', 'تورط', 'استمر', 'واصل', 'قام', 'قيام']);

/** Verbs whose object is their subject's violent act: نفذ, شن, ارتكب, أعلن, تبنى (normalised). */
const DOING = new Set(['نفذ', 'شن', 'رتكب', 'ارتكب', 'علن', 'اعلن', 'تبني', 'واصل', 'صعد', 'بدا', 'قام']);

/**
 * A noun of one-sided violence (roots 18 and 20): تفجير, اغتيال, مجزرة. Battles (19) have parties,
 * not victims: the subject of استعادت القوات المدينة بعد معارك is one of them.
 */
function violent(trig: TriggerHit): boolean {
  const root = trig.pattern.code.slice(0, 2);
  return trig.kind === 'noun' && (root === '18' || root === '20');
}

/** The verb right before actor `a` (VSO) is one of doing or claiming. */
function doingVerbBefore(ctx: ArgContext, a: ActorMention): boolean {
  for (const k of [a.tokenStart - 1, a.tokenStart - 2]) {
    const t = tok(ctx, k);
    if (t && (DOING.has(t.stem) || DOING.has(t.lemma) || DOING.has(t.norm))) return true;
  }
  return false;
}

/** A noun of one-sided violence inside a prepositional phrase of cause: في تفجير, بسيارة مفخخة. */
function violenceInPhrase(ctx: ArgContext, trig: TriggerHit): boolean {
  if (!violent(trig)) return false;
  const t = tok(ctx, trig.from);
  if (t?.pieces.some((p) => p.kind === 'proclitic' && (p.norm === 'ب' || p.norm === 'ل'))) return true;
  const prev = tok(ctx, trig.from - 1);
  return !!prev && CAUSE_WORDS.has(prev.norm);
}

/** Words of being killed or hurt: قتل, اغتيل, أصيب, مقتل, مصرع, استشهد, وفاة (normalised stems). */
const VICTIM_WORDS = new Set([
  'قتل',
  'اغتيل',
  'اصيب',
  'اصيبوا',
  'جرح',
  'مقتل',
  'مصرع',
  'اصابه',
  'استشهد',
  'استشهاد',
  'توفي',
  'وفاه',
  'سقط',
  'لقي',
  'قتلي',
  'ضحايا',
]);

/** A word of being killed or hurt from a little before actor `a` up to the trigger. */
function victimWordNear(ctx: ArgContext, a: ActorMention, trig: TriggerHit): boolean {
  for (let k = Math.max(ctx.lo, a.tokenStart - 3); k < trig.from; k++) {
    const t = tok(ctx, k);
    if (t && (VICTIM_WORDS.has(t.stem) || VICTIM_WORDS.has(t.norm))) return true;
  }
  return false;
}

/** The verb right before or after actor `a` is a verb of taking part. */
function partakingBefore(ctx: ArgContext, a: ActorMention): boolean {
  for (const k of [a.tokenStart - 1, a.tokenStart - 2, a.tokenEnd]) {
    const t = tok(ctx, k);
    if (t && (PARTAKING.has(t.stem) || PARTAKING.has(t.lemma) || PARTAKING.has(t.norm))) return true;
  }
  return false;
}

/** `بين X وY` after a noun trigger: both sides. */
export function between(ctx: ArgContext, trig: TriggerHit): ActorMention[] | null {
  for (let k = trig.to; k < Math.min(ctx.hi, trig.to + 2); k++) {
    const t = tok(ctx, k);
    if (t?.norm !== 'بين') continue;
    const a = actorAt(ctx, k + 1);
    if (!a) return null;
    const all = withCoordinated(ctx, a);
    return all.length >= 2 ? all : null;
  }
  return null;
}

/**
 * The actor right after a noun: `زيارة الرئيس السوري`, `إدانة الأمم المتحدة`; as the agent
 * of a noun also with ل: `غارات للتحالف`. One adjective may stand between: `غارات جوية للتحالف`.
 */
export function genitive(ctx: ArgContext, trig: TriggerHit, agent = false): Found | null {
  for (let k = trig.to; k <= trig.to + 1 && k < ctx.hi; k++) {
    const a = actorAt(ctx, k);
    if (!a) continue;
    const p = prep(ctx, a);
    // ل marks the agent of a use of force (غارات للتحالف), the recipient elsewhere (التعازي لخادم الحرمين)
    const forceRoot = Number(trig.pattern.code.slice(0, 2)) >= 15;
    if (!p || (agent && p === 'ل' && forceRoot))
      return {
        actors: withCoordinated(ctx, a),
        certainty: k === trig.to ? 0.95 : 0.85,
        end: a.tokenEnd,
        rule: 'genitive',
      };
    return null;
  }
  return null;
}

/**
 * The object: the first actor after `start` with no preposition, past adverbs, time words,
 * prepositional phrases and up to one plain noun it depends on (`ثمن الرئيس دعم السعودية`).
 */
function objectAfter(
  ctx: ArgContext,
  trig: TriggerHit,
  start: number,
  taken: Set<ActorMention>,
): Found | null {
  // X الذين استقبلتهم Y: the antecedent X is the object
  const rt = tok(ctx, trig.from - 1);
  if (rt && RELATIVES.has(rt.norm) && tok(ctx, trig.from)!.pieces.some((p) => p.kind === 'enclitic')) {
    const ante = actorEndingAt(ctx, trig.from - 1);
    if (ante && !isTaken(taken, ante))
      return { actors: [ante], certainty: 0.9, end: trig.to, rule: 'object' };
  }
  let k = start;
  let plain = 0;
  for (let g = 0; g < 12 && k < ctx.hi; g++) {
    const a = actorAt(ctx, k);
    // after a plain noun, a possessive ل still marks the object's owner: مخازن أسلحة للحوثيين
    if (a && !isTaken(taken, a) && (!prep(ctx, a) || (plain > 0 && prep(ctx, a) === 'ل'))) {
      const certainty = plain === 0 ? 1 : 0.8;
      return {
        actors: withCoordinated(ctx, a).filter((x) => !isTaken(taken, x)),
        certainty,
        end: a.tokenEnd,
        rule: 'object',
      };
    }
    if (a) {
      k = a.tokenEnd;
      continue;
    }
    // a place on the way (في قصر السلام بجدة) is an adjunct
    const pl = ctx.view.places.find((x) => x.tokenStart === k);
    if (pl) {
      k = pl.tokenEnd;
      continue;
    }
    const t = tok(ctx, k)!;
    if (t.kind === 'punct' && (t.text === '(' || t.text === ')')) {
      k++;
      continue;
    }
    if (k < trig.to || skippable(ctx, k)) {
      k++;
      continue;
    }
    if (t.kind !== 'word') return null;
    // a relative clause on the object noun: الهجوم الذي شنه داعش (the pronoun on شنه is the
    // attack, داعش its agent: the target) but not التفجير الذي استهدف قوات الأمن (the victim)
    if (RELATIVES.has(t.norm)) {
      const v = tok(ctx, k + 1);
      const pronoun =
        !!v &&
        (v.pieces.some((p) => p.kind === 'enclitic') ||
          (!isDefiniteToken(v) && (v.norm.endsWith('ه') || v.norm.endsWith('ها') || v.norm.endsWith('هم'))));
      if (!pronoun) return null;
      k += 2;
      continue;
    }
    if (plain >= 4) return null;
    plain++;
    k++;
  }
  return null;
}

/** First actor after `start` introduced by `want`; strict first, then through a noun (`بموقف X`). */
function byPreposition(ctx: ArgContext, want: string, start: number, taken: Set<ActorMention>): Found | null {
  let loose: ActorMention | null = null;
  for (const a of ctx.view.actors) {
    if (a.tokenStart < start || !eligible(ctx, a) || isTaken(taken, a)) continue;
    const p = prep(ctx, a);
    if (p === want)
      return {
        actors: withCoordinated(ctx, a).filter((x) => !isTaken(taken, x)),
        certainty: 1,
        end: a.tokenEnd,
        rule: `prep:${want}`,
      };
    if ((!p || p === 'ل') && !loose && loosePrep(ctx, a) === want) loose = a;
  }
  if (loose)
    return {
      actors: withCoordinated(ctx, loose).filter((x) => !isTaken(taken, x)),
      certainty: 0.8,
      end: loose.tokenEnd,
      rule: `prep:${want}`,
    };
  return null;
}

/**
 * Apply argument rules in order. `after` is where the source (and its companions) ended;
 * `taken` are mentions already used by the other argument.
 */
export function findArgument(
  ctx: ArgContext,
  trig: TriggerHit,
  kind: 'verb' | 'noun',
  rules: ArgRule[],
  after: number,
  taken: Set<ActorMention>,
  looseNoun: boolean,
): Found | null {
  // prepositional rules compete by distance: the nearest actor introduced by any of them
  // (اجتمع ... مع مديري التعليم ... بالوزارة → مع), strict before loose
  const preps = rules.filter((r) => r.startsWith('prep:'));
  let nearest: Found | null = null;
  const start = Math.max(trig.from + 1, Math.min(after, trig.to));
  for (const r of preps) {
    const f = byPreposition(ctx, r.slice(5), start, taken);
    if (!f || f.actors.some((a) => isTaken(taken, a))) continue;
    const rank = (x: Found) => (x.certainty < 1 ? 1000 : 0) + x.actors[0]!.tokenStart;
    if (!nearest || rank(f) < rank(nearest)) nearest = f;
  }
  let prepTried = false;
  for (const rule of rules) {
    let f: Found | null = null;
    if (rule === 'dest') continue;
    if (rule.startsWith('prep:')) {
      if (prepTried) continue;
      prepTried = true;
      if (nearest) return nearest;
      continue;
    }
    if (rule === 'subject')
      f = kind === 'verb' ? subjectOfVerb(ctx, trig) : subjectOfNoun(ctx, trig, looseNoun);
    else if (rule === 'genitive') f = genitive(ctx, trig, taken.size === 0);
    else if (rule === 'object') f = objectAfter(ctx, trig, Math.max(after, trig.from + 1), taken);
    if (f && f.actors.length > 0 && !f.actors.some((a) => isTaken(taken, a))) return f;
  }
  return null;
}
