/**
 * The event coder: from each sentence, the events a careful analyst would code
 * (../shared/spec/coding-guidelines.md), as records of ../shared/spec/event-record.md.
 *
 * Per sentence: find triggers → skip purpose clauses and anaphoric mentions → find the
 * reported-speech window and its speaker → source and target by the pattern's rules →
 * modality, date and place → one record per (source, target) pair → merge repeats.
 */
import { createHash } from 'node:crypto';
import { isDefinite, proclitics } from '../actors/forms.js';
import { normalize } from '../text/normalize.js';
import type {
  Actor,
  ActorMention,
  AnnotatedDocument,
  EventRecord,
  Modality,
  Place,
  Token,
} from '../types.js';
import { type ArgContext, between, findArgument, genitive, subjectOfNoun } from './arguments.js';
import { cameoInfo } from './cameo.js';
import { sportsSentences } from './context.js';
import { modalityOf } from './modality.js';
import type { ArgRule, Pattern } from './pattern-types.js';
import type { Cues } from './patterns.js';
import {
  CLAUSE_BREAKS,
  COMPLEMENTIZERS,
  DEMONSTRATIVES,
  hasFuturePrefix,
  LIGHT_VERBS,
  looksImperfect,
  prepositionOf,
  QUANTITIES,
  RELATIVES,
  type SentenceView,
  WORD_PREPS,
} from './sentence-view.js';
import { findTriggers, matchKeys, type TriggerHit, type TriggerIndex } from './triggers.js';

export interface CoderResources {
  patterns: Pattern[];
  index: TriggerIndex;
  cues: Cues;
  /** English and Arabic names of countries by code, for country-level places. */
  countryNames?: Map<string, { en: string; ar: string }>;
}

/** A country as a place (no coordinates: a country is not a point). */
function countryPlace(code: string, names: CoderResources['countryNames']): Place {
  const n = names?.get(code);
  return { name: n?.en ?? code, name_ar: n?.ar ?? '', country: code, lat: null, lon: null };
}

/** Codes of making a visit: visitor → host country. */
const VISITS = new Set(['042']);
const SYMMETRIC = new Set(['040', '041', '044', '046', '057']);
/** How many tokens around a trigger its arguments may lie. */
const WINDOW = 60;

/** The sentence with only the mentions inside [lo, hi) (mentions are sorted by position). */
function windowed(view: SentenceView, lo: number, hi: number): SentenceView {
  const cut = <T extends { tokenStart: number }>(xs: T[]): T[] => {
    if (xs.length < 32) return xs;
    let a = 0;
    let b = xs.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (xs[m]!.tokenStart < lo) a = m + 1;
      else b = m;
    }
    let e = a;
    while (e < xs.length && xs[e]!.tokenStart < hi) e++;
    return xs.slice(a, e);
  };
  return { ...view, actors: cut(view.actors), places: cut(view.places) };
}
/** Roots of diplomatic exchanges, whose definite nouns (المباحثات, الزيارة) are anaphoric. */
const DIPLOMATIC_ROOTS = new Set(['03', '04', '05']);

/** A definite noun with its own agent: زيارة الرئيس (genitive), الزيارة التي قام بها X. */
function definiteWithAgent(toks: Token[], trig: TriggerHit, view: SentenceView): boolean {
  const next = toks[trig.to];
  if (!next || next.sentence !== view.index) return false;
  if (RELATIVES.has(next.norm)) return true;
  return view.actors.some((a) => a.tokenStart === trig.to);
}
/** Roots whose events stand without a target (a protest, a claim, a battle). */
const TARGETLESS_ROOTS = new Set(['01', '14', '15']);
const PURPOSE_WORDS = new Set(['بهدف', 'لاجل', 'اجل', 'سعيا', 'تهدف', 'يهدف', 'بغيه', 'بغرض']);
/** Lemma keys of denial verbs: نفى, نفت, ينفي. */
const DENIALS = new Set(['نفي', 'نف', 'نفت', 'ينفي', 'نفى']);
/** "Was subjected to, suffered": تعرضوا, يتعرض, عانى, يعاني (not عرض, "offered"). */
function suffered(t: Token): boolean {
  const s = t.stem;
  return /^(ت|يت|نت)عرض/u.test(s) || t.lemma === 'عاني' || t.lemma === 'عان';
}
/** Nouns that turn the event after them into its absence: وقف إطلاق النار, منع الاعتقال. */
const CANCEL_WORDS = new Set([
  'وقف',
  'ايقاف',
  'منع',
  'تجنب',
  'انهاء',
  'لوقف',
  'بوقف',
  'لانهاء',
  'بانهاء',
  'لمنع',
]);

interface Draft {
  pattern: Pattern;
  trig: TriggerHit;
  sentence: number;
  /** Empty only for patterns without source rules: one record with a null source. */
  sources: ActorMention[];
  targets: (ActorMention | Actor)[];
  modality: Modality;
  attribution: ActorMention | null;
  date: string | null;
  dateText: string | null;
  place: Place | null;
  certainty: number;
  span: { text: string; start: number; end: number };
}

export function codeEvents(ad: AnnotatedDocument, res: CoderResources): EventRecord[] {
  const { tokens, doc } = ad;
  const drafts: Draft[] = [];
  const views = sentenceViews(ad);
  const dateline = datelinePlace(ad);
  const sports = sportsSentences(ad, res.cues);
  for (const view of views) {
    if (sports.has(view.index)) continue;
    const blocked = new Uint8Array(view.to - view.from);
    for (const a of view.actors) for (let k = a.tokenStart; k < a.tokenEnd; k++) blocked[k - view.from] = 1;
    for (const p of view.places) for (let k = p.tokenStart; k < p.tokenEnd; k++) blocked[k - view.from] = 1;
    const timeTokens = new Uint8Array(view.to - view.from);
    for (const te of view.times)
      for (let k = view.from; k < view.to; k++) {
        const t = tokens[k]!;
        if (t.start >= te.start && t.end <= te.end) timeTokens[k - view.from] = 1;
      }
    // mentions and time words may stand inside a multiword trigger (يعقد اليوم الوزير ... اجتماعا)
    const gaps = blocked.map((b, k) => b | timeTokens[k]!);
    const tags = tagLineStart(tokens, view.from, view.to);
    const trigs = findTriggers(tokens, view.from, view.to, res.index, blocked, gaps).filter(
      (t) => t.from < tags,
    );
    if (trigs.length === 0) continue;
    const speech = reportedClauses(view, res.cues, trigs);
    const complements = complementTriggers(tokens, trigs);
    for (const trig of trigs) {
      if (complements.has(trig)) continue;
      const d = codeTrigger(ad, view, trig, res, speech, timeTokens, drafts);
      if (d) drafts.push(d);
    }
  }
  carryPlaces(drafts, dateline, dominantPlace(ad, res.countryNames), res.countryNames);
  return toRecords(doc.id, drafts);
}

