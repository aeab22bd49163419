import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, type ProgressStream } from './progress.js';

function fakeStream(isTTY: boolean, columns = 100): ProgressStream & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    isTTY,
    columns,
    write(s: string) {
      out.push(s);
      return true;
    },
  };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createProgress on a terminal', () => {
  it('redraws one bar line at most every 100 ms with count, percent, rate, elapsed, ETA and failures', () => {
    const s = fakeStream(true);
    const c = clock();
    const p = createProgress({ total: 200, stream: s, label: 'ingest', now: c.now });
    c.advance(1000);
    p.tick(10);
    expect(s.out).toHaveLength(1);
    const line = s.out[0] ?? '';
    expect(line.startsWith('\ringest [')).toBe(true);
    expect(line.endsWith('\x1b[K')).toBe(true);
    expect(line).toContain('10/200  5.0%  10.0/s  elapsed 0:01  ETA 0:19');
    expect(line).not.toContain('failed');
    // ticks within 100 ms do not redraw
    c.advance(50);
    p.tick(1);
    p.tick(1, { failed: true });
    expect(s.out).toHaveLength(1);
    c.advance(50);
    p.tick(8, { failed: 2 });
    expect(s.out).toHaveLength(2);
    expect(s.out[1]).toContain('20/200  10.0%');
    expect(s.out[1]).toContain('3 failed');
    expect(s.out.join('')).not.toContain('\n');
    expect(p.count).toBe(20);
    expect(p.failed).toBe(3);
  });

  it('draws a bar whose filled part follows the fraction done and fits the terminal width', () => {
    const s = fakeStream(true, 60);
    const c = clock();
    const p = createProgress({ total: 4, stream: s, label: 'x', now: c.now });
    c.advance(1000);
    p.tick(2);
    const bar = /\[(█*)(░*)\]/.exec(s.out[0] ?? '');
    expect(bar?.[1]?.length).toBe(bar?.[2]?.length);
    const visible = (s.out[0] ?? '').replace('\r', '').replace('\x1b[K', '');
    expect(visible.length).toBeLessThanOrEqual(59);
  });

  it('writes log lines above the bar and a final summary line', () => {
    const s = fakeStream(true);
    const c = clock();
    const p = createProgress({ total: 3, stream: s, label: 'ingest', now: c.now });
    c.advance(500);
    p.tick();
    p.log('rasad: a.jsonl:2: not valid JSON');
    expect(s.out.slice(1, 3)).toEqual(['\r\x1b[K', 'rasad: a.jsonl:2: not valid JSON\n']);
    expect(s.out[3]?.startsWith('\ringest [')).toBe(true);
    c.advance(125_500);
    p.tick(2, { failed: 1 });
    const sum = p.done();
    expect(sum).toEqual({ done: 3, failed: 1, elapsedMs: 126_000, rate: 3 / 126 });
    expect(s.out.at(-1)).toBe('ingest: 3 done (1 failed) in 2:06, 0.02/s\n');
    expect(s.out.at(-2)).toBe('\r\x1b[K');
    const n = s.out.length;
    p.tick();
    p.done();
    expect(s.out).toHaveLength(n);
  });
});

describe('createProgress without a terminal', () => {
  it('writes a plain line every N seconds and a summary', () => {
    const s = fakeStream(false);
    const c = clock();
    const p = createProgress({ total: 1000, stream: s, label: 'ingest', now: c.now, plainEveryMs: 10_000 });
    for (let i = 0; i < 9; i++) {
      c.advance(1000);
      p.tick(25);
    }
    expect(s.out).toEqual([]);
    c.advance(1000);
    p.tick(25, { failed: 1 });
    expect(s.out).toEqual(['ingest: 250/1000 (25.0%), 25.0/s, elapsed 0:10, ETA 0:30, 1 failed\n']);
    c.advance(5000);
    p.tick(1);
    expect(s.out).toHaveLength(1);
    p.done();
    expect(s.out.at(-1)).toBe('ingest: 251 done (1 failed) in 0:15, 16.7/s\n');
    expect(s.out.join('')).not.toMatch(/\r|\x1b/);
  });

  it('uses plain lines when the total is unknown, even on a terminal', () => {
    const s = fakeStream(true);
    const c = clock();
    const p = createProgress({ stream: s, label: 'watch', now: c.now, plainEveryMs: 2000 });
    c.advance(2000);
    p.tick(300);
    expect(s.out).toEqual(['watch: 300 done, 150/s, elapsed 0:02\n']);
    p.setTotal(600);
    c.advance(2000);
    p.tick(300);
    expect(s.out[1]?.startsWith('\rwatch [')).toBe(true);
    expect(s.out[1]).toContain('600/600  100.0%  150/s  elapsed 0:04  ETA 0:00');
  });
});

describe('formatDuration', () => {
  it('formats m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(61_400)).toBe('1:01');
    expect(formatDuration(3_600_000 + 125_000)).toBe('1:02:05');
  });
});
