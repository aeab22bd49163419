/** Unit tests of the cross-article merge rule (pure functions of merge.ts). */
import { describe, expect, it } from 'vitest';
import { actor, PLACES, record } from '../../test/store/records.js';
import { cameoInfo } from '../events/cameo.js';
import {
  aggregate,
  type Candidate,
  candidateDates,
  chooseEvent,
  codeFamily,
  eventIdFor,
  mergeDate,
  mergeKey,
  mostFrequent,
  outletOf,
  placesCompatible,
  toMention,
} from './merge.js';

const cand = (id: string, date: string | null, extra: Partial<Candidate> = {}): Candidate => ({
  id,
  date,
  place: null,
  num_mentions: 1,
  added: '2025-01-01T00:00:00.000Z',
  ...extra,
});

describe('merge keys', () => {
  it('takes the code family as the first three digits', () => {
    expect(codeFamily('0421')).toBe('042');
    expect(codeFamily('042')).toBe('042');
    expect(codeFamily('04')).toBe('04');
  });

  it('compares on the record date, else the publication day, else nothing', () => {
    expect(mergeDate(record({ id: 'a', article: 'x', date: '2025-10' }), '2025-12-01')).toBe('2025-10');
    expect(mergeDate(record({ id: 'a', article: 'x', date: null }), '2025-12-01T08:30:00Z')).toBe(
      '2025-12-01',
    );
    expect(mergeDate(record({ id: 'a', article: 'x', date: null }), '2025')).toBeNull();
    expect(mergeDate(record({ id: 'a', article: 'x', date: null }), null)).toBeNull();
  });

  it('keys on family, directed actor codes, modality and date precision; none without a date', () => {
    const r = record({ id: 'a', article: 'x', code: '0311', source: 'SYRGOV', target: null });
    expect(mergeKey(r, '2025-10-14')).toBe('031|SYRGOV|-|asserted|day');
    expect(mergeKey(r, '2025-10')).toBe('031|SYRGOV|-|asserted|month');
    expect(mergeKey(r, '2025')).toBe('031|SYRGOV|-|asserted|year');
    expect(mergeKey(r, null)).toBeNull();
    const reversed = record({ id: 'b', article: 'x', source: 'RUSGOV', target: 'SYRGOV' });
    const forward = record({ id: 'c', article: 'x', source: 'SYRGOV', target: 'RUSGOV' });
    expect(mergeKey(reversed, '2025-10-14')).not.toBe(mergeKey(forward, '2025-10-14'));
    const future = record({ id: 'd', article: 'x', modality: 'future' });
    expect(mergeKey(future, '2025-10-14')).not.toBe(mergeKey(forward, '2025-10-14'));
  });

  it('lists the candidate dates: a day and its neighbours across month and year ends', () => {
    expect(candidateDates('2025-10-14')).toEqual(['2025-10-13', '2025-10-14', '2025-10-15']);
    expect(candidateDates('2025-01-01')).toEqual(['2024-12-31', '2025-01-01', '2025-01-02']);
    expect(candidateDates('2024-02-29')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(candidateDates('2025-10')).toEqual(['2025-10']);
    expect(candidateDates('2025')).toEqual(['2025']);
  });
});

describe('places', () => {
  it('are compatible when missing, country-level in the same country, or the same place', () => {
    expect(placesCompatible(null, PLACES.damascus)).toBe(true);
    expect(placesCompatible(PLACES.damascus, null)).toBe(true);
    expect(placesCompatible(PLACES.damascus, PLACES.syria)).toBe(true);
    expect(placesCompatible(PLACES.syria, PLACES.aleppo)).toBe(true);
    expect(placesCompatible(PLACES.damascus, { ...PLACES.damascus })).toBe(true);
    expect(placesCompatible(PLACES.damascus, PLACES.aleppo)).toBe(false);
    expect(placesCompatible(PLACES.damascus, PLACES.moscow)).toBe(false);
    expect(placesCompatible(PLACES.syria, { ...PLACES.moscow, lat: null, lon: null })).toBe(false);
  });
});

describe('chooseEvent', () => {
  const r = record({ id: 'r', article: 'x', date: '2025-10-14', place: PLACES.damascus });

  it('joins the nearest date within one day', () => {
    const best = chooseEvent(r, '2025-10-14', [cand('far', '2025-10-13'), cand('same', '2025-10-14')]);
    expect(best?.id).toBe('same');
    expect(
      chooseEvent(r, '2025-10-14', [cand('two', '2025-10-16'), cand('twoback', '2025-10-12')]),
    ).toBeNull();
  });

  it('breaks ties by most mentions, then the oldest', () => {
    const a = cand('a', '2025-10-13', { num_mentions: 2 });
    const b = cand('b', '2025-10-15', { num_mentions: 5 });
    expect(chooseEvent(r, '2025-10-14', [a, b])?.id).toBe('b');
    const old = cand('old', '2025-10-15', { added: '2024-01-01T00:00:00.000Z' });
    const young = cand('young', '2025-10-13', { added: '2025-06-01T00:00:00.000Z' });
    expect(chooseEvent(r, '2025-10-14', [young, old])?.id).toBe('old');
  });

  it('skips candidates of another precision, without a date, or with an incompatible place', () => {
    expect(chooseEvent(r, '2025-10-14', [cand('month', '2025-10'), cand('none', null)])).toBeNull();
    expect(chooseEvent(r, '2025-10-14', [cand('aleppo', '2025-10-14', { place: PLACES.aleppo })])).toBeNull();
    expect(chooseEvent(r, '2025-10-14', [cand('syria', '2025-10-14', { place: PLACES.syria })])?.id).toBe(
      'syria',
    );
    const m = record({ id: 'm', article: 'x', date: '2025-10' });
    expect(chooseEvent(m, '2025-10', [cand('sep', '2025-09'), cand('oct', '2025-10')])?.id).toBe('oct');
    expect(chooseEvent(m, '2025-10', [cand('day', '2025-10-01')])).toBeNull();
  });
});

describe('mentions and outlets', () => {
  it('turns a record into a mention row', () => {
    const r = record({ id: 'r9', article: 'a9', code: '043', sentence: 3, start: 10, trigger: 'استقبل' });
    expect(toMention(r, 'ev-1', 'sana')).toEqual({
      id: 'r9',
      event: 'ev-1',
      article: 'a9',
      sentence: 3,
      start: 10,
      end: 16,
      trigger: 'استقبل',
      code: '043',
      modality: 'asserted',
      confidence: 0.8,
      pattern: 'test.043',
      outlet: 'sana',
      record: r,
    });
    expect(eventIdFor(r)).toBe('ev-r9');
  });

  it('takes the outlet from the source, else the URL host', () => {
    expect(outletOf({ source: 'sana', url: 'https://x.example/a' })).toBe('sana');
    // one outlet however its pages are linked: the readers name outlets the same way
    expect(outletOf({ url: 'https://www.x.example:8080/a?b' })).toBe('x.example');
    expect(outletOf({ url: 'http://x.example/b' })).toBe('x.example');
    expect(outletOf({ url: 'not a url' })).toBeNull();
    expect(outletOf({})).toBeNull();
  });
});

describe('aggregate', () => {
  const assad = actor('SYRGOV', { actor: 'rasad:assad', name: 'Bashar al-Assad' });
  const m = (id: string, article: string, outlet: string | null, spec: Parameters<typeof record>[0]) =>
    toMention(record({ ...spec, id, article }), 'ev', outlet);

  it('counts mentions, articles and outlets (an article without outlet counts alone)', () => {
    const ev = aggregate(
      'ev',
      [
        m('1', 'a', 'sana', { id: '', article: '' }),
        m('2', 'a', 'sana', { id: '', article: '' }),
        m('3', 'b', 'sana', { id: '', article: '' }),
        m('4', 'c', null, { id: '', article: '' }),
        m('5', 'd', null, { id: '', article: '' }),
      ],
      '2025-01-01',
      '2025-01-02T00:00:00.000Z',
    );
    expect([ev.num_mentions, ev.num_articles, ev.num_sources]).toEqual([5, 4, 3]);
    expect(ev).toMatchObject({
      id: 'ev',
      date: '2025-01-01',
      first_article: 'a',
      added: '2025-01-02T00:00:00.000Z',
    });
  });

  it('takes the most frequent code (ties: the earliest), with its CAMEO fields', () => {
    const tie = aggregate(
      'ev',
      [
        m('1', 'a', null, { id: '', article: '', code: '031' }),
        m('2', 'b', null, { id: '', article: '', code: '0311' }),
      ],
      null,
      'now',
    );
    expect(tie.code).toBe('031');
    const most = aggregate(
      'ev',
      [
        m('1', 'a', null, { id: '', article: '', code: '190' }),
        m('2', 'b', null, { id: '', article: '', code: '1823' }),
        m('3', 'c', null, { id: '', article: '', code: '1823' }),
      ],
      null,
      'now',
    );
    const info = cameoInfo('1823');
    expect(most).toMatchObject({ code: '1823', root: info.root, quad: info.quad, goldstein: info.goldstein });
  });

  it('keeps the first actors, naming them by the most frequent actor id', () => {
    const ev = aggregate(
      'ev',
      [
        m('1', 'a', null, { id: '', article: '', source: 'SYRGOV' }),
        m('2', 'b', null, { id: '', article: '', source: assad }),
        m('3', 'c', null, { id: '', article: '', source: assad }),
      ],
      null,
      'now',
    );
    expect(ev.source).toEqual({
      code: 'SYRGOV',
      country: 'SYR',
      actor: 'rasad:assad',
      name: 'Bashar al-Assad',
      text: 'SYRGOV',
    });
    expect(ev.target?.code).toBe('RUSGOV');
  });

  it('prefers a city to the country, then the most frequent place; highest confidence', () => {
    const ev = aggregate(
      'ev',
      [
        m('1', 'a', null, { id: '', article: '', place: PLACES.syria, confidence: 0.4 }),
        m('2', 'b', null, { id: '', article: '', place: PLACES.syria, confidence: 0.95 }),
        m('3', 'c', null, { id: '', article: '', place: PLACES.aleppo }),
        m('4', 'd', null, { id: '', article: '', place: PLACES.damascus }),
        m('5', 'e', null, { id: '', article: '', place: PLACES.damascus }),
      ],
      null,
      'now',
    );
    expect(ev.place).toEqual(PLACES.damascus);
    expect(ev.confidence).toBe(0.95);
    const countryOnly = aggregate(
      'ev',
      [m('1', 'a', null, { id: '', article: '', place: PLACES.syria })],
      null,
      'n',
    );
    expect(countryOnly.place).toEqual(PLACES.syria);
    const none = aggregate('ev', [m('1', 'a', null, { id: '', article: '' })], null, 'n');
    expect(none.place).toBeNull();
  });

  it('refuses an event without mentions', () => {
    expect(() => aggregate('ev', [], null, 'now')).toThrow(/no mentions/);
  });

  it('mostFrequent breaks ties by first appearance', () => {
    expect(mostFrequent(['b', 'a', 'a', 'b'])).toBe('b');
    expect(mostFrequent(['b', 'a', 'a'])).toBe('a');
    expect(mostFrequent([])).toBeNull();
  });
});