/** The word that opens a site's list of tags after an article: سمات, وسوم, الكلمات الدلالية. */
const TAG_HEADS = new Set(['سمات', 'وسوم', 'الوسوم'].map((w) => normalize(w)));

/**
 * Where a tag line starts in tokens [from, to): a tag head followed to the end of the sentence
 * by a few bare words (`سمات بنغازي داعش قتل ليبيا`), which are keywords, not a clause; `to`
 * when there is none.
 */
function tagLineStart(tokens: Token[], from: number, to: number): number {
  for (let k = from; k < to; k++) {
    if (!TAG_HEADS.has(tokens[k]!.norm)) continue;
    const rest = tokens.slice(k + 1, to);
    if (rest.length <= 15 && rest.every((t) => t.kind !== 'punct' || t.text === '،' || t.text === ','))
      return k;
  }
  return to;
}

function sentenceViews(ad: AnnotatedDocument): SentenceView[] {
  const out: SentenceView[] = [];
  let ti = 0;
  let ai = 0;
  let pi = 0;
  let xi = 0;
  for (const s of ad.sentences) {
    const from = ti;
    while (ti < ad.tokens.length && ad.tokens[ti]!.sentence === s.index) ti++;
    const actors: ActorMention[] = [];
    while (ai < ad.actors.length && ad.actors[ai]!.sentence <= s.index) {
      if (ad.actors[ai]!.sentence === s.index) actors.push(ad.actors[ai]!);
      ai++;
    }
    const places = [];
    while (pi < ad.places.length && ad.places[pi]!.sentence <= s.index) {
      if (ad.places[pi]!.sentence === s.index) places.push(ad.places[pi]!);
      pi++;
    }
    const times = [];
    while (xi < ad.times.length && ad.times[xi]!.sentence <= s.index) {
      if (ad.times[xi]!.sentence === s.index) times.push(ad.times[xi]!);
      xi++;
    }
    out.push({ index: s.index, from, to: ti, tokens: ad.tokens, actors, places, times });
  }
  return out;
}

interface Reported {
  /** First token of the reported clause (after أن). */
  from: number;
  speaker: ActorMention | null;
  /** Mentions that belong to the speaking act (the speaker and its companions). */
  speakerMentions: ActorMention[];
}

/**
 * Reported clauses of a sentence: `أعلنت زاخاروفا أن ...`, `بحسب تصريحات لافروف، فإن ...`,
 * `أفادت مصادر ... بأن ...`. The clause after the complementiser is coded on its own, the
 * speaker goes in `attribution`.
 */
const cueFirstKeys = new WeakMap<Cues, Set<string>>();

function reportedClauses(view: SentenceView, cues: Cues, trigs: TriggerHit[]): Reported[] {
  const out: Reported[] = [];
  let firstKeys = cueFirstKeys.get(cues);
  if (!firstKeys) {
    firstKeys = new Set<string>();
    for (const c of [...cues.attribution.verbs, ...cues.attribution.phrases])
      if (c.keys[0]) firstKeys.add(c.keys[0]);
    cueFirstKeys.set(cues, firstKeys);
  }
  const toks = view.tokens;
  for (let i = view.from; i < view.to; i++) {
    const t0 = toks[i]!;
    if (!firstKeys.has(t0.lemma) && !firstKeys.has(t0.stem) && !firstKeys.has(t0.norm)) continue;
    // a speech verb inside a trigger (أعلن مسؤوليته, أعلن هدنة) is part of that event
    if (trigs.some((h) => i >= h.from && i < h.to)) continue;
    let isSpeech = false;
    for (const c of cues.attribution.verbs)
      if (matchKeys(toks, i, view.to, c.keys) === i + c.keys.length) isSpeech = true;
    let phrase = -1;
    if (!isSpeech)
      for (const c of cues.attribution.phrases) {
        const e = matchKeys(toks, i, view.to, c.keys);
        if (e > 0) phrase = e;
      }
    if (!isSpeech && phrase < 0) continue;
    // the complementiser that opens the clause
    let comp = -1;
    for (let k = i + 1; k < Math.min(view.to, i + 25); k++) {
      const w = toks[k]!;
      if (COMPLEMENTIZERS.has(w.norm) || (w.stem === 'ان' && proclitics(w).every((p) => p !== 'ال'))) {
        comp = k;
        break;
      }
      if (w.text === '.' || w.text === ':') break;
    }
    let speaker: ActorMention | null = null;
    const before: ActorMention[] = [];
    if (phrase >= 0 && !isSpeech) {
      // بحسب X / وفقا لـ X: the source is the mention right after the phrase
      const a = view.actors.find((x) => x.tokenStart >= phrase && x.tokenStart <= phrase + 2);
      if (a) {
        speaker = a;
        before.push(a);
      }
    } else {
      for (const a of view.actors) {
        const end = comp >= 0 ? comp : i + 10;
        if (a.tokenStart >= i + 1 && a.tokenEnd <= end) {
          if (!speaker) speaker = a;
          before.push(a);
        }
      }
    }
    if (!speaker && isSpeech) {
      for (let k = view.actors.length - 1; k >= 0; k--) {
        const a = view.actors[k]!;
        if (a.tokenEnd <= i) {
          speaker = a;
          break;
        }
      }
    }
    if (comp >= 0) out.push({ from: comp + 1, speaker, speakerMentions: before });
    else if (phrase >= 0 && speaker) {
      // بحسب X، ... or ...، بحسب X: the whole sentence is attributed to X
      out.push({ from: view.from, speaker, speakerMentions: before });
    }
    if (comp >= 0) i = comp;
  }
  return out;
}

