import { describe, expect, it } from 'vitest';
import { loadResources } from '../pipeline.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../types.js';
import { findTriggers } from './triggers.js';
import {
  formVMismatch,
  hasFormVT,
  isAccusativeNoun,
  isBrokenPluralAfail,
  isDerivedParticiple,
} from './word-forms.js';

function word(w: string): Token {
  const t = tokenize(w, splitSentences(w)).find((x) => x.kind === 'word');
  if (!t) throw new Error(`no word in ${w}`);
  return t;
}

describe('word forms that share a verb key', () => {
  it('derived participles: مستقبل, متوسط, not استقبل or منع', () => {
    expect(isDerivedParticiple(word('مستقبل'))).toBe(true);
    expect(isDerivedParticiple(word('والمتوسط'))).toBe(true);
    expect(isDerivedParticiple(word('استقبل'))).toBe(false);
    expect(isDerivedParticiple(word('يمنع'))).toBe(false);
  });
  it('accusative verbal nouns: وصولا, استقبالاً, طالباً with tanween; not اجتمعا or دعا', () => {
    expect(isAccusativeNoun(word('وصولا'))).toBe(true);
    expect(isAccusativeNoun(word('استقبالاً'))).toBe(true);
    expect(isAccusativeNoun(word('طالباً'))).toBe(true);
    expect(isAccusativeNoun(word('اجتمعا'))).toBe(false);
    expect(isAccusativeNoun(word('دعا'))).toBe(false);
    expect(isAccusativeNoun(word('وصلوا'))).toBe(false);
  });
  it('broken plurals أفاعيل', () => {
    expect(isBrokenPluralAfail(word('أناشيد'))).toBe(true);
    expect(isBrokenPluralAfail(word('ناشد'))).toBe(false);
  });
  it('Form V/VI ت of trigger words, not Form II masdars or Form X imperfects', () => {
    expect(hasFormVT('توسط')).toBe(true);
    expect(hasFormVT('تباحث')).toBe(true);
    expect(hasFormVT('يتوجه')).toBe(true);
    expect(hasFormVT('تسليم')).toBe(false);
    expect(hasFormVT('تستضيف')).toBe(false);
    expect(hasFormVT('حمل')).toBe(false);
  });
  it('Form V mismatch: وسط is not توسط, يتحمل is not حمّل, يترك is ترك', () => {
    expect(formVMismatch('توسط', 'وسط', word('وسط'))).toBe(true);
    expect(formVMismatch('توسط', 'وسط', word('يتوسط'))).toBe(false);
    expect(formVMismatch('توسط', 'وسط', word('وتوسطت'))).toBe(false);
    expect(formVMismatch('حمل', 'حمل', word('يتحمل'))).toBe(true);
    expect(formVMismatch('حمل', 'حمل', word('وحمل'))).toBe(false);
    expect(formVMismatch('ترك', 'ترك', word('يترك'))).toBe(false);
    expect(formVMismatch('وصل', 'وصل', word('وتوصلت'))).toBe(true);
    expect(formVMismatch('وصل', 'وصل', word('وصلت'))).toBe(false);
    expect(formVMismatch('وصل', 'وصل', word('تصل'))).toBe(false);
    expect(formVMismatch('وقع', 'وقع', word('توقيع'))).toBe(false);
    expect(formVMismatch('وقع', 'وقع', word('توقع'), false)).toBe(false);
    expect(formVMismatch('يؤيد', 'واد', word('تؤيد'))).toBe(false);
  });
});

describe('trigger lookup with word forms', () => {
  const res = loadResources();
  function ids(text: string): string[] {
    const toks = tokenize(text, splitSentences(text));
    return findTriggers(toks, 0, toks.length, res.coder.index, new Uint8Array(toks.length)).map(
      (h) => h.pattern.id,
    );
  }
  it('مستقبل (future) does not trigger hosting; استقبل does', () => {
    expect(ids('لا دور للأسد في مستقبل سوريا')).not.toContain('consult.host');
    expect(ids('استقبل الرئيس الوفد')).toContain('consult.host');
  });
  it('الأكثر استقبالاً (most receptive) does not trigger hosting', () => {
    expect(ids('الدولة الأكثر استقبالاً للإنتاجات العالمية')).not.toContain('consult.host');
  });
});
