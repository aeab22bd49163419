/**
 * Arguments of a trigger for Arabic word order.
 *
 *   VSO   التقى الشيباني بالرئيس بوتين            subject after the verb, target after ب
 *   SVO   لافروف سيستقبل نظيره السوري             subject right before the verb, object after
 *   rel   الشيباني الذي وصل إلى موسكو              subject = antecedent of الذي
 *   noun  زيارة الرئيس السوري إلى موسكو           genitive source, destination target
 *   comp  التقى X، برفقة Y وZ، بالرئيس W            companions Y, Z are co-sources
 *   coord مع لافروف وبوتين                        two targets
 */
import type { ActorMention, Token } from '../types.js';
import type { ArgRule } from './pattern-types.js';
import {
  COMPANION_MARKERS,
  hasConjunction,
  prepositionOf,
  RELATIVES,
  type SentenceView,
} from './sentence-view.js';
import type { TriggerHit } from './triggers.js';

/** Tokens that may stand between a verb and its subject: قد, أمس, اليوم, punctuation. */
const SKIPPABLE = new Set(['قد', 'امس', 'اليوم', 'رسميا', 'مساء', 'صباح', 'ايضا', 'بدوره', 'بدورها', 'كذلك']);

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

function tok(ctx: ArgContext, i: number): Token | undefined {
  return i >= ctx.view.from && i < ctx.view.to ? ctx.view.tokens[i] : undefined;
}

function skippable(ctx: ArgContext, i: number): boolean {
  const t = tok(ctx, i);
  if (!t) return false;
  if (t.kind === 'punct') return t.text === '،' || t.text === ',';
  if (ctx.timeTokens[i - ctx.view.from]) return true;
  return SKIPPABLE.has(t.stem) || SKIPPABLE.has(t.norm);
}

/** The actor plus those coordinated after it with و: `لافروف وبوتين`. */
export function withCoordinated(ctx: ArgContext, a: ActorMention): ActorMention[] {
  const out = [a];
  let end = a.tokenEnd;
  for (;;) {
    const t = tok(ctx, end);
    if (!t || !hasConjunction(t)) break;
    const b = actorAt(ctx, end);
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
  if (!t || !(COMPANION_MARKERS.has(t.norm) || COMPANION_MARKERS.has(t.stem))) return { actors: [], end: after };
  let j = i + 1;
  // على رأس وفد يضم: skip a few words to the first actor
  const out: ActorMention[] = [];
  let first = actorAt(ctx, j);
  for (let g = 0; !first && g < 3 && j < ctx.hi; g++) first = actorAt(ctx, ++j);
  if (!first) return { actors: [], end: after };
  for (const a of withCoordinated(ctx, first)) out.push(a);
  const last = out[out.length - 1]!;
  return { actors: out, end: last.tokenEnd };
}

/** Subject of a verb trigger. */
export function subjectOfVerb(ctx: ArgContext, trig: TriggerHit): Found | null {
  // relative clause: X الذي وصل
  let r = trig.from - 1;
  if (tok(ctx, r)?.norm === 'قد') r--;
  const rt = tok(ctx, r);
  if (rt && RELATIVES.has(rt.norm)) {
    const ante = actorEndingAt(ctx, r) ?? actorEndingAt(ctx, r - 1);
    if (ante) return { actors: [ante], certainty: 0.9, end: trig.to };
  }
  // SVO with the subject adjacent: لافروف سيستقبل, الجانب السوري أعرب
  let b = trig.from;
  while (b > ctx.lo && ['قد', 'لم', 'لن', 'لا', 'سوف', 'ما'].includes(tok(ctx, b - 1)?.stem ?? '')) b--;
  const adj = actorEndingAt(ctx, b);
  if (adj && !prep(ctx, adj)) return { actors: withCoordinatedBefore(ctx, adj), certainty: 0.9, end: trig.to };
  // VSO: the first actor after the verb, past adverbs and time words
  let k = trig.to;
  for (let g = 0; g < 6 && k < ctx.hi && !actorAt(ctx, k) && skippable(ctx, k); g++) k++;
  const after = actorAt(ctx, k);
  if (after && !prep(ctx, after)) {
    const subj = withCoordinated(ctx, after);
    const comp = companions(ctx, subj[subj.length - 1]!.tokenEnd);
    return { actors: [...subj, ...comp.actors], certainty: 1, end: Math.max(comp.end, subj[subj.length - 1]!.tokenEnd) };
  }
  // otherwise the nearest non-prepositional actor before the verb in the window
  for (let i = ctx.view.actors.length - 1; i >= 0; i--) {
    const a = ctx.view.actors[i]!;
    if (a.tokenEnd > trig.from || !eligible(ctx, a)) continue;
    if (prep(ctx, a)) continue;
    return { actors: withCoordinatedBefore(ctx, a), certainty: 0.7, end: trig.to };
  }
  return null;
}

/** Subject of a noun trigger: genitive, `التي قام بها X`, or the governing verb's subject. */
export function subjectOfNoun(ctx: ArgContext, trig: TriggerHit, allowLoose: boolean): Found | null {
  const gen = genitive(ctx, trig);
  if (gen) return gen;
  const rt = tok(ctx, trig.to);
  if (rt && RELATIVES.has(rt.norm)) {
    for (let k = trig.to + 1; k < Math.min(ctx.hi, trig.to + 5); k++) {
      const a = actorAt(ctx, k);
      if (a && !prep(ctx, a)) return { actors: withCoordinated(ctx, a), certainty: 0.9, end: a.tokenEnd };
    }
  }
  if (!allowLoose) return null;
  for (let i = ctx.view.actors.length - 1; i >= 0; i--) {
    const a = ctx.view.actors[i]!;
    if (a.tokenEnd > trig.from || !eligible(ctx, a)) continue;
    if (prep(ctx, a)) continue;
    const subj = withCoordinatedBefore(ctx, a);
    const comp = companions(ctx, a.tokenEnd);
    return { actors: [...subj, ...comp.actors], certainty: 0.75, end: trig.to };
  }
  return null;
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

/** The actor right after a noun: `زيارة الرئيس السوري`, `إدانة الأمم المتحدة`. */
export function genitive(ctx: ArgContext, trig: TriggerHit): Found | null {
  const a = actorAt(ctx, trig.to);
  if (a && !prep(ctx, a)) return { actors: withCoordinated(ctx, a), certainty: 0.95, end: a.tokenEnd };
  return null;
}

/** Apply target rules in order. */
export function findTarget(
  ctx: ArgContext,
  trig: TriggerHit,
  rules: ArgRule[],
  after: number,
  taken: Set<ActorMention>,
): { actors: ActorMention[]; rule: ArgRule; certainty: number } | null {
  const start = Math.max(after, trig.to);
  for (const rule of rules) {
    if (rule === 'dest' || rule === 'subject') continue;
    if (rule === 'genitive') {
      const g = genitive(ctx, trig);
      if (g && !g.actors.some((a) => taken.has(a))) return { actors: g.actors, rule, certainty: g.certainty };
      continue;
    }
    const want = rule === 'object' ? null : rule.slice(5);
    for (const a of ctx.view.actors) {
      if (a.tokenStart < start || !eligible(ctx, a) || taken.has(a)) continue;
      const p = prep(ctx, a);
      if (want === null ? p !== null : p !== want) continue;
      if (want === null && a.tokenStart > start + 4) break;
      return { actors: withCoordinated(ctx, a).filter((x) => !taken.has(x)), rule, certainty: 1 };
    }
  }
  return null;
}