function codeTrigger(
  ad: AnnotatedDocument,
  view: SentenceView,
  trig: TriggerHit,
  res: CoderResources,
  speech: Reported[],
  timeTokens: Uint8Array,
  earlier: Draft[],
): Draft | null {
  const toks = view.tokens;
  const t = toks[trig.from]!;
  const p = trig.pattern;
  const prev = trig.from > view.from ? toks[trig.from - 1] : undefined;
  // purpose clauses (لإجراء مباحثات, لبحث, بهدف تعزيز) are not separate events
  if (isPurpose(t, prev, toks[trig.from - 2])) return null;
  // تعرضوا ل/من قتل وتعذيب: what someone was subjected to has no agent in the clause
  for (let k = trig.from - 1; k >= Math.max(view.from, trig.from - 6); k--)
    if (suffered(toks[k]!)) return null;
  // a relative clause describing a standing state (التي تطالب بها, الذين يقاتلون, التي تسيطر عليها)
  if (prev && RELATIVES.has(prev.norm) && looksImperfect(t) && !hasFuturePrefix(t)) return null;
  // وقف إطلاق النار is a ceasefire, not gunfire
  if (prev && (CANCEL_WORDS.has(prev.norm) || CANCEL_WORDS.has(prev.stem))) return null;
  // talks, visits and meetings named with the article (المباحثات بين الجانبين, الزيارة) refer back
  // to the event the article reported with a verb; they add no event of their own
  if (
    trig.kind === 'noun' &&
    isDefinite(t) &&
    DIPLOMATIC_ROOTS.has(p.code.slice(0, 2)) &&
    !definiteWithAgent(toks, trig, view)
  )
    return null;
  // anaphoric mentions (هذه الزيارة) refer to events already coded
  if (trig.kind === 'noun' && prev && DEMONSTRATIVES.has(prev.norm)) return null;
  if (trig.kind === 'noun' && prev && DEMONSTRATIVES.has(prev.stem)) return null;

  // the window: the reported clause the trigger is in, up to the next clause break
  let lo = view.from;
  let attribution: ActorMention | null = null;
  const excluded = new Set<ActorMention>();
  for (const r of speech) {
    if (r.from <= trig.from && r.from >= lo) {
      lo = r.from;
      attribution = r.speaker;
      for (const m of r.speakerMentions) excluded.add(m);
    }
  }
  // a clause break before the trigger (فيما, حيث, بينما) starts its clause
  for (let k = trig.from - 1; k > lo; k--) {
    if (CLAUSE_BREAKS.has(toks[k]!.norm)) {
      lo = k + 1;
      break;
    }
  }
  // arguments lie near their trigger: the window is bounded, so one huge unpunctuated
  // "sentence" costs linear time
  lo = Math.max(lo, trig.from - WINDOW);
  const maxHi = Math.min(view.to, trig.to + WINDOW);
  const actorEnds = new Set<number>();
  for (const a of view.actors) if (a.tokenEnd > trig.to && a.tokenEnd <= maxHi) actorEnds.add(a.tokenEnd);
  let hi = maxHi;
  for (let k = trig.to; k < maxHi; k++) {
    const w = toks[k]!;
    if (CLAUSE_BREAKS.has(w.norm) || COMPLEMENTIZERS.has(w.norm) || w.text === ':' || w.text === '.') {
      hi = k;
      break;
    }
    // a relative clause on an actor (الشيباني الذي وصل) is not part of this clause; one on a
    // noun may hold the target (أدانت مصر الهجوم الذي شنه تنظيم داعش)
    if (RELATIVES.has(w.norm) && k > trig.to + 1 && actorEnds.has(k)) {
      hi = k;
      break;
    }
  }
  const ctx: ArgContext = { view: windowed(view, lo, hi), lo, hi, timeTokens, excluded };

  // source
  const definiteNoun = trig.kind === 'noun' && isDefinite(t);
  let sources: ActorMention[] = [];
  let certainty = 1;
  let after = trig.to;
  let targets: (ActorMention | Actor)[] = [];
  const pair = between(ctx, trig);
  // a verb pattern's word after a preposition is its verbal noun: مسؤوليتهم عن قتل ...
  // and a verbal noun with a pronoun (لدى استقباله الوزير الفرنسي): the pronoun is the agent,
  // the word after it the object
  const verbalNoun =
    !pair &&
    ((p.kind === 'verb' && !!prev && WORD_PREPS.has(prev.norm)) ||
      (trig.kind === 'noun' && trig.to - trig.from === 1 && t.pieces.some((x) => x.kind === 'enclitic')));
  if (pair) {
    sources = [pair[0]!];
    targets = pair.slice(1);
    after = pair[pair.length - 1]!.tokenEnd;
  } else if (
    prev &&
    CAUSE_NOUNS.has(prev.norm) &&
    ['18', '19', '20'].includes(p.code.slice(0, 2)) &&
    genitive(ctx, trig, true)
  ) {
    // قتلوا نتيجة قصف القوات الحكومية: after a word of cause the trigger is a verbal noun
    // whose genitive is its agent
    const g = genitive(ctx, trig, true)!;
    sources = g.actors;
    certainty = g.certainty * 0.9;
    after = g.end;
  } else if (verbalNoun && agentAndRecipient(ctx, trig)) {
    // رد على اتهامات المالكي للسعودية: a genitive followed by a ل-phrase is the noun's own agent
    // and its recipient, not the governing clause's subject
    const ar = agentAndRecipient(ctx, trig)!;
    sources = ar.agent;
    targets = [ar.recipient];
    after = ar.recipient.tokenEnd;
    certainty = 0.8;
  } else if (verbalNoun) {
    // عن قتل نائب صومالي: the agent comes from the governing clause, what follows is the object
    // (with no agent before it, the genitive is the agent: خلال استقبال الملك الأردني وزير الخارجية)
    const f =
      subjectOfNoun(ctx, trig, true, false) ??
      findArgument(ctx, trig, 'noun', ['genitive'], trig.to, new Set(), false);
    if (f) {
      sources = f.actors;
      certainty = f.certainty * 0.9;
      if (f.rule === 'genitive') after = f.end;
    }
  } else {
    const f = findArgument(ctx, trig, trig.kind, p.source, trig.to, new Set(), !definiteNoun);
    if (f) {
      sources = f.actors;
      certainty = f.certainty;
      // a subject inside a multiword trigger (وقعت مصر مع السعودية اتفاقية) ends before it does
      if (f.end > trig.from) after = f.end;
    }
  }
  // a verb opening its clause without a subject continues the last event's agent:
  // واستهدفت غارات التحالف ...، كما شن أكثر من 40 غارة ...
  if (
    sources.length === 0 &&
    trig.kind === 'verb' &&
    p.source.includes('subject') &&
    clauseInitial(toks, trig.from, lo)
  ) {
    const last = earlier[earlier.length - 1];
    if (last && last.sources.length > 0 && view.index - last.sentence <= 2 && !attributionOf(speech, trig)) {
      sources = [last.sources[0]!];
      certainty = 0.6;
    }
  }
  // a verb followed by a count reports victims or results, not an agent: قتل 30 مسلحا, قتل مئات من ...
  const after1 = toks[trig.to];
  const violent = ['18', '19', '20'].includes(p.code.slice(0, 2));
  if (
    violent &&
    trig.kind === 'verb' &&
    after1 &&
    (after1.kind === 'number' ||
      QUANTITIES.has(after1.stem) ||
      QUANTITIES.has(after1.norm) ||
      after1.norm === 'نحو')
  ) {
    if (sources.length > 0 && sources[0]!.tokenStart > trig.from) sources = [];
  }
  // وكان في استقبال الوزير لدى وصوله رئيس الحكومة: the genitive is the guest, the host follows
  if (p.code === '043' && prev?.norm === 'في' && RECEPTION.test(t.norm)) {
    const r = receivedBy(ctx, t, trig, earlier, view.index);
    if (!r) return null;
    sources = [r.host];
    targets = [r.guest];
    certainty *= 0.9;
  }
  // patterns without source rules code events whose agent the text does not name (نجا من محاولة اغتيال)
  const sourceless = sources.length === 0 && p.source.length === 0;
  if (sources.length === 0 && !sourceless) return null;

  // target
  let place: Place | null = null;
  let targetRule: string | null = null;
  const taken = new Set<ActorMention>(sources);
  if (targets.length === 0) {
    const dest = p.target.includes('dest') ? destination(ctx, trig, after) : null;
    const found = findArgument(ctx, trig, trig.kind, p.target, after, taken, !definiteNoun);
    if (dest && (!found || p.target.indexOf('dest') < p.target.indexOf(found.rule as ArgRule))) {
      targets = [dest.actor];
      place = dest.place;
    } else if (found) {
      targets = found.actors;
      targetRule = found.rule;
      certainty *= found.certainty;
    }
  }
  // a reference back to a violent event stands for its perpetrator: ندد ... بهذه الجريمة
  if (targets.length === 0) {
    const from = Math.max(after, trig.to);
    const perp = referencedPerpetrator(toks, from, Math.min(hi, from + 8), earlier);
    if (perp) {
      targets = [perp];
      certainty *= 0.8;
    }
  }
  // a dual subject of a symmetric event: الرئيس بوتين والوزير الشيباني ناقشا
  // (rather than a country named with في: اتفقا أثناء اتصال هاتفي على الوضع في سوريا)
  const countryTarget =
    targets.length > 0 &&
    targets.every((x) => !('kind' in x) || x.kind === 'country' || x.kind === 'capital');
  if (
    (targets.length === 0 || targetRule === 'prep:في' || countryTarget) &&
    SYMMETRIC.has(p.code.slice(0, 3)) &&
    sources.length >= 2
  ) {
    targets = [sources[1]!];
    sources = [sources[0]!, ...sources.slice(2)];
  }
  // وصلت أمس ثاني طائرة إلى مطار عدن: a plane, ship or convoy arriving is cargo, not a visit
  if (VISITS.has(p.code) && sources.every((a) => a.tokenEnd <= trig.from)) {
    for (let k = trig.to; k < Math.min(hi, trig.to + 10); k++) {
      const w = toks[k]!;
      if (view.actors.some((a) => a.tokenStart === k) || WORD_PREPS.has(w.norm)) break;
      if (VEHICLES.has(w.stem) || VEHICLES.has(w.norm)) return null;
    }
  }
  // a place where an actor was expected stands for its country: سيطر الحوثيون على صنعاء
  if (targets.length === 0) {
    const pt = placeTarget(ctx, trig, p.target, after);
    if (pt) {
      targets = [pt.actor];
      place ??= pt.place;
      certainty *= 0.9;
    }
  }
  // the passive agent: استُقبل الوزير من قبل الرئيس → the agent is the source, the subject the target
  const agent = trig.kind === 'verb' ? passiveAgent(ctx, trig) : null;
  if (agent && !sources.includes(agent)) {
    if (sources.length > 0 && targets.length === 0) targets = sources;
    sources = [agent];
    certainty *= 0.9;
  }
  if (targets.length === 0 && !targetOptional(p)) return null;

  // modality; a denial (نفى أن يكون ... قد التقى) negates the clause it introduces
  // (cues like من المتوقع أن straddle the complementiser that opens the clause)
  let modality = modalityOf(toks, trig.from, Math.max(view.from, lo - 4), res.cues.modality, trig.kind);
  if (modality !== 'future') {
    let comp = false;
    for (let k = trig.from - 1; k >= Math.max(view.from, trig.from - 25); k--) {
      const w = toks[k]!;
      if (COMPLEMENTIZERS.has(w.norm)) comp = true;
      else if (comp && (DENIALS.has(w.lemma) || DENIALS.has(w.stem))) {
        modality = 'negated';
        break;
      }
    }
  }
  // date
  // no time in the clause: a day named in the sentence before carries over to an elaboration of
  // the same report (طالب المئات ... أمس. جاءت هذه المطالبة في وقفة احتجاجية ...)
  const time = nearestTime(view, trig, lo, hi) ?? (refersBack(view) ? carriedTime(ad, view.index) : null);
  const date = time ? time.value : ad.anchor;
  if (modality === 'asserted' && ad.anchor && date && date.length === 10 && date > ad.anchor)
    modality = 'future';
  // an imperfect verb dated today or later is scheduled: يعقد اليوم الوزير اجتماعا
  if (
    modality === 'asserted' &&
    trig.kind === 'verb' &&
    looksImperfect(t) &&
    time?.value &&
    ad.anchor !== null &&
    time.value.length === 10 &&
    time.value >= ad.anchor
  ) {
    modality = 'future';
  }
  // place: destination, else a place named in the clause
  if (!place) place = clausePlace(view, trig, lo, hi);
  return {
    pattern: p,
    trig,
    sentence: view.index,
    sources,
    targets,
    modality,
    attribution,
    date: date ?? null,
    dateText: time ? time.text : null,
    place,
    certainty,
    span: triggerSpan(ad, trig),
  };
}

