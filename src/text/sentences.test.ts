import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('empty and blank text give no sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n \t ')).toEqual([]);
  });

  it('splits on . ؟ ? ! …', () => {
    expect(texts('وصل الوزير. التقى الرئيس؟ نعم! هل انتهى? ربما… وقال ذلك.')).toEqual([
      'وصل الوزير.',
      'التقى الرئيس؟',
      'نعم!',
      'هل انتهى?',
      'ربما…',
      'وقال ذلك.',
    ]);
  });

  it('keeps runs of terminators and closing quotes with the sentence', () => {
    expect(texts('قال «انتهى الأمر.» ثم غادر. حقا؟! نعم.')).toEqual([
      'قال «انتهى الأمر.»',
      'ثم غادر.',
      'حقا؟!',
      'نعم.',
    ]);
  });

  it('a line break always ends a sentence; spans exclude whitespace', () => {
    const t = '  وصل الوزير إلى موسكو  \n\n  وقال إن المحادثات جيدة.\n';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(['وصل الوزير إلى موسكو', 'وقال إن المحادثات جيدة.']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
    expect(s.map((x) => x.index)).toEqual([0, 1]);
  });

  it('a short line without final punctuation is a heading', () => {
    const t =
      'تنسيق سوري روسي في المنصات الدولية\nأكد الوزير أن هناك تنسيقا.\nأجندة المباحثات\nتضمنت الأجندة ملفات عدة.';
    const s = splitSentences(t);
    expect(s.map((x) => [x.text, x.heading])).toEqual([
      ['تنسيق سوري روسي في المنصات الدولية', true],
      ['أكد الوزير أن هناك تنسيقا.', false],
      ['أجندة المباحثات', true],
      ['تضمنت الأجندة ملفات عدة.', false],
    ]);
  });

  it('a long line without final punctuation, or a line ending in : or ، is not a heading', () => {
    const long = Array.from({ length: 20 }, () => 'كلمة').join(' ');
    expect(splitSentences(long)[0]!.heading).toBe(false);
    expect(splitSentences('وقال الوزير:\nالوضع خطير.')[0]!.heading).toBe(false);
    expect(splitSentences('في سياق متصل،\nأعلن الوزير.')[0]!.heading).toBe(false);
    expect(splitSentences('من جهة ثانية، أعلنت روسيا أن الإصلاحات\nالمزمع إدخالها ستتأخر.')[0]!.heading).toBe(
      false,
    );
  });

  it('the fragment after a sentence on the same line is not a heading', () => {
    const s = splitSentences('وصل الوزير. ثم غادر');
    expect(s.map((x) => x.heading)).toEqual([false, false]);
  });

  it('initials and abbreviations do not end a sentence', () => {
    expect(texts('قال د. محمد الأحمد إن الوضع مستقر.')).toEqual(['قال د. محمد الأحمد إن الوضع مستقر.']);
    expect(texts('ألقى أ. د. خالد كلمة.')).toEqual(['ألقى أ. د. خالد كلمة.']);
    expect(texts('عنوانه ص.ب. 1234 الرياض.')).toEqual(['عنوانه ص.ب. 1234 الرياض.']);
    expect(texts('وقال م. أحمد إن المشروع اكتمل.')).toEqual(['وقال م. أحمد إن المشروع اكتمل.']);
    expect(texts('Mr. Putin met Dr. Assad in the U.S. capital.')).toEqual([
      'Mr. Putin met Dr. Assad in the U.S. capital.',
    ]);
  });

  it('an era letter after a year ends the sentence', () => {
    expect(texts('تأسست الشركة عام 2015م. وقال المدير إنها نمت.')).toEqual([
      'تأسست الشركة عام 2015م.',
      'وقال المدير إنها نمت.',
    ]);
    expect(texts('وذلك في عام 1436هـ. وأضاف أن العمل مستمر.')).toEqual([
      'وذلك في عام 1436هـ.',
      'وأضاف أن العمل مستمر.',
    ]);
    expect(texts('في عام 2015 م. وقال الوزير ذلك.')).toEqual(['في عام 2015 م.', 'وقال الوزير ذلك.']);
  });

  it('numbers with decimal points and list numbers do not split', () => {
    expect(texts('بلغ النمو 3.5 في المئة وعدد السكان 3.075.601 نسمة.')).toEqual([
      'بلغ النمو 3.5 في المئة وعدد السكان 3.075.601 نسمة.',
    ]);
    expect(texts('1. البند الأول\n2. البند الثاني')).toEqual(['1. البند الأول', '2. البند الثاني']);
  });

  it('never splits inside a short quoted span on one line', () => {
    expect(texts('وقال لافروف إن المحادثات كانت «جيدة. وبناءة» أمس.')).toEqual([
      'وقال لافروف إن المحادثات كانت «جيدة. وبناءة» أمس.',
    ]);
    expect(texts('ووصفها بأنها "مهمة! وضرورية" للبلدين.')).toEqual(['ووصفها بأنها "مهمة! وضرورية" للبلدين.']);
    expect(texts('قال “انتهى. فعلا” ثم غادر.')).toEqual(['قال “انتهى. فعلا” ثم غادر.']);
  });

  it('a quote broken by a line break does split at the line', () => {
    expect(texts('قال «انتهى الأمر.\nوغادر» القاعة.')).toEqual(['قال «انتهى الأمر.', 'وغادر» القاعة.']);
  });

  it('splits a dot glued to the next Arabic word after a full word, not after an initial', () => {
    expect(texts('وصل الوزير أمس.وقال إن الزيارة مهمة.')).toEqual([
      'وصل الوزير أمس.',
      'وقال إن الزيارة مهمة.',
    ]);
    expect(texts('التقى د.محمد بالوزير.')).toEqual(['التقى د.محمد بالوزير.']);
  });

  it('sentences do not overlap and appear in order', () => {
    const t = 'أ. ب. ج.\n«نعم.» لا؟\r\nهـ\u2029وصل. ';
    const s = splitSentences(t);
    let last = 0;
    for (const x of s) {
      expect(x.start).toBeGreaterThanOrEqual(last);
      expect(x.end).toBeGreaterThan(x.start);
      expect(t.slice(x.start, x.end)).toBe(x.text);
      last = x.end;
    }
  });
});
