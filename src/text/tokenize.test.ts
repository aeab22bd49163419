import { describe, expect, it } from 'vitest';
import type { Token } from '../types.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

function tok(text: string): Token[] {
  return tokenize(text, splitSentences(text));
}

function checkSpans(text: string, tokens: Token[]): void {
  let last = 0;
  tokens.forEach((t, i) => {
    expect(t.index).toBe(i);
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.start).toBeGreaterThanOrEqual(last);
    last = t.end;
    expect(t.pieces.length).toBeGreaterThan(0);
    expect(t.pieces[0]!.start).toBe(t.start);
    expect(t.pieces[t.pieces.length - 1]!.end).toBe(t.end);
    for (let j = 0; j < t.pieces.length; j++) {
      const p = t.pieces[j]!;
      expect(text.slice(p.start, p.end)).toBe(p.text);
      if (j > 0) expect(p.start).toBe(t.pieces[j - 1]!.end);
    }
    expect(t.pieces.filter((p) => p.kind === 'stem').length).toBe(1);
  });
}

describe('tokenize: kinds and spans', () => {
  it('words, numbers, Latin, punctuation, symbols', () => {
    const text = 'بلغ النمو 3.5% عام 2015م و١٥ ألفا (AFP) G20 – 3.075.601 $';
    const t = tok(text);
    checkSpans(text, t);
    expect(t.map((x) => [x.text, x.kind])).toEqual([
      ['بلغ', 'word'],
      ['النمو', 'word'],
      ['3.5', 'number'],
      ['%', 'punct'], // % is Unicode punctuation (Po)
      ['عام', 'word'],
      ['2015', 'number'],
      ['م', 'word'],
      ['و', 'word'],
      ['١٥', 'number'],
      ['ألفا', 'word'],
      ['(', 'punct'],
      ['AFP', 'latin'],
      [')', 'punct'],
      ['G20', 'latin'],
      ['–', 'punct'],
      ['3.075.601', 'number'],
      ['$', 'symbol'],
    ]);
    expect(t.find((x) => x.text === '١٥')!.norm).toBe('15');
  });

  it('tashkeel and tatweel stay inside the word span', () => {
    const text = 'وَصَلَ الرئيـــسُ';
    const t = tok(text);
    checkSpans(text, t);
    expect(t.map((x) => x.text)).toEqual(['وَصَلَ', 'الرئيـــسُ']);
    expect(t[0]!.norm).toBe('وصل');
    expect(t[1]!.pieces.map((p) => p.text)).toEqual(['ال', 'رئيـــسُ']);
    expect(t[1]!.stem).toBe('رييس');
  });

  it('sentence index of each token', () => {
    const text = 'وصل الوزير. ثم غادر.';
    const t = tok(text);
    expect(t.map((x) => x.sentence)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('zero-width joiner between letters stays in the word; elsewhere it is skipped', () => {
    const text = 'می\u200cخواهم \u200bموسكو';
    const t = tok(text);
    checkSpans(text, t);
    expect(t.map((x) => x.text)).toEqual(['می\u200cخواهم', 'موسكو']);
  });

  it('emoji and other astral characters are one symbol token', () => {
    const text = 'موسكو 🇷🇺 دمشق';
    const t = tok(text);
    checkSpans(text, t);
    expect(t.map((x) => x.kind)).toEqual(['word', 'symbol', 'symbol', 'word']);
  });
});

describe('tokenize: clitic pieces', () => {
  const seg = (w: string) =>
    tok(w)[0]!
      .pieces.map((p) => `${p.text}:${p.kind[0]}`)
      .join(' ');

  it.each([
    ['وبالرئيس', 'و:p ب:p ال:p رئيس:s'],
    ['للرئيس', 'ل:p ل:p رئيس:s'],
    ['وللمرة', 'و:p ل:p ل:p مرة:s'],
    ['سيستقبل', 'س:p يستقبل:s'],
    ['والتقى', 'و:p التقى:s'],
    ['نظيره', 'نظير:s ه:e'],
    ['لبلاده', 'ل:p بلاد:s ه:e'],
    ['زيارته', 'زيارت:s ه:e'],
    ['له', 'ل:s ه:e'],
    ['السوري', 'ال:p سوري:s'],
    ['وزير', 'وزير:s'],
    ['بوتين', 'بوتين:s'],
    ['لافروف', 'لافروف:s'],
    ['كبير', 'كبير:s'],
    ['الله', 'الله:s'],
  ])('%s → %s', (w, expected) => {
    expect(seg(w)).toBe(expected);
  });

  it('the article written as one ل after the preposition ل has norm ال', () => {
    const t = tok('للرئيس')[0]!;
    expect(t.pieces.map((p) => p.norm)).toEqual(['ل', 'ال', 'رييس']);
    expect(t.stem).toBe('رييس');
  });

  it('stem and lemma of a segmented verb', () => {
    const t = tok('وسيصل')[0]!;
    expect(t.stem).toBe('يصل');
    expect(t.lemma).toBe(tok('وصل')[0]!.lemma);
  });
});