const optionalTarget = new WeakMap<Pattern, boolean>();

/**
 * May the pattern's events stand without a target? Yes for roots whose events often have none
 * (a protest, a claim, a battle), for patterns without target rules, and for patterns whose own
 * examples expect a target-less event (`أعلنت الحكومة الحداد` → 017 LBNGOV -).
 */
function targetOptional(p: Pattern): boolean {
  let v = optionalTarget.get(p);
  if (v === undefined) {
    v =
      TARGETLESS_ROOTS.has(p.code.slice(0, 2)) ||
      p.target.length === 0 ||
      p.examples.some((e) => e.expect.some((x) => x.split(' ')[2] === '-'));
    optionalTarget.set(p, v);
  }
  return v;
}

/** `من قبل X` / `من طرف X` after a verb trigger: the agent of a passive. */
function passiveAgent(ctx: ArgContext, trig: TriggerHit): ActorMention | null {
  const toks = ctx.view.tokens;
  for (let k = trig.to; k < Math.min(ctx.hi, trig.to + 8); k++) {
    const w = toks[k]!;
    const n = toks[k + 1];
    if (!n || w.norm !== 'من') continue;
    if (n.norm !== 'قبل' && n.norm !== 'طرف') continue;
    return ctx.view.actors.find((a) => a.tokenStart === k + 2) ?? null;
  }
  return null;
}

