/** Arabic full-text terms, query groups, first-match offsets and snippets. */
import { describe, expect, it } from 'vitest';
import {
  findFirstMatch,
  fts5Match,
  indexTerms,
  queryGroups,
  queryTerms,
  snippet,
  textMatches,
} from './search-text.js';

describe('indexTerms', () => {
  it('indexes each word by its normalised whole form and its stem', () => {
    const terms = indexTerms('التقى الشيبانيّ وأحمد، في 2024.').split(' ');
    expect(terms).toContain('الشيباني');
    expect(terms).toContain('شيباني');
    expect(terms).toContain('واحمد');
    expect(terms).toContain('احمد');
    expect(terms).toContain('2024');
    expect(terms).not.toContain('،');
    expect(terms.every((t) => t !== '' && !/\s/.test(t))).toBe(true);
  });

  it('folds Arabic-Indic digits and Latin case', () => {
    expect(indexTerms('قمة G20 عام ٢٠٢٤').split(' ')).toEqual(expect.arrayContaining(['g20', '2024']));
  });

  it('gives nothing for a text without words', () => {
    expect(indexTerms('... ، !')).toBe('');
  });
});

describe('queries', () => {
  it('groups the forms of each query word', () => {
    expect(queryGroups('الشيبانيّ')).toEqual([['الشيباني', 'شيباني']]);
    expect(queryGroups('احمد')).toEqual([['احمد']]);
    expect(queryGroups('أحمد أحمد')).toEqual([['احمد']]);
    expect(queryTerms('للشيباني وموسكو')).toEqual(['للشيباني', 'شيباني', 'وموسكو', 'موسكو']);
    expect(queryGroups('  ، ')).toEqual([]);
  });

  it('builds an FTS5 expression: every word, either form', () => {
    expect(fts5Match('الشيباني احمد')).toBe('("الشيباني" OR "شيباني") AND "احمد"');
    expect(fts5Match('؟')).toBeNull();
  });

  it('matches texts by the same rule as the index', () => {
    expect(textMatches('صرّح الشيبانيّ للصحفيين', 'الشيباني')).toBe(true);
    expect(textMatches('نقلت تصريحات للشيباني', 'الشيباني')).toBe(true);
    expect(textMatches('استقبل أحمد الضيوف', 'احمد')).toBe(true);
    expect(textMatches('استقبل أحمد الضيوف', 'احمد الشيباني')).toBe(false);
    expect(textMatches('نص آخر', 'الشيباني')).toBe(false);
  });
});

describe('findFirstMatch and snippet', () => {
  it('gives offsets into the text as written', () => {
    const text = 'قال مصدر إن الوزيرَ الشيبانيّ وصل. ثم تحدث للشيباني مجددا.';
    const m = findFirstMatch(text, 'الشيباني');
    expect(m).not.toBeNull();
    expect(text.slice(m!.start, m!.end)).toBe('الشيبانيّ');
    const later = findFirstMatch(text, 'مجددا');
    expect(text.slice(later!.start, later!.end)).toBe('مجددا');
    expect(findFirstMatch(text, 'موسكو')).toBeNull();
    expect(findFirstMatch(text, '')).toBeNull();
  });

  it('cuts a snippet at word boundaries around the match', () => {
    const words = Array.from({ length: 60 }, (_, i) => `كلمة${i}`);
    const text = words.join(' ');
    const start = text.indexOf('كلمة30');
    const s = snippet(text, start, start + 'كلمة30'.length, 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('كلمة30');
    expect(s.length).toBeLessThan(110);
    const inner = s.slice(1, -1).split(' ');
    expect(inner.every((w) => words.includes(w))).toBe(true);
    expect(snippet('نص قصير', 0, 2)).toBe('نص قصير');
  });
});
