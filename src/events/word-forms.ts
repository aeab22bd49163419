/**
 * Word forms that share a verb's lemma key but are not that verb (src/text/stem.ts folds them
 * on purpose so that inflections match): the trigger matcher uses these checks to keep
 *
 *   مستقبل (future, Form X participle)        from استقبل (received)
 *   وصولاً إلى, الأكثر استقبالاً (adverbial)  from وصل, استقبل
 *   أناشيد (songs, broken plural أفاعيل)      from ناشد (appealed)
 *   وسط (middle), في عهد (in the era of)      from توسّط (mediated), تعهّد (pledged)
 *   يتحمّل المسؤولية (bears)                  from حمّل المسؤولية (held responsible)
 *   أوصلتها إلى (brought it to, Form IV)      from وصل (arrived)
 */
import type { Token } from '../types.js';

const TANWEEN_FATH = '\u064B';

/** Letters only: diacritics and tatweel removed. */
function letters(w: string): string {
  return w.replace(/[\u064B-\u0652\u0640]/gu, '');
}

/** The stem piece as written (with its diacritics). */
function rawStem(t: Token): string {
  const p = t.pieces.find((x) => x.kind === 'stem');
  return p ? p.text : t.text;
}

/**
 * A participle of a derived form (مستقبل, متوسط, متحدث): the stemmer removed a مـ prefix. A
 * participle names a doer or a quality; it is not the finite verb.
 */
export function isDerivedParticiple(t: Token): boolean {
  const s = t.stem;
  return s.length >= 5 && s[0] === 'م' && t.lemma[0] !== 'م' && (s[1] === 'ت' || s.startsWith('مست'));
}

/**
 * An indefinite accusative verbal noun (تنوين الفتح): وصولاً, استقبالاً, تهديداً. Written with
 * tanween, or without vowels in the masdar shapes that end in a long vowel and a radical + ا
 * (اجتماعا, وصولا, تهديدا), which no verb form has (verbs end in وا, ا after a radical: اجتمعا).
 */
export function isAccusativeNoun(t: Token): boolean {
  const s = t.stem;
  if (rawStem(t).includes(TANWEEN_FATH)) return true;
  if (s.length < 5 || !s.endsWith('ا')) return false;
  const v = s[s.length - 3];
  return v === 'ا' || v === 'و' || v === 'ي';
}

/** A broken plural أفاعيل (أناشيد, أساليب, أحاديث): a noun, never a verb. */
export function isBrokenPluralAfail(t: Token): boolean {
  const s = t.stem;
  return s.length === 6 && s[0] === 'ا' && s[2] === 'ا' && s[4] === 'ي';
}

/**
 * Form V / VI marker of a trigger word written in the past or imperfect: توسّط, تباحث, يتوسّط.
 * A Form II masdar (تفعيل: تسليم, تجميد) or a Form X imperfect (تستضيف) starts with ت too.
 */
export function hasFormVT(stem: string): boolean {
  if (stem.length >= 5 && (stem[0] === 'ي' || stem[0] === 'ت' || stem[0] === 'ن') && stem[1] === 'ت')
    return true;
  if (stem[0] !== 'ت') return false;
  // past تفعّل (توسط, تعهد, تبنى) and تفاعل (تباحث, تفاوض); not the Form II masdar تفعيل
  // (تسليم) nor an imperfect of another form (تستضيف)
  return stem.length === 4 || (stem.length === 5 && stem[2] === 'ا');
}

/**
 * True when the token cannot be the verb of a trigger word, by Form V/VI ت:
 * - the trigger is Form V/VI (توسّط, تعهّد) and the token has no ت (وسط, عهد, متوسط);
 * - the trigger is not (حمّل, وصل) and the token is a Form V imperfect (يتحمّل, تتحمّل) or, for
 *   an assimilated verb in a one-word trigger, a Form V past (توصّل), unless the root itself
 *   starts with ت (ترك / يترك).
 */
export function formVMismatch(triggerStem: string, triggerLemma: string, t: Token, single = true): boolean {
  const s = t.stem;
  const triggerV = hasFormVT(triggerStem);
  if (triggerV) {
    const rest = s[0] === 'ي' || s[0] === 'ن' ? s.slice(1) : s;
    return rest[0] !== 'ت';
  }
  if (triggerLemma[0] === 'ت') return false;
  // the Form IV past of an assimilated verb keeps its و after the أ (أوصل "brought", أوقع
  // "caused"): not the Form I trigger (وصل "arrived"), unless the trigger is itself Form IV
  if (single && triggerLemma[0] === 'و' && triggerStem[0] !== 'ا' && s.length >= 4 && s.startsWith('او'))
    return true;
  // an assimilated verb (وصل) drops its و in the imperfect (تصل): تو- is Form V (توصل إلى
  // اتفاق, "reached an agreement", is no arrival); not the Form II masdar تفعيل (توقيع اتفاقية
  // is وقّع), and only for a one-word trigger (`single`): a phrase settles it (توقّع اتفاقاً is
  // "signs an agreement", توقّع alone "expected")
  if (
    single &&
    triggerLemma[0] === 'و' &&
    s.length >= 4 &&
    s[0] === 'ت' &&
    s[1] === 'و' &&
    // a written و, not the hamza seat ؤ (تؤيّد is أيّد)
    letters(rawStem(t))[1] === 'و' &&
    !(s.length === 5 && s[3] === 'ي')
  )
    return true;
  return s.length >= 5 && (s[0] === 'ي' || s[0] === 'ت' || s[0] === 'ن') && s[1] === 'ت';
}