/** Roots of acts whose content is another event: appeals, intents, demands, rejections, threats, accusations. */
const COMPLEMENT_TAKING = new Set(['02', '03', '10', '11', '12', '13']);

/**
 * Triggers that are the content of an earlier speech act in the sentence, not events of their
 * own: تعهدت السعودية بتقديم مساعدات (a pledge, not aid), دعا إلى وقف القتال, اتهمه بقتل ...
 * The content follows within a few words, introduced by ب, ل, إلى, عن or على.
 */
function complementTriggers(toks: Token[], trigs: TriggerHit[]): Set<TriggerHit> {
  const out = new Set<TriggerHit>();
  for (let a = 0; a < trigs.length; a++) {
    const outer = trigs[a]!;
    if (!COMPLEMENT_TAKING.has(outer.pattern.code.slice(0, 2))) continue;
    for (let b = a + 1; b < trigs.length; b++) {
      const inner = trigs[b]!;
      if (inner.from - outer.to > 6) break;
      const t = toks[inner.from]!;
      const prev = toks[inner.from - 1];
      const introduced =
        proclitics(t).some((p) => p === 'ب' || p === 'ل') ||
        (!!prev && ['الي', 'عن', 'علي', 'ب', 'ل'].includes(prev.norm));
      if (introduced) out.add(inner);
    }
  }
  return out;
}

/** Nouns naming a violent event: الهجوم, الجريمة, التفجير. */
const EVENT_NOUNS = new Set(
  [
    'هجوم',
    'جريمة',
    'اعتداء',
    'تفجير',
    'عملية',
    'اغتيال',
    'حادث',
    'مجزرة',
    'قصف',
    'هجمات',
    'جرائم',
    'تفجيرات',
    'اعتداءات',
    'عمل',
  ].map((w) => normalize(w)),
);

/**
 * `بهذه الجريمة`, `من هذا الهجوم`, `الهجوم الإرهابي`: a demonstrative and an event noun right after
 * the trigger refer to the last violent event (roots 18–20) of the article; its source is the target.
 */
function referencedPerpetrator(
  toks: Token[],
  from: number,
  to: number,
  earlier: Draft[],
): ActorMention | null {
  let demo = false;
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (DEMONSTRATIVES.has(t.stem) || DEMONSTRATIVES.has(t.norm)) {
      demo = true;
      continue;
    }
    if (demo && EVENT_NOUNS.has(t.stem)) {
      for (let e = earlier.length - 1; e >= 0; e--) {
        const d = earlier[e]!;
        const root = d.pattern.code.slice(0, 2);
        if ((root === '18' || root === '19' || root === '20') && d.sources[0]) return d.sources[0];
      }
      return null;
    }
    if (demo) demo = false;
  }
  return null;
}

/** The trigger opens its clause: after كما / ثم / وقد, a clause break, or with a conjunction. */

function clauseInitial(toks: Token[], i: number, lo: number): boolean {
  if (i <= lo) return true;
  const t = toks[i]!;
  const p0 = t.pieces[0];
  if (p0 && p0.kind === 'proclitic' && (p0.norm === 'و' || p0.norm === 'ف')) return true;
  const prev = toks[i - 1]!;
  return ['كما', 'ثم', 'وقد', 'فقد', 'قد', 'وكما'].includes(prev.norm) || prev.text === '،';
}

function attributionOf(speech: Reported[], trig: TriggerHit): boolean {
  return speech.some((r) => r.from <= trig.from);
}

function isPurpose(t: Token, prev: Token | undefined, prev2: Token | undefined): boolean {
  const pro = proclitics(t);
  if (pro.includes('ل') && !isDefinite(t)) return true;
  if (prev) {
    const pp = proclitics(prev);
    if (pp.includes('ل') && !isDefinite(prev) && LIGHT_VERBS.has(prev.stem)) return true;
    if (PURPOSE_WORDS.has(prev.norm) || PURPOSE_WORDS.has(prev.stem)) return true;
  }
  if (prev2 && (PURPOSE_WORDS.has(prev2.norm) || PURPOSE_WORDS.has(prev2.stem))) return true;
  return false;
}

