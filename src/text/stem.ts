/**
 * Light stemming: a lemma key so that inflections of one verb or noun match.
 *
 * `lemma` takes a normalised stem (clitics already removed, see clitics.ts; ة is already ه)
 * and strips, in this order: one inflection suffix, one verb / derivation prefix, then
 * restores the pattern of weak and derived verbs. Keys are for matching, not words:
 * استقبل → ستقبل. Every rule keeps at least 3 letters, so short words stay as they are,
 * and nothing is stripped from the start of a word except verb and derivation prefixes
 * (وزير stays وزير: a word-initial و is never a prefix here; clitics are clitics.ts's job).
 *
 * Names can lose an ending that looks like an inflection (بوتين → بوت); names are matched on
 * `norm` / `stem`, not on `lemma`.
 */
import { hamzaAlefMask, isFunctionWord, segmentationForm, segmentForm } from './clitics.js';

/** Inflection suffixes, longest first. */
const SUFFIXES = ['تما', 'تم', 'تن', 'وا', 'ون', 'ين', 'ان', 'ات', 'ه', 'ت', 'ا'];

/** Letters that may carry a long vowel inside a weak or hollow verb. */
const WEAK = new Set(['و', 'ي', 'ا']);

export function lemma(stemNorm: string): string {
  let w = stemNorm;
  if (isFunctionWord(w)) return w; // التي, الذي, إلى, لدى, هذا stay
  // A final hamza moves onto a ي seat before a suffix (استياء / استيائه, normalised استياي):
  // put it back so both get one key
  if (w.length >= 5 && w.endsWith('اي')) w = `${w.slice(0, -1)}ء`;
  // Defective past with a final alef, whose root ends in و: دعا → دعو (like يدعو, دعوة)
  if (w.length === 3 && w[2] === 'ا' && !WEAK.has(w[1]!) && !WEAK.has(w[0]!)) return w.slice(0, 2) + 'و';
  if (w.length <= 3 && !(w.length === 3 && (w[0] === 'ي' || w[0] === 'ت'))) return w;

  // 1. One inflection suffix, keeping at least 3 letters.
  // وصلت → وصل, وصلوا → وصل, قصفت → قصف, إدانة (ادانه) → ادان, مستقبلا → مستقبل,
  // المباحثات → مباحث, اجتماعين → اجتماع
  const imperfect = w[0] === 'ي' || w[0] === 'ت';
  for (const s of SUFFIXES) {
    if (w.length - s.length >= 3 && w.endsWith(s)) {
      // ون only on verbs (يصلون) or after 4 letters (مراقبون), never after ا (تعاون)
      if (s === 'ون' && ((!imperfect && w.length < 6) || w[w.length - 3] === 'ا')) continue;
      // ان (dual) keeps 4 letters: إعلان (اعلان) is a masdar, not اعل + ان
      if (s === 'ان' && w.length < 6) continue;
      w = w.slice(0, w.length - s.length);
      break;
    }
  }

  // 2. One verb or derivation prefix.
  let verbal = false;
  let derived = false;
  const c0 = w[0];
  if (
    w.length >= 5 &&
    w[1] === 'س' &&
    w[2] === 'ت' &&
    (c0 === 'ي' || c0 === 'ت' || c0 === 'ن' || c0 === 'ا' || c0 === 'م')
  ) {
    // Form X: يستقبل / تستقبل / استقبل / مستقبل → ستقبل
    w = w.slice(1);
    derived = true;
  } else if (w.length >= 4 && c0 === 'ا') {
    // Forms IV, VII, VIII past and masdar: أدان → دان, التقى (التقي) → لتقي, اجتماع → جتماع,
    // إعلان (اعلان) → علان
    w = w.slice(1);
    derived = true;
  } else if (w.length >= 4 && c0 === 'ي') {
    // Imperfect (ن, rare in news and common at the start of nouns, is left alone): يقصف → قصف, يلتقي → لتقي, يدين → دين; then Forms V/VI: يتعاون → تعاون → عاون
    w = w.slice(1);
    verbal = true;
    if (w.length >= 4 && w[0] === 'ت') w = w.slice(1);
  } else if (w.length >= 4 && c0 === 'ت') {
    // Imperfect with ت, and Forms II/V/VI masdars: تقصف → قصف, تعاون → عاون, تنسيق → نسيق,
    // تتعاون → تعاون → عاون
    w = w.slice(1);
    verbal = true;
    derived = true;
    if (w.length >= 4 && w[0] === 'ت') w = w.slice(1);
  } else if (w.length >= 5 && c0 === 'م' && w[1] === 'ت') {
    // Participles of Forms V/VI/VIII: متحدث → تحدث → حدث
    w = w.slice(2);
    derived = true;
  } else if (w.length === 3 && (c0 === 'ي' || c0 === 'ت')) {
    // Imperfect of an assimilated verb, whose first radical و drops: يصل (سيصل) → وصل,
    // يقع → وقع, يجد → وجد. Not when the rest starts with a weak letter: يوم stays يوم.
    if (!WEAK.has(w[1]!)) return 'و' + w.slice(1);
    return w;
  }

  // 3. Pattern restoration.
  const before = w.length;
  if ((derived || verbal) && w.length >= 4 && w[w.length - 2] === 'ا') {
    // Masdar long vowel of derived forms: ستقبال → ستقبل, جتماع → جتمع, علان → علن
    w = w.slice(0, w.length - 2) + w[w.length - 1];
  } else if ((derived || verbal) && w.length >= 4 && w[w.length - 2] === 'ي' && w[w.length - 1] !== 'ي') {
    // Form II masdar تفعيل: نسيق → نسق (ينسق → نسق), عزيز (تعزيز) → عزز
    w = w.slice(0, w.length - 2) + w[w.length - 1];
  }
  if ((derived || verbal) && w.length >= 4 && w[w.length - 1] === 'ي') {
    // Defective verbs lose the final ي: لتقي (التقى, يلتقي) → لتق, like التقت → التق → لتق
    w = w.slice(0, w.length - 1);
  }
  if (verbal && before === 3 && (w[1] === 'و' || w[1] === 'ي')) {
    // Hollow verbs: يقول → قال, يدين → دان (أدان → دان), يزور → زار (not a shortened
    // masdar: تطوير → طور stays)
    w = w[0] + 'ا' + w[2];
  }
  if (!derived && !verbal && w.length === 4 && w[2] === 'و' && !WEAK.has(w[1]!)) {
    // Masdar and plural فعول: وصول → وصل, دخول → دخل, هجوم → هجم, شعوب → شعب
    w = w.slice(0, 2) + w[3];
  }
  return w;
}

/**
 * Lemma key of a dictionary word as written (`سيستقبل`, `وصلت`, `إدانة`): normalised, clitics
 * removed with the same segmenter as text tokens, then `lemma`. Dictionaries compiled with
 * `keysOf` match `Token.lemma`. Empty string for an empty or non-Arabic-letter word
 * other than digits / Latin (those give their normalised lower-cased form).
 */
export function keysOf(word: string): string {
  const w = word.trim();
  if (w === '') return '';
  const form = segmentationForm(w);
  if (!/\p{Script=Arabic}/u.test(form)) return form.toLowerCase();
  const pieces = segmentForm(form, hamzaAlefMask(w));
  for (const p of pieces) if (p.kind === 'stem') return lemma(p.norm);
  return '';
}
