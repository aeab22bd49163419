import { describe, expect, it } from 'vitest';
import { maskMarkup } from './mask.js';

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

describe('maskMarkup keeps offsets and blanks what is not prose', () => {
  // input, and the parts of it that must become spaces
  const cases: [string, string, string[]][] = [
    ['tags', '<p>وصل <b>الوزير</b></p>', ['<p>', '<b>', '</b>', '</p>']],
    ['script with its body', 'أ<script>alert("x")</script>ب', ['<script>alert("x")</script>']],
    ['img with onerror', 'نص <img src=x onerror="alert(1)"> نص', ['<img src=x onerror="alert(1)">']],
    ['entities', 'أ&nbsp;ب&#1575;ج', ['&nbsp;', '&#1575;']],
    ['control characters', 'أ\u0000ب\u0007ج\nد', ['\u0000', '\u0007']],
    ['comparisons are not tags', '3 < 5 و 7 > 2', []],
  ];
  for (const [name, input, parts] of cases) {
    it(name, () => {
      let want = input;
      for (const p of parts) want = want.replace(p, blank(p));
      const out = maskMarkup(input);
      expect(out).toBe(want);
      expect(out.length).toBe(input.length);
    });
  }
  it('returns the same string when there is nothing to mask', () => {
    const s = 'وصل وزير الخارجية إلى موسكو.';
    expect(maskMarkup(s)).toBe(s);
  });
});