/**
 * Destination: a place or country after إلى / ل / نحو / على (`سيطر الحوثيون على صنعاء`), or
 * a place right after the subject as direct object (`زار الوزير موسكو`).
 */
function destination(
  ctx: ArgContext,
  trig: TriggerHit,
  after: number,
): { actor: Actor; place: Place } | null {
  const { view } = ctx;
  const from = Math.min(after, trig.to);
  for (const pm of view.places) {
    if (pm.tokenStart < from || pm.tokenStart >= ctx.hi) continue;
    const pr = arrivalPrep(view, pm.tokenStart);
    // غادر الوزير الأردن متوجها إلى ...: a place inside the trigger phrase is where the trip began
    if (pr === null && pm.tokenStart < trig.to && trig.to - trig.from > 1) continue;
    const direct = pr === null && pm.tokenStart <= Math.max(after, trig.to) + 1;
    if (pr !== 'الي' && pr !== 'ل' && pr !== 'نحو' && pr !== 'علي' && !direct) continue;
    if (!pm.country) continue;
    return {
      actor: {
        text: pm.text,
        start: pm.start,
        end: pm.end,
        code: pm.country,
        country: pm.country,
        actor: null,
        name: null,
      },
      place: { name: pm.name, name_ar: pm.name_ar, country: pm.country, lat: pm.lat, lon: pm.lon },
    };
  }
  return null;
}

/** Vehicles and loads whose arrival is no visit: طائرة, سفينة, شحنة, قافلة. */
const VEHICLES = new Set(
  ['طائرة', 'الطائرة', 'طائرات', 'سفينة', 'السفينة', 'باخرة', 'شحنة', 'الشحنة', 'قافلة', 'القافلة'].map((w) =>
    normalize(w),
  ),
);

/** Nouns of cause that govern a verbal noun: نتيجة قصف, جراء غارات, إثر هجوم, بسبب قصف. */
const CAUSE_NOUNS = new Set(['نتيجة', 'جراء', 'إثر', 'بسبب', 'بفعل', 'عقب'].map((w) => normalize(w)));

/** `NOUN X لـY`: the genitive X and the recipient Y right after it (اتهامات المالكي للسعودية). */
function agentAndRecipient(
  ctx: ArgContext,
  trig: TriggerHit,
): { agent: ActorMention[]; recipient: ActorMention } | null {
  const g = genitive(ctx, trig);
  if (!g || g.actors.length === 0) return null;
  const recipient = ctx.view.actors.find(
    (a) =>
      a.tokenStart === g.end &&
      a.tokenEnd <= ctx.hi &&
      prepositionOf(ctx.view.tokens, a.tokenStart, ctx.view.from) === 'ل',
  );
  return recipient ? { agent: g.actors, recipient } : null;
}

/** The verbal noun of استقبل, with or without a pronoun: استقبال, استقباله. */
const RECEPTION = new RegExp(`^${normalize('استقبال')}`);

/**
 * `كان في استقبال GUEST ... HOST`: the guest is the genitive after استقبال (or, for
 * `في استقباله`, the visitor of the event just coded); the host is the first actor after it
 * with no preposition.
 */
function receivedBy(
  ctx: ArgContext,
  t: Token,
  trig: TriggerHit,
  earlier: Draft[],
  sentence: number,
): { host: ActorMention; guest: ActorMention } | null {
  const { view } = ctx;
  const inWindow = (a: ActorMention) =>
    a.tokenStart >= ctx.lo && a.tokenEnd <= ctx.hi && !ctx.excluded.has(a);
  let guest: ActorMention | undefined;
  let from = trig.to;
  if (t.pieces.some((x) => x.kind === 'enclitic')) {
    const last = earlier[earlier.length - 1];
    if (last && sentence - last.sentence <= 2 && VISITS.has(last.pattern.code)) guest = last.sources[0];
  } else {
    guest = view.actors.find((a) => a.tokenStart === trig.to && inWindow(a));
    if (guest) from = guest.tokenEnd;
  }
  if (!guest) return null;
  const host = view.actors.find(
    (a) =>
      a.tokenStart >= from &&
      inWindow(a) &&
      a !== guest &&
      a.code !== guest.code &&
      // officials of the guest's own country lining up to receive him is protocol, not a visit
      !(a.country && a.country === guest.country) &&
      prepositionOf(view.tokens, a.tokenStart, view.from) === null,
  );
  return host ? { host, guest } : null;
}

/** Facilities named after their city: arriving at مطار بيروت is arriving in Beirut. */
const ARRIVAL_FACILITIES = new Set(['مطار', 'ميناء'].map((w) => normalize(w)));

/** The preposition of a place, or of the airport or port it names (`إلى مطار بيروت` → إلى). */
function arrivalPrep(view: SentenceView, i: number): string | null {
  const pr = prepositionOf(view.tokens, i, view.from);
  const prev = i - 1 >= view.from ? view.tokens[i - 1] : undefined;
  if (pr !== null || prev?.kind !== 'word' || prev.sentence !== view.tokens[i]?.sentence) return pr;
  return ARRIVAL_FACILITIES.has(prev.stem || prev.norm) ? prepositionOf(view.tokens, i - 1, view.from) : null;
}

