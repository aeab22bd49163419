/**
 * Month names, keyed by normalised stem (text/normalize.ts: أ إ آ → ا, ى → ي, ة → ه).
 *
 * `weak` names are also ordinary words or names (مارس "practised", آب/اب "father", مايو,
 * أيار, شباط, نيسان "Nissan", آذار, and the short Maghrebi forms ماي, جوان …): they count as
 * a month only with a cue (a day, a year, `شهر`, a relative word like `الماضي`, or `منتصف`).
 */

export type Calendar = 'g' | 'h';

export interface MonthName {
  cal: Calendar;
  month: number;
  weak: boolean;
  /** Needs a year or `شهر` (a day number or `الماضي` is not enough): صفر "zero". */
  veryWeak?: boolean;
}

/** One-token month names. */
export const MONTHS = new Map<string, MonthName>();
/**
 * Two-token month names: first stem → (second stem → month). The second stem is the stem
 * without ال (تشرين الأول → تشرين + اول).
 */
export const MONTHS2 = new Map<string, Map<string, MonthName>>();

function g(month: number, weak: boolean, ...names: string[]): void {
  for (const n of names) MONTHS.set(n, { cal: 'g', month, weak });
}
function h(month: number, weak: boolean, ...names: string[]): void {
  for (const n of names) MONTHS.set(n, { cal: 'h', month, weak, veryWeak: n === 'صفر' });
}
function two(first: string[], second: string[], name: MonthName): void {
  for (const f of first) {
    let m = MONTHS2.get(f);
    if (!m) {
      m = new Map();
      MONTHS2.set(f, m);
    }
    for (const s of second) m.set(s, name);
  }
}

// Gregorian (Egyptian / Gulf forms)
g(1, false, 'يناير');
g(2, false, 'فبراير', 'فبرائر');
g(3, true, 'مارس');
g(4, false, 'ابريل');
g(5, true, 'مايو');
g(6, false, 'يونيو', 'يونيه');
g(7, false, 'يوليو', 'يوليه');
g(8, false, 'اغسطس', 'اغسطوس');
g(9, false, 'سبتمبر', 'سيبتمبر');
g(10, false, 'اكتوبر');
g(11, false, 'نوفمبر', 'نونبر');
g(12, false, 'ديسمبر', 'دجنبر');
// Syriac (Levant / Iraq)
g(2, true, 'شباط');
g(3, true, 'اذار');
g(4, true, 'نيسان');
g(5, true, 'ايار');
g(6, false, 'حزيران');
g(7, false, 'تموز');
g(8, true, 'اب');
g(9, false, 'ايلول');
two(['كانون'], ['ثاني'], { cal: 'g', month: 1, weak: false });
two(['كانون'], ['اول'], { cal: 'g', month: 12, weak: false });
two(['تشرين'], ['اول'], { cal: 'g', month: 10, weak: false });
two(['تشرين'], ['ثاني'], { cal: 'g', month: 11, weak: false });
// Maghrebi (Algeria / Tunisia) and Moroccan forms
g(1, true, 'جانفي');
g(2, true, 'فيفري');
g(4, true, 'افريل');
g(5, true, 'ماي');
g(6, true, 'جوان');
g(7, true, 'جويليه', 'يوليوز');
g(8, true, 'اوت', 'غشت');
g(9, true, 'شتنبر');

// Hijri
h(1, true, 'محرم');
h(2, true, 'صفر');
h(7, true, 'رجب');
h(8, true, 'شعبان');
h(9, true, 'رمضان');
h(10, false, 'شوال');
h(11, false, 'ذوالقعده', 'ذيالقعده');
h(12, false, 'ذوالحجه', 'ذيالحجه');
two(['ربيع'], ['اول'], { cal: 'h', month: 3, weak: false });
two(['ربيع'], ['ثاني', 'ثان', 'اخر'], { cal: 'h', month: 4, weak: false });
two(['جمادي', 'جماد'], ['اولي', 'اول'], { cal: 'h', month: 5, weak: false });
two(['جمادي', 'جماد'], ['اخره', 'ثانيه', 'ثاني', 'ثان', 'اخر'], { cal: 'h', month: 6, weak: false });
two(['ذو', 'ذي', 'ذا', 'ذوي'], ['قعده'], { cal: 'h', month: 11, weak: false });
two(['ذو', 'ذي', 'ذا', 'ذوي'], ['حجه'], { cal: 'h', month: 12, weak: false });

/** Era markers after a year: م / ميلادي → Gregorian; هـ / هجري → Hijri. */
export const ERA = new Map<string, Calendar>([
  ['م', 'g'],
  ['ميلادي', 'g'],
  ['ميلاديه', 'g'],
  ['ه', 'h'],
  ['هجري', 'h'],
  ['هجريه', 'h'],
]);

/** Weekday stems → 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = new Map<string, number>([
  ['احد', 0],
  ['اثنين', 1],
  ['ثلاثاء', 2],
  ['ثلاثا', 2],
  ['اربعاء', 3],
  ['اربعا', 3],
  ['خميس', 4],
  ['جمعه', 5],
  ['سبت', 6],
]);
