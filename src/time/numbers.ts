/**
 * Numbers written as words, for days of the month (`الخامس عشر من أكتوبر`,
 * `الحادي والعشرين من`) and counts (`منذ ثلاثة أيام`), 1..39.
 * Keys are normalised stems (no ال, no و): `والعشرين` → `عشرين`.
 */

/** Units, ordinal and cardinal, masculine and feminine. `compound` ones need عشر / a ten. */
const UNITS = new Map<string, { n: number; compound?: boolean; ordinal?: boolean }>();
function u(n: number, ordinal: boolean, ...names: string[]): void {
  for (const s of names) UNITS.set(s, { n, ordinal });
}
u(1, true, 'اول');
u(2, true, 'ثاني');
u(3, true, 'ثالث');
u(4, true, 'رابع');
u(5, true, 'خامس');
u(6, true, 'سادس');
u(7, true, 'سابع');
u(8, true, 'ثامن');
u(9, true, 'تاسع');
u(10, true, 'عاشر');
u(1, false, 'واحد', 'واحده');
u(2, false, 'اثنين', 'اثنان', 'اثنتين', 'اثنتان');
u(3, false, 'ثلاث', 'ثلاثه');
u(4, false, 'اربع', 'اربعه');
u(5, false, 'خمس', 'خمسه');
u(6, false, 'ست', 'سته');
u(7, false, 'سبع', 'سبعه');
u(8, false, 'ثمان', 'ثماني', 'ثمانيه');
u(9, false, 'تسع', 'تسعه');
u(10, false, 'عشر', 'عشره');
for (const s of ['حادي', 'احد', 'اثني', 'اثنا', 'اثنتي', 'اثنتا', 'احدي']) {
  UNITS.set(s, { n: s.startsWith('اث') ? 2 : 1, compound: true });
}

const TEEN = new Set(['عشر', 'عشره']);
const TENS = new Map<string, number>([
  ['عشرين', 20],
  ['عشرون', 20],
  ['ثلاثين', 30],
  ['ثلاثون', 30],
]);

/** Every stem that can start a number word. */
export const NUMBER_WORD_STARTS: ReadonlySet<string> = new Set([...UNITS.keys(), ...TENS.keys()]);

export interface WordNumber {
  value: number;
  /** Number of tokens used. */
  length: number;
}

/**
 * Parse a number in words from the stems `key(0)`, `key(1)`, … (undefined past the end).
 * Returns the longest reading.
 */
export function parseNumberWords(key: (k: number) => string | undefined): WordNumber | null {
  const k0 = key(0);
  if (k0 === undefined) return null;
  const tens = TENS.get(k0);
  if (tens !== undefined) return { value: tens, length: 1 };
  const unit = UNITS.get(k0);
  if (!unit) return null;
  const k1 = key(1);
  if (k1 !== undefined && unit.n <= 9) {
    if (TEEN.has(k1)) return { value: 10 + unit.n, length: 2 };
    const t = TENS.get(k1);
    if (t !== undefined) return { value: t + unit.n, length: 2 };
  }
  if (unit.compound) return null;
  return { value: unit.n, length: 1 };
}