/** The first place introduced as a target rule says (`prep:علي`, `object`) → its country. */
function placeTarget(
  ctx: ArgContext,
  trig: TriggerHit,
  rules: ArgRule[],
  after: number,
): { actor: Actor; place: Place } | null {
  const { view } = ctx;
  const start = Math.max(trig.from + 1, Math.min(after, trig.to));
  for (const rule of rules) {
    if (rule !== 'object' && !rule.startsWith('prep:')) continue;
    const want = rule === 'object' ? null : rule.slice(5);
    for (const pm of view.places) {
      if (pm.tokenStart < start || pm.tokenStart >= ctx.hi || !pm.country) continue;
      const pr = prepositionOf(view.tokens, pm.tokenStart, view.from);
      if (want === null ? pr !== null || pm.tokenStart > Math.max(after, trig.to) + 1 : pr !== want) continue;
      // في قصر السلام بجدة: a city after ب (or a non-capital after في) is where it happened, not
      // who it happened to; a capital after في still stands for its state (سفارتها في دمشق)
      if (
        (pr === 'ب' && pm.kind !== 'country') ||
        (pr === 'في' && (pm.kind === 'city' || pm.kind === 'region'))
      )
        continue;
      return {
        actor: {
          text: pm.text,
          start: pm.start,
          end: pm.end,
          code: pm.country,
          country: pm.country,
          actor: null,
          name: null,
        },
        place: { name: pm.name, name_ar: pm.name_ar, country: pm.country, lat: pm.lat, lon: pm.lon },
      };
    }
  }
  return null;
}

function clausePlace(view: SentenceView, trig: TriggerHit, lo: number, hi: number): Place | null {
  let best: { d: number; p: Place } | null = null;
  for (const pm of view.places) {
    if (pm.tokenStart < lo || pm.tokenStart >= hi) continue;
    const pr = prepositionOf(view.tokens, pm.tokenStart, view.from);
    if (pr !== 'في' && pr !== 'ب' && pr !== 'الي' && pr !== 'على') continue;
    const d = pm.tokenStart >= trig.to ? pm.tokenStart - trig.to : (trig.from - pm.tokenEnd) * 2 + 1;
    if (!best || d < best.d)
      best = { d, p: { name: pm.name, name_ar: pm.name_ar, country: pm.country, lat: pm.lat, lon: pm.lon } };
  }
  return best?.p ?? null;
}

function nearestTime(view: SentenceView, trig: TriggerHit, lo: number, hi: number) {
  const t0 = view.tokens[trig.from]!.start;
  const t1 = view.tokens[trig.to - 1]!.end;
  const loC = view.tokens[lo]?.start ?? 0;
  const hiC = hi < view.to ? view.tokens[hi]!.start : Number.POSITIVE_INFINITY;
  let best: { d: number; te: (typeof view.times)[number] } | null = null;
  for (const te of view.times) {
    if (te.kind === 'duration') continue;
    if (te.start < loC || te.end > hiC) continue;
    const d = te.start >= t1 ? te.start - t1 : (t0 - te.end) * 3;
    // far from the trigger, a time expression belongs to another part of the sentence
    if (d > 120) continue;
    if (!best || d < best.d) best = { d, te };
  }
  return best?.te ?? null;
}

/** The sentence opens by pointing back to the report before it: جاءت هذه المطالبة, وجاء ذلك. */
function refersBack(view: SentenceView): boolean {
  for (let k = view.from; k < Math.min(view.to, view.from + 4); k++) {
    const t = view.tokens[k]!;
    if (DEMONSTRATIVES.has(t.stem) || DEMONSTRATIVES.has(t.norm)) return true;
  }
  return false;
}

/** The last past day named in the previous sentence, or null. */
function carriedTime(ad: AnnotatedDocument, sentence: number) {
  if (sentence === 0 || !ad.anchor) return null;
  let best: (typeof ad.times)[number] | null = null;
  for (const te of ad.times) {
    if (te.sentence !== sentence - 1) continue;
    if (te.precision !== 'day' || !te.value || te.value > ad.anchor) continue;
    best = te;
  }
  return best;
}

/** The dateline city: `الرياض - واس`, `موسكو (رويترز)` at the start of the article. */
function datelinePlace(ad: AnnotatedDocument): Place | null {
  const first = ad.places[0];
  if (first?.sentence !== 0 || first.tokenStart > 1) return null;
  const next = ad.tokens[first.tokenEnd];
  if (!next || !['-', '–', '(', ':', '—'].includes(next.text)) return null;
  return { name: first.name, name_ar: first.name_ar, country: first.country, lat: first.lat, lon: first.lon };
}

/**
 * The country the article is mostly about, as a country-level place: the country named by the
 * most place mentions (at least two).
 */
