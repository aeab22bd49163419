/**
 * Every example of every event pattern (data/patterns/*.yaml) runs through the whole
 * pipeline: the events that pattern yields must be exactly the expected ones.
 */
import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../src/events/patterns.js';
import { extract, loadResources } from '../src/pipeline.js';

const SYMMETRIC = new Set(['040', '041', '044', '046', '057']);
const patterns = loadPatterns();
const res = loadResources();

function norm(e: string): string {
  const [code, s, t] = e.split(' ') as [string, string, string];
  if (SYMMETRIC.has(code.slice(0, 3)) && s > t) return `${code} ${t} ${s}`;
  return `${code} ${s} ${t}`;
}

describe('pattern examples', () => {
  for (const p of patterns) {
    p.examples.forEach((ex, i) => {
      it(`${p.id} #${i + 1} (${p.file}:${ex.line})`, () => {
        const events = extract({ id: `${p.id}-${i}`, text: ex.text, published: ex.published ?? '2025-01-15' }, res);
        const got = events
          .filter((e) => e.pattern === p.id)
          .map((e) => norm(`${e.code} ${e.source?.code ?? '-'} ${e.target?.code ?? '-'}`))
          .sort();
        expect([...new Set(got)], ex.text).toEqual([...new Set(ex.expect.map(norm))].sort());
      });
    });
  }
});
