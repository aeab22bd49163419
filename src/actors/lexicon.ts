/**
 * Small closed word classes the actor recogniser needs, in normalised base form
 * (no ال, no proclitics): prepositions, counterpart and side nouns, name particles,
 * and the stop-word list that ends an unknown name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../kb/load.js';
import { normalize } from '../text/normalize.js';

/** A set of words in normalised form. */
export const wordSet = (...words: string[]) => new Set(words.map(normalize));
const set = wordSet;

/** Prepositions written as separate words: `إلى موسكو`, `مع لافروف`. */
export const PREPOSITIONS = set(
  'إلى',
  'الى',
  'في',
  'من',
  'عن',
  'على',
  'مع',
  'لدى',
  'ضد',
  'حتى',
  'نحو',
  'بين',
  'عبر',
  'خلال',
  'أمام',
  'بعد',
  'قبل',
  'منذ',
  'حول',
  'تجاه',
  'بحق',
  'لصالح',
  'أمام',
  'قرب',
  'وسط',
  'داخل',
  'خارج',
  'عند',
);

/** `نظيره السوري`: his counterpart. */
export const COUNTERPART = set('نظير', 'نظيره', 'نظيرها', 'نظيرته', 'نظرائه', 'نظراء', 'نظيريه');

/** `الجانب السوري`: the Syrian side. */
export const SIDE = set('جانب', 'جانبين', 'جانبان', 'طرف', 'طرفين', 'طرفان');

/** Words inside personal names: بن, أبو, عبد. */
export const NAME_PARTICLES = set('بن', 'ابن', 'بنت', 'أبو', 'ابو', 'أبي', 'عبد', 'آل', 'ولد');

/**
 * Common given names: as the last word of a name they are usually a father's or grandfather's
 * name (عبدالله حسين محمد), not a family name to refer back to.
 */
export const GIVEN_NAMES = set(
  'محمد',
  'أحمد',
  'علي',
  'حسن',
  'حسين',
  'عبدالله',
  'عبد الله',
  'خالد',
  'سعد',
  'سعيد',
  'عمر',
  'عثمان',
  'إبراهيم',
  'يوسف',
  'مصطفى',
  'محمود',
  'عبدالعزيز',
  'عبدالرحمن',
  'فيصل',
  'سلمان',
  'فهد',
  'سلطان',
  'ناصر',
  'صالح',
  'سالم',
  'عبدالرحمن',
  'حمد',
  'جاسم',
  'راشد',
  'منصور',
  'طارق',
  'ماجد',
  'سامي',
  'كريم',
  'جمال',
  'عادل',
  'عمار',
  'ياسر',
  'مروان',
  'نايف',
  'تركي',
  'بندر',
  'مشعل',
  'زايد',
  'هادي',
  'موسى',
  'عيسى',
  'يحيى',
  'زكريا',
  'إسماعيل',
  'يعقوب',
  'داود',
);

/** Separators allowed between a role and the name it introduces: `وزير الخارجية السوري، أسعد الشيباني`. */
export const NAME_SEPARATORS = new Set([',', '،', '-', '–', ':']);

let stopwords: Set<string> | null = null;
let rawStopwords: Set<string> | null = null;

/** Strip marks only (tashkeel), keeping letters as written: على stays على, علي stays علي. */
function unmarked(s: string): string {
  return s.replace(/\p{M}/gu, '').replace(/\u0640/g, '');
}

/**
 * Is this written word a stop word? Normalisation folds ى into ي, so the stop word على and the
 * name علي look alike; the letters as written tell them apart.
 */
export function isStopWord(text: string, norm: string): boolean {
  const stops = stopWords();
  if (!stops.has(norm)) return false;
  rawStopwords ??= new Set([...rawList()].map(unmarked));
  const raw = unmarked(text);
  if (rawStopwords.has(raw)) return true;
  // written with yeh where the stop word has alef maqsura (علي / على): a different word
  return !(raw.endsWith('ي') && rawStopwords.has(`${raw.slice(0, -1)}ى`));
}

function rawList(): string[] {
  const text = readFileSync(join(repoRoot(), 'data/lexicon/stopwords.txt'), 'utf8');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((w) => w && !w.startsWith('#'));
}

/** Stop words (normalised), which never belong to an unknown personal name. */
export function stopWords(): Set<string> {
  if (stopwords) return stopwords;
  const text = readFileSync(join(repoRoot(), 'data/lexicon/stopwords.txt'), 'utf8');
  stopwords = new Set();
  for (const line of text.split('\n')) {
    const w = line.trim();
    if (!w || w.startsWith('#')) continue;
    stopwords.add(normalize(w));
  }
  return stopwords;
}
