/**
 * A sentence as the event coder sees it: its tokens, the actor and place mentions in it,
 * and small grammatical tests (which preposition introduces a mention, clause markers).
 */
import { proclitics } from '../actors/forms.js';
import { PREPOSITIONS, wordSet } from '../actors/lexicon.js';
import type { ActorMention, PlaceMention, TimeExpression, Token } from '../types.js';

const n = wordSet;

/** Prepositions written as words (normalised): the same list the actor recogniser uses. */
export const WORD_PREPS = PREPOSITIONS;
/** Quantity words: مئات, آلاف, عشرات (their من is partitive). */
export const QUANTITIES = n(
  'مئات',
  'آلاف',
  'عشرات',
  'ملايين',
  'المئات',
  'الآلاف',
  'العشرات',
  'مئة',
  'ألف',
  'عدد',
  'بعض',
  'كثير',
  'أكثر',
  'مجموعة',
);
/** Nouns with ب that make the actor after them an adjunct: بقيادة, برئاسة, بحضور, بمشاركة. */
export const ADJUNCT_NOUNS = n(
  'بقيادة',
  'برئاسة',
  'بحضور',
  'بمشاركة',
  'بدعم',
  'بالتعاون مع',
  'بالتنسيق مع',
  'بتمويل',
  'بإشراف',
  'بمبادرة',
  'برعاية',
);
/** Proclitic prepositions (normalised). */
export const CLITIC_PREPS = n('ب', 'ل', 'ك');

/** Complementisers opening a reported or embedded clause: أن, إن, بأن. */
export const COMPLEMENTIZERS = n(
  'أن',
  'إن',
  'بأن',
  'وأن',
  'وإن',
  'فإن',
  'بان',
  'انه',
  'أنه',
  'بأنه',
  'إنه',
  'أنها',
  'إنها',
  'بأنها',
);
/** Relative pronouns: الذي, التي, الذين. */
export const RELATIVES = n(
  'الذي',
  'التي',
  'الذين',
  'اللذين',
  'اللتين',
  'اللذان',
  'اللتان',
  'اللاتي',
  'اللواتي',
);
/** Words that close the argument window of a trigger: حيث, فيما, بينما. */
export const CLAUSE_BREAKS = n(
  'حيث',
  'فيما',
  'بينما',
  'بعدما',
  'عندما',
  'حين',
  'لكن',
  'ولكن',
  'إلا',
  'كما',
  'وكما',
  'بل',
  'ثم',
);
/** Demonstratives: a noun trigger after them refers back to an event already reported. */
export const DEMONSTRATIVES = n('هذه', 'هذا', 'تلك', 'ذلك', 'هذين', 'هاتين', 'هذان', 'هاتان');
/** Companion markers: برفقة X, يرافقه X, على رأس وفد. */
export const COMPANION_MARKERS = n(
  'برفقة',
  'يرافقه',
  'ترافقه',
  'يرافقها',
  'يرافقهم',
  'بصحبة',
  'وبرفقة',
  'ويرافقه',
  'ترافقها',
  'بمرافقة',
  'يضم',
  'ضم',
);
/** Light verbs whose object noun carries the event: أجرى مباحثات, قام بزيارة. */
export const LIGHT_VERBS = n('إجراء', 'عقد', 'القيام', 'قيام', 'بحث', 'تعزيز', 'مناقشة', 'تبادل');

export interface SentenceView {
  index: number;
  from: number;
  to: number;
  tokens: Token[];
  actors: ActorMention[];
  places: PlaceMention[];
  times: TimeExpression[];
}

/** The preposition that introduces a mention starting at token `i`: `بالرئيس` → ب, `مع لافروف` → مع. */
export function prepositionOf(tokens: Token[], i: number, from: number): string | null {
  const t = tokens[i];
  if (!t) return null;
  for (const p of proclitics(t)) if (CLITIC_PREPS.has(p)) return p;
  const prev = i > from ? tokens[i - 1] : undefined;
  // بقيادة السعودية, برئاسة الأمم المتحدة, بحضور الوزير: an adjunct, as if after ب
  if (prev && ADJUNCT_NOUNS.has(prev.norm)) return 'ب';
  if (prev && prev.kind === 'word') {
    const w = prev.stem || prev.norm;
    // المئات من مسيحيي الموصل: من after a quantity is partitive, not a preposition
    const prev2 = i - 2 >= from ? tokens[i - 2] : undefined;
    const prev3 = i - 3 >= from ? tokens[i - 3] : undefined;
    const quantity = (t: Token | undefined) =>
      !!t && (QUANTITIES.has(t.stem) || QUANTITIES.has(t.lemma) || QUANTITIES.has(t.norm));
    // عددا كبيرا من المعتقلين: one adjective may follow the quantity
    if (prev.norm === 'من' && (quantity(prev2) || (quantity(prev3) && prev2?.kind === 'word'))) return null;
    if (WORD_PREPS.has(prev.norm)) return prev.norm;
    if (WORD_PREPS.has(w) && proclitics(prev).every((p) => p === 'و' || p === 'ف')) return w;
  }
  return null;
}

/** True when the token carries the conjunction و / ف as first proclitic. */
export function hasConjunction(t: Token): boolean {
  const p = proclitics(t)[0];
  return p === 'و' || p === 'ف';
}

/** True when the token carries the future proclitic س. */
export function hasFuturePrefix(t: Token): boolean {
  return proclitics(t).includes('س');
}

/** Imperfect verb form: يستقبل, تلتقي, نبحث (a rough test on the stem). */
export function looksImperfect(t: Token): boolean {
  const s = t.stem || t.norm;
  if (s.length < 3) return false;
  const c = s[0];
  return (c === 'ي' || c === 'ت' || c === 'ن') && t.lemma !== s;
}
