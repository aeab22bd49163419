import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { RasadError } from '../errors.js';
import { addFilterOptions, intOption, toFilter } from './filters.js';

describe('command-line event filters', () => {
  it('parse every option into an EventFilter', () => {
    const cmd = addFilterOptions(new Command().exitOverride());
    cmd.parse(
      [
        '--actor',
        'SYRGOV',
        '--pair',
        'SYR, RUS',
        '--country',
        'syr',
        '--code',
        '04',
        '--quad',
        '1,3',
        '--from',
        '2025-10-01',
        '--to',
        '2025-12-31',
        '--modality',
        'asserted,future',
        '--place',
        'موسكو',
        '--text',
        'الشيباني',
        '--article',
        'a1',
        '--min-articles',
        '2',
      ],
      { from: 'user' },
    );
    expect(toFilter(cmd.opts())).toEqual({
      actor: 'SYRGOV',
      pair: ['SYR', 'RUS'],
      country: 'SYR',
      code: '04',
      quad: [1, 3],
      from: '2025-10-01',
      to: '2025-12-31',
      modality: ['asserted', 'future'],
      place: 'موسكو',
      text: 'الشيباني',
      article: 'a1',
      minArticles: 2,
    });
  });

  it.each([
    [{ quad: '5' }, /--quad "5": expected quad classes 1-4/],
    [{ from: '2025-13-40' }, /--from "2025-13-40": expected a date YYYY-MM-DD/],
    [{ to: 'yesterday' }, /--to "yesterday"/],
    [{ pair: 'SYR' }, /--pair "SYR": expected two actors/],
    [{ code: '4x' }, /--code "4x": expected a CAMEO code prefix/],
    [{ country: 'Syria' }, /--country "Syria": expected a 3-letter country code/],
    [{ modality: 'maybe' }, /--modality "maybe": expected asserted, future, hypothetical, negated/],
    [{ minArticles: '0' }, /--min-articles "0": expected a positive integer/],
  ])('reject %o with a message naming the option and what was expected', (o, msg) => {
    expect(() => toFilter(o)).toThrow(msg);
    try {
      toFilter(o);
    } catch (e) {
      expect(e).toBeInstanceOf(RasadError);
      expect((e as RasadError).code).toBe('BAD_ARGUMENT');
    }
  });

  it('integer options have a default and a ceiling', () => {
    expect(intOption('limit', undefined, 50, 1000)).toBe(50);
    expect(intOption('limit', '20', 50, 1000)).toBe(20);
    expect(() => intOption('limit', '5000', 50, 1000)).toThrow(
      /--limit "5000": expected an integer from 0 to 1000/,
    );
    expect(() => intOption('offset', '-1', 0)).toThrow(/non-negative/);
  });
});
