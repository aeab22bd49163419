import { describe, expect, it } from 'vitest';
import { type GoldDocument, pyFixed, score } from './score.js';

describe('pyFixed rounds like Python format()', () => {
  it.each([
    [0.3125, 3, '0.312'],
    [0.3135, 3, '0.314'],
    [0.6875, 3, '0.688'],
    [0.1, 3, '0.100'],
    [2 / 3, 3, '0.667'],
    [0, 3, '0.000'],
    [1, 3, '1.000'],
  ])('%d → %s', (x, d, want) => {
    expect(pyFixed(x, d)).toBe(want);
  });
});

const gold: GoldDocument[] = [
  {
    id: 'd1',
    text: '',
    events: [
      {
        code: '042',
        source: 'SYRGOV',
        target: 'RUS',
        date: '2025-12-24',
        date_tolerance_days: 1,
        place: 'RUS:Moscow',
      },
      { code: '040', source: 'SYRGOV', target: 'RUSGOV', date: '2025-12-23', place: null },
      { code: '051', source: 'RUSGOV', target: 'SYRGOV', required: false },
    ],
  },
];
const rec = (code: string, s: string | null, t: string | null, extra: Record<string, unknown> = {}) => ({
  article: 'd1',
  code,
  source: s ? { code: s } : null,
  target: t ? { code: t } : null,
  modality: 'asserted',
  ...extra,
});

describe('score', () => {
  it('matches by prefix, symmetric codes either way, optional events neither right nor wrong', () => {
    const r = score(gold, [
      rec('042', 'SYRGOV', 'RUSGOV', { date: '2025-12-25', place: { country: 'RUS' } }),
      rec('040', 'RUSGOV', 'SYRGOV', { date: '2025-12-23' }),
      rec('051', 'RUSGOV', 'SYRGOV'),
      rec('111', 'SYR', 'RUS'),
    ]);
    expect([r.code.tp, r.code.fn, r.code.pred_right, r.code.pred_wrong]).toEqual([2, 0, 2, 1]);
    expect([r.full.tp, r.full.fn]).toEqual([2, 0]);
  });
  it('requires the irrealis flag to agree and counts malformed records', () => {
    const r = score(gold, [rec('042', 'SYRGOV', 'RUS', { modality: 'future' }), { nope: 1 }]);
    expect(r.code.tp).toBe(0);
    expect(r.malformed).toBe(1);
  });
  it('a full-level match needs the date within tolerance and the place country', () => {
    const r = score(gold, [rec('042', 'SYRGOV', 'RUS', { date: '2025-12-26', place: { country: 'RUS' } })]);
    expect(r.code.tp).toBe(1);
    expect(r.full.tp).toBe(0);
  });
});
