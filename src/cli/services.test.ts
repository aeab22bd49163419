import { describe, expect, it } from 'vitest';
import { parseDuration } from './services.js';

describe('durations of --interval', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['30', 30_000],
    ['1.5m', 90_000],
  ])('%s → %d ms', (v, ms) => expect(parseDuration('interval', v)).toBe(ms));

  it('rejects what is not a duration, naming the option', () => {
    expect(() => parseDuration('interval', 'soon')).toThrow(/--interval "soon": expected a duration/);
    expect(() => parseDuration('interval', '10ms')).toThrow(/at least one second/);
  });
});