function dominantPlace(ad: AnnotatedDocument, names: CoderResources['countryNames']): Place | null {
  const counts = new Map<string, number>();
  for (const p of ad.places) if (p.country) counts.set(p.country, (counts.get(p.country) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [c, k] of counts)
    if (k > n) {
      best = c;
      n = k;
    }
  if (!best || n < 2) return null;
  return countryPlace(best, names);
}

/**
 * Places not named in the clause: a meeting during a visit happens where the visit is; a
 * reception in the host's country; else the dateline city, else the country the article is about.
 */
function carryPlaces(
  drafts: Draft[],
  dateline: Place | null,
  dominant: Place | null,
  names: CoderResources['countryNames'],
): void {
  const visits: Draft[] = [];
  for (const d of drafts) {
    if ((d.pattern.code === '042' || d.pattern.code === '043') && d.place && d.modality !== 'negated') {
      visits.push(d);
      continue;
    }
    if (d.place) continue;
    const ids = new Set<string>();
    for (const a of [...d.sources, ...d.targets]) ids.add(actorKey(a));
    for (let k = visits.length - 1; k >= 0; k--) {
      const v = visits[k]!;
      if ([...v.sources, ...v.targets].some((a) => ids.has(actorKey(a))) && sameDay(v.date, d.date)) {
        d.place = v.place;
        break;
      }
    }
    if (!d.place && d.pattern.code.startsWith('04')) {
      // talks with a visitor: the visit's place even on another day of the visit
      for (let k = visits.length - 1; k >= 0; k--) {
        const v = visits[k]!;
        if (v.sources.some((a) => ids.has(actorKey(a)))) {
          d.place = v.place;
          break;
        }
      }
    }
    if (!d.place && d.pattern.code === '043') {
      const host = d.sources[0];
      if (host?.country) {
        d.place = dateline?.country === host.country ? dateline : countryPlace(host.country, names);
      }
    }
    if (!d.place) d.place = dateline ?? dominant;
    // else the source's own country (a protest, an arrest or a statement at home), or for a use
    // of force the target's (غارات على مواقع الحوثيين happen in Yemen)
    const force = ['18', '19', '20'].includes(d.pattern.code.slice(0, 2));
    const sc = (force ? d.targets[0]?.country : null) ?? d.sources[0]?.country;
    if (!d.place && sc) d.place = countryPlace(sc, names);
  }
}

function sameDay(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  if (a.length < 10 || b.length < 10) return a.slice(0, 7) === b.slice(0, 7);
  return Math.abs(Date.parse(a) - Date.parse(b)) <= 2 * 86_400_000;
}

function actorKey(a: ActorMention | Actor): string {
  return a.actor ?? `${a.code}:${a.text}`;
}

function toActor(a: ActorMention | Actor): Actor {
  return {
    text: a.text,
    start: a.start,
    end: a.end,
    code: a.code,
    country: a.country,
    actor: a.actor,
    name: a.name,
  };
}

/**
 * One event read by two patterns in a sentence (بحث هاتفيا: 040 and 041) is coded once, by the
 * more specific code: a generic code (040, 190, 111 …) yields to a sibling of its root with the
 * same actors in the same sentence.
 */
function dropGenericSiblings(drafts: Draft[]): Draft[] {
  // within a sentence, or on the same date anywhere in the article
  const key = (d: Draft) =>
    `${d.date ?? d.sentence}|${d.sources.map((a) => a.code).join(',')}|${d.targets.map((a) => a.code).join(',')}`;
  return drafts.filter((d) => {
    const code = d.pattern.code;
    if (code.length !== 3 || !code.endsWith('0')) return true;
    const k = key(d);
    return !drafts.some(
      (o) =>
        o !== d && o.pattern.code !== code && o.pattern.code.slice(0, 2) === code.slice(0, 2) && key(o) === k,
    );
  });
}

function toRecords(article: string, allDrafts: Draft[]): EventRecord[] {
  const drafts = dropGenericSiblings(allDrafts);
  const out: EventRecord[] = [];
  const seen = new Map<string, EventRecord>();
  for (const d of drafts) {
    const info = cameoInfo(codeFor(d));
    const targets: (ActorMention | Actor | null)[] = d.targets.length > 0 ? d.targets : [null];
    const sources: (ActorMention | null)[] = d.sources.length > 0 ? d.sources : [null];
    for (const s of sources) {
      for (const tg of targets) {
        if (!s && !tg) continue;
        // an actor acting on itself or its own kind (EGYGOV → EGYGOV) is not an event between actors
        if (s && tg && s.code === tg.code) continue;
        if (s && tg && (actorKey(tg) === actorKey(s) || (tg.code === s.code && tg.start === s.start)))
          continue;
        if (s && tg?.actor && tg.actor === s.actor) continue;
        // a visit to one's own country (a governor touring his province, a deputy prime minister
        // in Aden) is a domestic trip: the host of a visit is another country (a meeting with
        // domestic officials is still an event)
        if (s && tg && VISITS.has(info.code) && s.country && tg.code === s.country) continue;
        // thanks and condolences from an official to staff, pupils, a town or a family of its own
        // country are courtesy, not an event between political actors
        if (s && tg && COURTESY.has(d.pattern.id) && tg.country === s.country && !official(tg.code)) continue;
        const key = `${info.code}|${s?.code ?? '-'}|${tg?.code ?? '-'}|${d.modality}|${d.date ?? '-'}`;
        const trigger = d.span;
        const prior = seen.get(key);
        if (prior) {
          prior.mentions ??= [];
          prior.mentions.push({ sentence: d.sentence, start: trigger.start, end: trigger.end });
          continue;
        }
        const id = createHash('sha1')
          .update(
            `${article}|${d.sentence}|${trigger.start}|${info.code}|${s?.code ?? '-'}|${tg?.code ?? '-'}`,
          )
          .digest('hex')
          .slice(0, 16);
        const rec: EventRecord = {
          id,
          article,
          sentence: d.sentence,
          code: info.code,
          root: info.root,
          quad: info.quad,
          goldstein: info.goldstein,
          ...(info.plover ? { plover: info.plover } : {}),
          source: s ? toActor(s) : null,
          target: tg ? toActor(tg) : null,
          date: d.date,
          date_text: d.dateText,
          place: d.place,
          modality: d.modality,
          attribution: d.attribution ? toActor(d.attribution) : null,
          trigger,
          pattern: d.pattern.id,
          confidence: Math.round(d.pattern.confidence * d.certainty * 100) / 100,
        };
        seen.set(key, rec);
        out.push(rec);
      }
    }
  }
  return out;
}

/** Sectors of public officials: killing one is an assassination. */
const OFFICIAL_SECTORS = ['GOV', 'LEG', 'MIL', 'JUD', 'SPY', 'COP'];

/**
 * The record's code: the pattern's, except that killing (1823) a public official is coded as
 * an assassination (186), and an attempt on one (185) stays 185.
 */
/** Patterns of courtesy that are events only between political actors. */
const COURTESY = new Set(['support.thank', 'statement.condolences']);

/** A code naming a state, its institutions or an organisation, not its people or places. */
function official(code: string): boolean {
  if (code.length === 3) return false;
  return code.length > 6 || !['CVL', 'LAB', 'EDU', 'HLH', 'BUS', 'REF', 'MED'].includes(code.slice(3, 6));
}

function codeFor(d: Draft): string {
  const code = d.pattern.code;
  if (code !== '1823') return code;
  const t = d.targets[0];
  const isOfficial =
    !!t &&
    'kind' in t &&
    (t.kind === 'person' || t.kind === 'role') &&
    OFFICIAL_SECTORS.includes(t.code.slice(3, 6));
  return isOfficial ? '186' : code;
}

function triggerSpan(ad: AnnotatedDocument, trig: TriggerHit): { text: string; start: number; end: number } {
  const a = ad.tokens[trig.from]!;
  const b = ad.tokens[trig.to - 1]!;
  // the trigger starts after particles (و ف ب ل س) but keeps ال
  let start = a.start;
  for (const p of a.pieces) {
    if (p.kind !== 'proclitic' || p.norm === 'ال') {
      start = p.start;
      break;
    }
  }
  return { text: ad.doc.text.slice(start, b.end), start, end: b.end };
}
