/** Bad input to the text layer: correct result, no crash, no hang. */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/text/normalize.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokenize.js';
import type { Sentence, Token } from '../src/types.js';

function run(text: string): { s: Sentence[]; t: Token[] } {
  const s = splitSentences(text);
  const t = tokenize(text, s);
  return { s, t };
}

function check(text: string, s: Sentence[], t: Token[]): void {
  let last = 0;
  for (const x of s) {
    expect(x.start).toBeGreaterThanOrEqual(last);
    expect(x.end).toBeGreaterThan(x.start);
    expect(text.slice(x.start, x.end)).toBe(x.text);
    last = x.end;
  }
  for (const k of t) {
    expect(text.slice(k.start, k.end)).toBe(k.text);
    let at = k.start;
    for (const p of k.pieces) {
      expect(p.start).toBe(at);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      at = p.end;
    }
    expect(at).toBe(k.end);
  }
}

describe('bad input', () => {
  it('empty text', () => {
    const { s, t } = run('');
    expect(s).toEqual([]);
    expect(t).toEqual([]);
    expect(normalize('')).toBe('');
  });

  it('text with no Arabic at all', () => {
    const text = 'Putin met Assad in Moscow on 3.5.2015. Talks were "good"!\nNext line';
    const { s, t } = run(text);
    check(text, s, t);
    expect(s.length).toBe(3);
    expect(t.filter((x) => x.kind === 'latin').map((x) => x.text)).toContain('Putin');
  });

  it('control characters', () => {
    const text = 'وصل\u0000 الوزير\u0007\u0008 إلى\u001b موسكو.\u0001\u007f\u0085وقال\u000bشيئا\f.';
    const { s, t } = run(text);
    check(text, s, t);
    expect(t.map((x) => x.text)).toEqual(['وصل', 'الوزير', 'إلى', 'موسكو', '.', 'وقال', 'شيئا', '.']);
  });

  it('lone surrogates and unusual code points', () => {
    const text = 'موسكو \ud800 دمشق \udc00\ufffd \u{10ffff}.';
    const { s, t } = run(text);
    check(text, s, t);
    expect(t[0]!.text).toBe('موسكو');
  });

  it('HTML markup pasted into text', () => {
    const text =
      '<p dir="rtl">وصل <b>الوزير</b> إلى موسكو.</p>\n<script>var a = "x";</script><br/>&nbsp;وقال &quot;جيدة&quot;.';
    const { s, t } = run(text);
    check(text, s, t);
    const words = t.filter((x) => x.kind === 'word').map((x) => x.text);
    expect(words).toEqual(['وصل', 'الوزير', 'إلى', 'موسكو', 'وقال', 'جيدة']);
  });

  it('only punctuation, only spaces, only tatweel and tashkeel', () => {
    for (const text of ['...', '؟؟؟ !!!', '\n\n\n', 'ـــ', 'َُِ', '«»', '"']) {
      const { s, t } = run(text);
      check(text, s, t);
    }
  });

  it('a very long word and a very long line', () => {
    const word = 'ب'.repeat(100_000);
    const { s, t } = run(word);
    check(word, s, t);
    expect(t.length).toBe(1);
    const line = 'كلمة '.repeat(50_000);
    const r = run(line);
    expect(r.s.length).toBe(1);
    expect(r.t.length).toBe(50_000);
  });

  it('20 MB of text in linear time', () => {
    const unit =
      'وصل وزير الخارجية «السوري» إلى موسكو، في زيارة رسمية. ' +
      'د. أحمد: 3.5% عام 2015م. ' +
      '"' +
      '...؟! ' +
      '(AFP) <b>x</b>\n';
    const text = unit.repeat(Math.ceil(20_000_000 / unit.length));
    expect(text.length).toBeGreaterThanOrEqual(20_000_000);
    const t0 = Date.now();
    const n = normalize(text);
    const s = splitSentences(text);
    const t = tokenize(text, s);
    const ms = Date.now() - t0;
    expect(n.length).toBeGreaterThan(0);
    expect(s.length).toBeGreaterThan(100_000);
    expect(t.length).toBeGreaterThan(1_000_000);
    // linear: a generous bound that a quadratic pass could never meet
    expect(ms).toBeLessThan(60_000);
    // spot-check spans at the end of the text
    for (const k of t.slice(-50)) expect(text.slice(k.start, k.end)).toBe(k.text);
  });

  it('20 MB without any space, punctuation or line break', () => {
    const text = 'سوريا'.repeat(4_000_000);
    const t0 = Date.now();
    const s = splitSentences(text);
    const t = tokenize(text, s);
    expect(s.length).toBe(1);
    expect(t.length).toBe(1);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('many unmatched quotes stay linear', () => {
    const text = '«'.repeat(200_000) + ' نص. ' + '"'.repeat(200_000);
    const t0 = Date.now();
    const { s } = run(text);
    expect(s.length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
