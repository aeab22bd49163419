import { describe, expect, it } from 'vitest';
import { isDropped, normalize, normalizeCode, normalizeWithMap } from './normalize.js';

/** [rule, input, expected] — one Arabic example per rule. */
const RULES: [string, string, string][] = [
  ['tashkeel removed', 'وَصَلَ الوَزِيرُ', 'وصل الوزير'],
  ['tanween and shadda removed', 'شكرًا جدًّا', 'شكرا جدا'],
  ['sukun and kasratan removed', 'مِنْ بَيْتٍ', 'من بيت'],
  ['superscript alef removed', 'هٰذا', 'هذا'],
  ['Quranic marks removed', 'الرَّحِيمِ ۝ ۖ قال', 'الرحيم ۝  قال'],
  ['honorific sign removed', 'محمد ؐ', 'محمد '],
  ['tatweel removed', 'الرئيـــس', 'الرييس'],
  ['alef with hamza above', 'أكد', 'اكد'],
  ['alef with hamza below', 'إيران', 'ايران'],
  ['alef with madda', 'آلاف', 'الاف'],
  ['alef wasla', 'ٱلله', 'الله'],
  ['alef maqsura → yeh', 'على مستوى', 'علي مستوي'],
  ['Persian yeh → yeh', 'ایران', 'ايران'],
  ['teh marbuta → heh', 'الزيارة الرسمية', 'الزياره الرسميه'],
  ['hamza on waw → waw', 'مسؤول', 'مسوول'],
  ['hamza on yeh → yeh', 'رئيس', 'رييس'],
  ['lone hamza kept', 'سماء', 'سماء'],
  ['Persian kaf → kaf', 'کابول', 'كابول'],
  ['Arabic-Indic digits', '٢٠١٥', '2015'],
  ['Persian digits', '۱۳۹۴', '1394'],
  ['Arabic decimal separator', '٣٫٥', '3.5'],
  ['Arabic thousands separator', '٣٬٠٧٥', '3,075'],
  ['Arabic percent sign', '٥٠٪', '50%'],
  ['Arabic comma', 'سوريا، روسيا', 'سوريا, روسيا'],
  ['Arabic semicolon', 'قال؛ وأضاف', 'قال; واضاف'],
  ['Arabic question mark', 'هل وصل؟', 'هل وصل?'],
  ['Arabic full stop', 'انتهى۔', 'انتهي.'],
  ['guillemets', '«جيدة»', '"جيده"'],
  ['typographic double quotes', '“جيدة”', '"جيده"'],
  ['typographic single quotes', '‘نعم’', "'نعم'"],
  ['zero-width non-joiner dropped', 'می\u200cخواهم', 'ميخواهم'],
  ['zero-width space dropped', 'بوتين\u200bلافروف', 'بوتينلافروف'],
  ['right-to-left mark dropped', '\u200fموسكو\u200e', 'موسكو'],
  ['Arabic letter mark dropped', '\u061cموسكو', 'موسكو'],
  ['bidi embedding and override dropped', '\u202bموسكو\u202c \u202eدمشق\u202c', 'موسكو دمشق'],
  ['bidi isolates dropped', '\u2067موسكو\u2069', 'موسكو'],
  ['byte order mark dropped', '\ufeffموسكو', 'موسكو'],
  ['no-break space → space', 'وزير\u00a0الخارجية', 'وزير الخارجيه'],
  ['narrow no-break space → space', 'وزير\u202fالخارجية', 'وزير الخارجيه'],
  ['presentation forms → letters', 'ﺑﻮﺗﻴﻦ', 'بوتين'],
  ['presentation teh marbuta → heh', 'ﺯﻳﺎﺭﺓ', 'زياره'],
  ['Latin and ASCII kept', 'ISIS 2015 (AFP)', 'ISIS 2015 (AFP)'],
];

describe('normalize', () => {
  it.each(RULES)('%s', (_rule, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it.each(RULES)('is idempotent: %s', (_rule, input) => {
    const once = normalize(input);
    expect(normalize(once)).toBe(once);
  });

  it('returns the same string when nothing changes', () => {
    const s = 'وصل وزير الخارجيه';
    expect(normalize(s)).toBe(s);
  });

  it('handles empty and long dense strings (linear, no concatenation blow-up)', () => {
    expect(normalize('')).toBe('');
    const long = 'أَ'.repeat(200_000);
    const n = normalize(long);
    expect(n.length).toBe(200_000);
    expect(n).toBe('ا'.repeat(200_000));
  });
});

describe('normalizeCode / isDropped', () => {
  it('maps one code unit', () => {
    expect(normalizeCode('أ'.charCodeAt(0))).toBe('ا'.charCodeAt(0));
    expect(normalizeCode('ب'.charCodeAt(0))).toBe('ب'.charCodeAt(0));
    expect(normalizeCode('\u064e'.charCodeAt(0))).toBe(-1);
  });
  it('tells dropped code units', () => {
    expect(isDropped(0x064e)).toBe(true); // fatha
    expect(isDropped(0x0640)).toBe(true); // tatweel
    expect(isDropped(0x200c)).toBe(true); // ZWNJ
    expect(isDropped(0x0628)).toBe(false); // ب
  });
});

describe('normalizeWithMap', () => {
  it('maps every normalised code unit back to the text', () => {
    const s = 'الرَّئِيـــسُ «بوتين»';
    const { norm, map } = normalizeWithMap(s);
    expect(norm).toBe(normalize(s));
    expect(map.length).toBe(norm.length + 1);
    expect(map[norm.length]).toBe(s.length);
    for (let k = 0; k < norm.length; k++) {
      expect(normalize(s[map[k]!]!)).toBe(norm[k]);
    }
  });
  it('maps a normalised match to an original span', () => {
    const s = 'قال الرئيـس بوتين';
    const { norm, map } = normalizeWithMap(s);
    const at = norm.indexOf('بوتين');
    expect(s.slice(map[at]!, map[at + 5]!)).toBe('بوتين');
  });
});
