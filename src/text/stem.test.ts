import { describe, expect, it } from 'vitest';
import { keysOf, lemma } from './stem.js';

/** Families that must share one key (words as written, through keysOf). */
const FAMILIES: [string, string[]][] = [
  ['arrive', ['وصل', 'يصل', 'سيصل', 'وصلت', 'وصول', 'وصلوا', 'تصل', 'يصلون']],
  ['receive', ['استقبل', 'يستقبل', 'سيستقبل', 'استقبال', 'مستقبلا', 'استقبلت', 'تستقبل']],
  ['meet', ['التقى', 'يلتقي', 'التقت', 'سيلتقي', 'التقيا']],
  ['condemn', ['أدان', 'يدين', 'إدانة', 'أدانت', 'تدين']],
  ['shell', ['قصف', 'يقصف', 'قصفت', 'تقصف', 'قصفوا']],
  ['announce', ['أعلن', 'يعلن', 'إعلان', 'أعلنت']],
  ['meet (meeting)', ['اجتمع', 'يجتمع', 'اجتماع']],
  ['cooperate', ['تعاون', 'يتعاون', 'التعاون']],
  ['say', ['قال', 'يقول', 'قالت', 'تقول']],
  ['visit', ['زار', 'يزور']],
  ['strengthen', ['تعزيز', 'يعزز']],
  ['call', ['دعا', 'يدعو', 'تدعو', 'دعوة']],
  ['accuse', ['اتهم', 'يتهم', 'اتهام', 'اتهامات']],
];

describe('lemma families', () => {
  it.each(FAMILIES)('%s', (_name, words) => {
    const keys = words.map(keysOf);
    expect(new Set(keys).size, `${words.join(' ')} → ${keys.join(' ')}`).toBe(1);
  });
});

describe('lemma does not over-strip', () => {
  it.each([
    ['وزير', 'وزير'],
    ['سلام', 'سلام'],
    ['كبير', 'كبير'],
    ['يوم', 'يوم'],
    ['في', 'في'],
    ['من', 'من'],
    ['الي', 'الي'],
    ['التي', 'التي'],
    ['قد', 'قد'],
  ])('%s → %s', (w, expected) => {
    expect(lemma(w)).toBe(expected);
  });

  it('different verbs keep different keys', () => {
    const verbs = [
      'وصل',
      'استقبل',
      'التقى',
      'أدان',
      'قصف',
      'أعلن',
      'زار',
      'قال',
      'اجتمع',
      'هاجم',
      'اتهم',
      'وقع',
    ];
    const keys = verbs.map(keysOf);
    expect(new Set(keys).size).toBe(verbs.length);
  });

  it('short words stay as they are', () => {
    expect(lemma('قد')).toBe('قد');
    expect(lemma('تم')).toBe('تم');
    expect(lemma('بحث')).toBe('بحث');
  });
});

describe('keysOf', () => {
  it('normalises, removes clitics, and matches token lemmas', () => {
    expect(keysOf('وسيستقبل')).toBe(keysOf('استقبل'));
    expect(keysOf('للزيارة')).toBe(keysOf('زيارة'));
    expect(keysOf('بالرئيس')).toBe(keysOf('رئيس'));
  });
  it('empty and non-Arabic input', () => {
    expect(keysOf('')).toBe('');
    expect(keysOf('  ')).toBe('');
    expect(keysOf('ISIS')).toBe('isis');
    expect(keysOf('2015')).toBe('2015');
  });
});
